#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a path given as input cannot be read, in the system's words ("No such file or directory",
/// "Permission denied", "Is a directory"), for messages whose first attempt only said that it failed.
enum UnreadableReason {
    /// The reason `path` cannot be read as a file (`folder` false) or listed as a folder (true).
    static func of(_ path: String, folder: Bool) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        if folder != isFolder { return String(cString: strerror(folder ? ENOTDIR : EISDIR)) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        _ = close(fd)
        return "it could not be read"
    }
}
