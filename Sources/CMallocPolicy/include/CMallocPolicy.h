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

#endif
