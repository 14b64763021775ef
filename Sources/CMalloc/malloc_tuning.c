#include "malloc_tuning.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Both do nothing where the C library is not glibc.

void entente_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

void entente_use_one_malloc_arena(void) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}
