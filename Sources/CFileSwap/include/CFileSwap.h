#ifndef FIDELIS_FILE_SWAP_H
#define FIDELIS_FILE_SWAP_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int fidelis_exchange_paths(const char *a, const char *b);
/// Starts writing a range of a file's dirty pages to disk without waiting (Linux sync_file_range
/// SYNC_FILE_RANGE_WRITE; nothing elsewhere). Returns 0 on success, -1 with errno set otherwise.
int fidelis_start_writeback(int fd, long long offset, long long length);
#endif
