// Any C library header defines the library's identification macros; without one, `__GLIBC__` is never defined
// here and both functions silently did nothing.
#include <stdlib.h>
#include "malloc_tuning.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Both do nothing where the C library is not glibc, and say so by returning 0.

int entente_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
    return 1;
#else
    return 0;
#endif
}

int entente_use_one_malloc_arena(void) {
#if defined(__GLIBC__)
    return mallopt(M_ARENA_MAX, 1) == 1;
#else
    return 0;
#endif
}

int entente_map_large_blocks(int threshold) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, threshold) == 1;
#else
    (void)threshold;
    return 0;
#endif
}
