#ifndef C_MALLOC_POLICY_H
#define C_MALLOC_POLICY_H

#include <stddef.h>

/// Serves allocations of `bytes` or more with their own memory mapping (glibc `M_MMAP_THRESHOLD`),
/// which also stops glibc from raising that threshold on its own. Returns 1 when applied, 0 when the
/// C library has no such setting.
int fidelis_map_large_allocations(size_t bytes);

/// Keeps up to `bytes` of freed memory at the top of the heap instead of returning it to the system
/// (glibc `M_TRIM_THRESHOLD`). Returns 1 when applied, 0 when the C library has no such setting.
int fidelis_keep_freed_heap(size_t bytes);

/// Serves every thread from the one main heap (glibc `M_ARENA_MAX` = 1) instead of a heap per
/// thread, each keeping freed memory of its own. Returns 1 when applied, 0 otherwise.
int fidelis_use_one_heap(void);

/// Keeps `bytes` of freed memory at the top of the heap whenever it is trimmed, and grows it by as
/// much beyond each request (glibc `M_TOP_PAD`). Returns 1 when applied, 0 otherwise.
int fidelis_keep_heap_margin(size_t bytes);

#endif
