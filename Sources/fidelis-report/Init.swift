import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report init`: writes an editable config and copies of the templates.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an editable fidelis.yml and copies of the templates into a folder.",
        discussion: "Refuses to overwrite existing files. Then: fidelis-report build --config DIR/fidelis.yml --templates DIR/templates")

    @Argument(help: ArgumentHelp("Folder to write into.", valueName: "dir"))
    var directory = "."

    func validate() throws {
        try rejectBlank(directory, "the folder", expected: "a folder such as . or my-report")
    }

    func run() throws {
        let fm = FileManager.default
        let config = (directory as NSString).appendingPathComponent("fidelis.yml")
        let templates = (directory as NSString).appendingPathComponent("templates")
        // Checked before anything is written; a failure while writing takes back what was written.
        if let failure = ReportBuilder.missingBuiltInTemplates { throw Exit.failure(failure) }
        for path in [config, templates] where fm.fileExists(atPath: path) {
            Exit.printError("\(path) already exists; not overwriting it")
            throw ExitCode(73)
        }
        // What this run made, taken back if a later step fails (a full disk while the templates are
        // copied left a fidelis.yml, and the next run was refused because it "already exists").
        // Interrupted, as failed: the same, then the run ends by its signal.
        let made = MissingFolders.of(directory) + [config, templates]
        let takeBack: @Sendable () -> Void = { for path in made.reversed() { try? FileManager.default.removeItem(atPath: path) } }
        InterruptCleanup.shared.install()
        let undo = InterruptCleanup.shared.register {
            takeBack()
            return "removed what it had written"
        }
        do {
            // Whole (a few milliseconds): an interruption waits for the copy, then takes it all back
            // (cut short, the copy went on writing while the cleanup removed it: 1 run in 10 left
            // part of templates/, and the next init was refused).
            try InterruptCleanup.shared.uncut {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try DefaultConfig.yaml.write(toFile: config, atomically: true, encoding: .utf8)
                try fm.copyItem(atPath: TemplateSet.builtInDirectory, toPath: templates)
                InterruptCleanup.shared.unregister(undo)
                _ = InterruptCleanup.shared.register { "\(config) and \(templates)/ are written whole" }
            }
        } catch {
            InterruptCleanup.shared.waitIfInterrupted()
            InterruptCleanup.shared.unregister(undo)
            takeBack()
            // A failed copy names the file it copied from: the one that could not be written is its copy.
            Exit.printError(Exit.describe(error, fallback: directory).replacingOccurrences(of: TemplateSet.builtInDirectory + "/", with: templates + "/"))
            throw ExitCode(73)
        }
        print("Wrote \(config) and \(templates)/")
        print("Next: fidelis-report build --config \(config) --templates \(templates)")
    }
}
