import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// Prints a build failure to standard error and turns it into the exit status of output.md.
enum Exit {
    static func failure(_ failure: BuildFailure) -> ExitCode {
        printError(failure.description)
        return ExitCode(failure.exitCode)
    }

    /// A file-system error in one line, `cannot write PATH: reason`, with the system's reason
    /// (`Permission denied`) rather than an `NSError` dump; `fallback` is the path when the error names none.
    static func describe(_ error: any Error, fallback: String) -> String {
        if let output = error as? SampleOutputError { return output.description }
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? fallback
        var reason = ns.localizedDescription
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if ns.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(ns.code)))
        } else if ns.domain == NSCocoaErrorDomain, let code = [CocoaError.fileWriteNoPermission.rawValue: EACCES,
                                                                CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS,
                                                                CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC][ns.code] {
            reason = String(cString: strerror(code))
        }
        return "cannot write \(path): \(reason)"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text.replacingOccurrences(of: "\n", with: "\nerror: ") + "\n").utf8))
    }
}
