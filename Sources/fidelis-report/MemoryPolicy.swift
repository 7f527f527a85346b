import CMallocPolicy

/// How the process asks the C allocator for memory.
enum MemoryPolicy {
    /// Serves every allocation of 1 MiB or more (the per-customer arrays) with its own mapping,
    /// returned to the system when freed. glibc otherwise raises that threshold after the first large
    /// free and keeps freed arrays in its heaps, where the page thread and the fit threads fragment
    /// them: peak memory, 1 M customers (`/usr/bin/time -v`, release): snapshots × 12 374 → 263 MB,
    /// 5 M-line ledger 443 → 371 MB, for about 0.5 s more on a 10 s build.
    static func apply() {
        _ = fidelis_map_large_allocations(1 << 20)
    }
}
