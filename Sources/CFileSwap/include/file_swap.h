#ifndef ENTENTE_FILE_SWAP_H
#define ENTENTE_FILE_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): after it, each name points at what
/// the other did, and no moment exists in which either is missing. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot exchange).
int entente_exchange_paths(const char *first, const char *second);

#endif
