#ifndef ENTENTE_MALLOC_TUNING_H
#define ENTENTE_MALLOC_TUNING_H

/// Returns the free pages of every malloc arena to the system (glibc `malloc_trim(0)`); 1 when it did, 0 where
/// the C library has no such call.
int entente_release_free_memory(void);

/// Lets every thread allocate from one malloc arena (glibc `mallopt(M_ARENA_MAX, 1)`), so that memory one
/// thread frees is reused by the others instead of sitting in its own arena; 1 when it did, 0 otherwise.
int entente_use_one_malloc_arena(void);

/// Serves every block of `threshold` bytes or more with a mapping of its own, handed back to the system when it is
/// freed (glibc `mallopt(M_MMAP_THRESHOLD, threshold)`, which also stops glibc from raising the threshold as it
/// goes); 1 when it did, 0 otherwise.
int entente_map_large_blocks(int threshold);

#endif
