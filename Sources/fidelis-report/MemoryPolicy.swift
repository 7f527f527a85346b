import CMallocPolicy

/// How the process asks the C allocator for memory.
enum MemoryPolicy {
    /// Serves every allocation of 1 MiB or more (the per-customer arrays) with its own mapping,
    /// returned to the system when freed. glibc otherwise raises that threshold after the first large
    /// free and keeps freed arrays in its heaps, where the page thread and the fit threads fragment
    /// them: peak memory, 1 M customers (`/usr/bin/time -v`, release): snapshots × 12 374 → 263 MB,
    /// 5 M-line ledger 443 → 371 MB, for about 0.5 s more on a 10 s build.
    ///
    /// Below that size, freed memory at the top of the heap is kept up to 64 MiB instead of 128 KiB
    /// (fixing the mmap threshold also fixes glibc's trim threshold at its default): the arrays of one
    /// snapshot, freed and allocated again for the next, were returned to the system and faulted in
    /// afresh each time. 500 k-customer ledger, 63 month ends (alternating runs, `/usr/bin/time -v`):
    /// 1.23–1.30 M → 0.73 M page faults, 22.5–23.7 → 20.2–20.8 s of CPU, 14.5–15.0 → 12.7–13.0 s;
    /// peak 254 → 280–282 MB; 1 M-customer ledger 346 → 367–378 MB, 1 M × 12 snapshots 324 → 332–336 MB.
    ///
    /// All threads share the main heap, and a trim leaves 64 MiB at its top: glibc trimmed it down to
    /// 128 KiB whenever it passed the trim threshold, so the page thread's strings and the views'
    /// dictionaries, a few hundred MB over a build, were faulted in afresh (zeroed by the kernel) again
    /// and again. One heap instead of one per thread keeps that margin from being multiplied: with a
    /// heap per thread it took the 1 M × 12 peak to 413–425 MB.
    /// (So an allocation of 1 MiB or more gets a mapping of its own only when the heap has no free
    /// block for it: glibc consults the threshold only when its top cannot serve a request, and the
    /// margin keeps that top large. In a 1 M × 12 build, up to 164 MB of such arrays are alive in the
    /// heap and up to 172 MB in mappings of their own; blocks under 1 MiB stay under 23 MB (malloc
    /// and free counted with `perf probe`, thirty-fifth session). The heap ends the build at 192 MB,
    /// 15 MB of it in use: its teardown at exit takes about 15 ms.)
    /// Alternating runs against the previous policy (`scripts/ab-time.sh`, release): 1 M × 12
    /// snapshots 3.30–3.45 → 3.19–3.27 s (page faults 221 k → 116 k, system time 0.8–1.1 → 0.5 s),
    /// peak 304 → 323 MB; 1 M-customer ledger 5.23–5.49 → 4.78–5.08 s, peak 343–362 → 348–359 MB;
    /// 500 k-customer ledger 7.63–8.02 → 7.40–7.81 s, peak 264–272 MB either way.
    static func apply() {
        _ = fidelis_map_large_allocations(1 << 20)
        _ = fidelis_keep_freed_heap(64 << 20)
        _ = fidelis_use_one_heap()
        _ = fidelis_keep_heap_margin(64 << 20)
    }
}
