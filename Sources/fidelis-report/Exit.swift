import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// Prints a build failure to standard error and turns it into the exit status of output.md.
enum Exit {
    static func failure(_ failure: BuildFailure) -> ExitCode {
        switch failure {
        case .badInput, .badConfig, .badTemplate:
            // Located problems exactly as input.md writes them, `FILE:LINE:COLUMN: what (expected
            // what)`, the location first on each line (as compilers print them, which editors and CI
            // problem matchers read), then the count of the others.
            StandardError.write(failure.description + "\n")
        case .inputMissing, .site, .incompleteInstall, .warningsUnderStrict:
            printError(failure.description)
        }
        return ExitCode(failure.exitCode)
    }

    /// A file-system error in one line, `cannot write PATH: reason`, with the system's reason
    /// (`Permission denied`) rather than an `NSError` dump; `fallback` is the path when the error names none.
    static func describe(_ error: any Error, fallback: String) -> String {
        if let output = error as? SampleOutputError { return output.description }
        let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String ?? fallback
        // Without a system cause, Foundation only says the operation failed: what is in the way,
        // when the file system shows it.
        let reason = SystemReason.cause(error) ?? SystemReason.folderProblem(at: fallback) ?? SystemReason.folderProblem(at: path) ?? SystemReason.of(error)
        return bilingual("cannot write \(path): \(reason)", "impossible d'écrire \(path)\u{00A0}: \(reason)")
    }

    /// Prints `text` on standard error, each line after `prefix` (`error: `, `erreur : `).
    static func printError(_ text: String, prefix: String = MessageLanguage.errorPrefix) {
        // Not while an interruption is cleaned up: the failure may be the cleanup's doing.
        InterruptCleanup.shared.waitIfInterrupted()
        StandardError.write(prefix + text.replacingOccurrences(of: "\n", with: "\n" + prefix) + "\n")
    }
}
