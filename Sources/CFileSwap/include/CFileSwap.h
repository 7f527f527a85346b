#ifndef FIDELIS_FILE_SWAP_H
#define FIDELIS_FILE_SWAP_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int fidelis_exchange_paths(const char *a, const char *b);
#endif
