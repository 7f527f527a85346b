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
    static func apply() {
        _ = fidelis_map_large_allocations(1 << 20)
        _ = fidelis_keep_freed_heap(64 << 20)
    }
}
