#include "CMallocPolicy.h"

#include <stdlib.h> /* defines __GLIBC__ on glibc systems */
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Sets one of glibc's malloc options; 0 where the C library has none. */
#if defined(__GLIBC__)
static int set_option(int option, size_t value) { return mallopt(option, (int)value); }
#else
static int set_option(int option, size_t value) { (void)option; (void)value; return 0; }
#define M_MMAP_THRESHOLD 0
#define M_TRIM_THRESHOLD 0
#define M_ARENA_MAX 0
#define M_TOP_PAD 0
#endif

int fidelis_map_large_allocations(size_t bytes) { return set_option(M_MMAP_THRESHOLD, bytes); }

int fidelis_keep_freed_heap(size_t bytes) { return set_option(M_TRIM_THRESHOLD, bytes); }

int fidelis_use_one_heap(void) { return set_option(M_ARENA_MAX, 1); }

int fidelis_keep_heap_margin(size_t bytes) { return set_option(M_TOP_PAD, bytes); }
