import Foundation
import Testing

/// Interrupted runs of the built executable (Ctrl-C, `kill`, a cancelled CI job): what they had
/// half-written is taken back, the site is as it was, and the process ends by the signal.
@Suite(.serialized) struct InterruptTests {
    let cli = CommandLineTests()

    /// Starts `fidelis-report arguments` in `directory`, waits until `started` holds (polling), sends
    /// `signal`, and returns how the process ended and its standard error; nil if it ended first.
    func interrupt(_ arguments: [String], in directory: String, with signal: Int32,
                   once started: () -> Bool) throws -> (reason: Process.TerminationReason, status: Int32, err: String)? {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["FIDELIS_EXAMPLES"] = CommandLineTests.packageRoot + "/Examples/snapshots"
        (env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]) = (nil, nil, "C.UTF-8")   // the console in English
        process.environment = env
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while !started() && process.isRunning && Date() < deadline { usleep(2_000) }
        guard process.isRunning else {
            process.waitUntilExit()
            return nil
        }
        kill(process.processIdentifier, signal)
        let text = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func anInterruptedBuildLeavesTheSiteAsItWasAndNothingBesideIt() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "40000", "--months", "6", "--quiet"], in: dir).status == 0)
        #expect(try cli.run(["build", "--quiet"], in: dir).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/site/index.html"))
        let pages = contents(dir + "/site")
        for signal in [SIGTERM, SIGINT] {
            // Sent once the staging folder exists, while the build reads and writes into it.
            let ended = try interrupt(["build", "--snapshots", "in", "--quiet"], in: dir, with: signal) {
                contents(dir).contains { $0.hasPrefix(".site.staging-") }
            }
            let result = try #require(ended, "the build ended before it could be interrupted")
            #expect(result.reason == .uncaughtSignal && result.status == signal, "\(result)")
            #expect(result.err.contains("interrupted (\(signal == SIGINT ? "SIGINT" : "SIGTERM")); site is as it was"), "\(result.err)")
            #expect(!result.err.contains("error:"), "\(result.err)")
            #expect(contents(dir) == ["in", "site"])
            #expect(contents(dir + "/site") == pages)
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/site/index.html")) == before)
        }
        // The next build is not held up by anything the interrupted ones left.
        let next = try cli.run(["build", "--snapshots", "in", "--quiet"], in: dir)
        #expect(next.status == 0, "\(next.err)")
        #expect(contents(dir) == ["in", "site"])
    }

    @Test func anInterruptedSampleTakesBackItsFilesAndFolders() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        // Sent once the first month's file is being written.
        let ended = try interrupt(["sample", "--out", "demo/data", "--customers", "300000", "--months", "12"], in: dir, with: SIGTERM) {
            !contents(dir + "/demo/data").isEmpty
        }
        let result = try #require(ended, "sample ended before it could be interrupted")
        #expect(result.reason == .uncaughtSignal && result.status == SIGTERM, "\(result)")
        #expect(result.err.contains("interrupted (SIGTERM); removed the"), "\(result.err)")
        #expect(contents(dir).isEmpty, "\(contents(dir + "/demo/data"))")
        // So the next run into the same folder is not refused for holding the first one's months.
        #expect(try cli.run(["sample", "--out", "demo/data", "--customers", "50", "--months", "2", "--quiet"], in: dir).status == 0)
        #expect(contents(dir + "/demo/data") == ["2026-09.csv", "2026-10.csv"])
    }
}
