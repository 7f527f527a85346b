import Foundation

/// Why a file operation failed, in the system's words ("No such file or directory", "Permission
/// denied", "No space left on device"), for messages that would otherwise only say that it failed
/// or quote Foundation's "The operation could not be completed".
public enum SystemReason {
    /// The system's reason for a Foundation file error: its POSIX cause when it carries one.
    public static func of(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain, let code = [CocoaError.fileWriteNoPermission.rawValue: EACCES,
                                                        CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS,
                                                        CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC][ns.code] {
            return String(cString: strerror(code))
        }
        return ns.localizedDescription
    }

    /// Why `path` cannot be read as a file (`folder` false) or listed as a folder (true).
    public static func unreadable(_ path: String, folder: Bool) -> String {
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
