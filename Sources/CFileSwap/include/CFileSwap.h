#ifndef FIDELIS_FILE_SWAP_H
#define FIDELIS_FILE_SWAP_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int fidelis_exchange_paths(const char *a, const char *b);
/// Starts writing a range of a file's dirty pages to disk without waiting (Linux sync_file_range
/// SYNC_FILE_RANGE_WRITE; nothing elsewhere). Returns 0 on success, -1 with errno set otherwise.
int fidelis_start_writeback(int fd, long long offset, long long length);
/// Writes to disk what the file system holding `path` (a folder) has not written yet (Linux syncfs;
/// sync elsewhere), not every file system's as sync does. Returns 0 on success, -1 with errno set
/// otherwise (an earlier write to that file system that failed, such as EIO or ENOSPC).
int fidelis_sync_filesystem(const char *path);
/// Whether `path` is the root of a mount (a volume or a bind mount; Linux statx
/// STATX_ATTR_MOUNT_ROOT, kernel 5.8+): 1 or 0, or -1 when the system cannot tell.
int fidelis_is_mount_root(const char *path);
#endif
