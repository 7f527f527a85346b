#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, written whatever becomes of it. `FileHandle.standardError.write` traps when the
/// write fails: a closed terminal (EIO, the moment before its SIGHUP arrives) crashed a build in
/// the middle of its progress lines and left its staging folder. A failed write is dropped here.
public enum StandardError {
    /// Writes `text` as it is (add the line end).
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
                #else
                Darwin.write(2, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if n > 0 {
                offset += n
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
