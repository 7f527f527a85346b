import ArgumentParser
import Foundation
import ReportRender

/// Prints a build failure to standard error and turns it into the exit status of output.md.
enum Exit {
    static func failure(_ failure: BuildFailure) -> ExitCode {
        printError(failure.description)
        return ExitCode(failure.exitCode)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text.replacingOccurrences(of: "\n", with: "\nerror: ") + "\n").utf8))
    }
}
