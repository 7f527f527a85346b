import Foundation
import Testing
@testable import ReportRender

/// The record of the templates `init` copied, the build's warnings about copies that fell behind the
/// tool's own templates, and `init --update`. A new version of the tool is played by a changed copy
/// of the built-in folder named by FIDELIS_TEMPLATES.
@Suite(.serialized) struct TemplateCopyTests {
    @Test func stateOfACopyFromItsThreeHashes() {
        // copy, recorded, tool's own
        #expect(TemplateCopyState.of(copy: "a", copied: "a", builtIn: "a") == .current)
        #expect(TemplateCopyState.of(copy: "b", copied: "a", builtIn: "b") == .current) // edited to, or updated by hand to, the new text
        #expect(TemplateCopyState.of(copy: "b", copied: nil, builtIn: "b") == .current)
        #expect(TemplateCopyState.of(copy: "e", copied: "a", builtIn: "a") == .edited)
        #expect(TemplateCopyState.of(copy: "a", copied: "a", builtIn: "b") == .behind)
        #expect(TemplateCopyState.of(copy: "e", copied: "a", builtIn: "b") == .editedBehind)
        #expect(TemplateCopyState.of(copy: "e", copied: nil, builtIn: "b") == .unrecorded)
        #expect(TemplateCopyState.of(copy: "a", copied: "a", builtIn: nil) == .edited) // the tool no longer has it
    }

    @Test func recordReadsBackWhatItWroteAndPassesOverOtherLines() throws {
        let dir = NSTemporaryDirectory() + "fidelis-record-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let record = TemplateCopyRecord(hashes: ["en/strategy.md.mustache": String(repeating: "ab", count: 16), "assets/style.css": String(repeating: "0", count: 32)])
        try record.write(into: dir)
        #expect(TemplateCopyRecord.read(from: dir) == record)
        let text = try String(contentsOfFile: dir + "/.fidelis-templates", encoding: .utf8)
        #expect(text.hasPrefix("# Written by fidelis-report"))
        #expect(text.hasSuffix("00000000000000000000000000000000  assets/style.css\nabababababababababababababababab  en/strategy.md.mustache\n"))
        // A merge to do round-trips too.
        var withMerge = record
        withMerge.pending["en/strategy.md.mustache"] = .init(builtIn: String(repeating: "c", count: 32), copy: String(repeating: "d", count: 32))
        try withMerge.write(into: dir)
        #expect(TemplateCopyRecord.read(from: dir) == withMerge)
        // A damaged record names each bad line (a merge conflict's markers, a path named twice); an
        // empty one names no file.
        let h = String(repeating: "1", count: 32)
        try (text + "<<<<<<< HEAD\n\(h)  en/strategy.md.mustache\nzz  x\n\(h)  \n").write(toFile: dir + "/.fidelis-templates", atomically: true, encoding: .utf8)
        let damaged = try #require(TemplateCopyRecord.read(from: dir))
        #expect(damaged.problems.map { $0.replacingOccurrences(of: dir + "/", with: "").prefix(while: { $0 != "(" }) } == [
            ".fidelis-templates:7: \"<<<<<<< HEAD\" is not a line of the record ", ".fidelis-templates:8: en/strategy.md.mustache is named twice ",
            ".fidelis-templates:9: \"zz  x\" is not a line of the record ", ".fidelis-templates:10: \"\(h)  \" is not a line of the record "])
        try "# nothing\n".write(toFile: dir + "/.fidelis-templates", atomically: true, encoding: .utf8)
        #expect(TemplateCopyRecord.read(from: dir)?.problems.first?.hasSuffix(".fidelis-templates: names no file (expected one `HASH  PATH` line per file, as init wrote it: delete it and run `fidelis-report init --update`)") == true)
        try record.write(into: dir)
        #expect(TemplateCopyRecord.read(from: dir + "/none") == nil)
        // Files and their hashes, hidden ones (the record) left out; equal bytes, equal hashes.
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        try "x".write(toFile: dir + "/en/a", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/b", atomically: true, encoding: .utf8)
        try "y".write(toFile: dir + "/c", atomically: true, encoding: .utf8)
        let files = TemplateCopyRecord.files(of: dir)
        #expect(Set(files.keys) == ["en/a", "b", "c"])
        #expect(files["en/a"] == files["b"] && files["b"] != files["c"] && files["b"]?.count == 32)
        // The hash is pinned: records name files by it, and a change would make every copy look
        // edited (a new hash needs a new record format). CRLF line ends hash as LF.
        try "a\nb\n".write(toFile: dir + "/lf", atomically: true, encoding: .utf8)
        try "a\r\nb\r\n".write(toFile: dir + "/crlf", atomically: true, encoding: .utf8)
        try "a\rb\n".write(toFile: dir + "/cr", atomically: true, encoding: .utf8)
        #expect(TemplateCopyRecord.hash(ofFileAt: dir + "/lf") == Self.pinnedHashOfAB)
        #expect(TemplateCopyRecord.hash(ofFileAt: dir + "/crlf") == TemplateCopyRecord.hash(ofFileAt: dir + "/lf"))
        #expect(TemplateCopyRecord.hash(ofFileAt: dir + "/cr") != TemplateCopyRecord.hash(ofFileAt: dir + "/lf"))
        #expect(TemplateCopyRecord.hash(ofFileAt: dir + "/en") == nil)
        // A record saved with CRLF line ends (git's autocrlf) reads the same.
        let crlf = try String(contentsOfFile: dir + "/.fidelis-templates", encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
        try crlf.write(toFile: dir + "/.fidelis-templates", atomically: true, encoding: .utf8)
        #expect(TemplateCopyRecord.read(from: dir) == record)
    }

    /// ContentHash of "a\nb\n", as the records written so far hold it.
    static let pinnedHashOfAB = "c3f4d80c4f3baeed1175ef278a31bbb7"

    /// init records its copies; a build with them unchanged says nothing; once the tool's templates
    /// change, the unedited copy and the edited one are each named; init --update replaces the first,
    /// writes the new text beside the second, adds a new file, keeps a deleted one deleted; then only
    /// the file beside is named, until it is deleted.
    @Test func copiesFallingBehindAreNamedAndUpdated() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.copyItem(atPath: CommandLineTests.packageRoot + "/Templates", toPath: dir + "/old")
        func tool(_ builtIn: String, _ arguments: String...) throws -> CommandLineTests.Run {
            try cli.run(["FIDELIS_TEMPLATES=\(dir)/\(builtIn)", CommandLineTests.executable.path] + arguments, in: dir, program: "/usr/bin/env")
        }
        #expect(try tool("old", "init", "proj").status == 0)
        let copies = dir + "/proj/templates"
        // The style sheet shared through a symbolic link, and read-only.
        try fm.moveItem(atPath: copies + "/assets/style.css", toPath: dir + "/shared.css")
        try fm.createSymbolicLink(atPath: copies + "/assets/style.css", withDestinationPath: dir + "/shared.css")
        try fm.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir + "/shared.css")
        let record = try #require(TemplateCopyRecord.read(from: copies))
        #expect(record.hashes == TemplateCopyRecord.files(of: dir + "/old"))
        #expect(record.hashes["en/strategy.md.mustache"] != nil && record.hashes["README.md"] != nil)
        let same = try tool("old", "build", "--templates", "proj/templates", "--out", "s1", "--quiet")
        #expect(same.status == 0 && !same.err.contains("warning"), "\(same.err)")

        // The next version: strategy, diagnostic and the style sheet changed, a file added, one
        // file the team had deleted (to follow the built-in one) changed too.
        try fm.copyItem(atPath: dir + "/old", toPath: dir + "/new")
        func append(_ text: String, to path: String) throws {
            try (try String(contentsOfFile: path, encoding: .utf8) + text).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try append("\nNew closing line.\n", to: dir + "/new/en/strategy.md.mustache")
        try append("\nNew diagnostic line.\n", to: dir + "/new/en/diagnostic.md.mustache")
        try append("\n/* new rule */\n", to: dir + "/new/assets/style.css")
        try append("\nNouveau.\n", to: dir + "/new/fr/playbooks.md.mustache")
        try "notes\n".write(toFile: dir + "/new/fr/notes.txt", atomically: true, encoding: .utf8)
        try append("\nOur own line.\n", to: copies + "/en/diagnostic.md.mustache")
        try fm.removeItem(atPath: copies + "/fr/playbooks.md.mustache")
        let edited = try String(contentsOfFile: copies + "/en/diagnostic.md.mustache", encoding: .utf8)

        let behind = try tool("new", "build", "--templates", "proj/templates", "--out", "s2", "--quiet")
        #expect(behind.status == 0)
        let warnings = behind.err.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 3, "\(behind.err)")
        #expect(behind.err.contains("warning: proj/templates/en/strategy.md.mustache: not edited since init copied it, and fidelis-report's own template has changed since, so this report does not have the change (expected the current text: `fidelis-report init --update proj/templates` replaces the copies nobody edited, or delete this one to use the built-in template)"), "\(behind.err)")
        #expect(behind.err.contains("warning: proj/templates/assets/style.css: not edited since init copied it"), "\(behind.err)")
        #expect(behind.err.contains("warning: proj/templates/en/diagnostic.md.mustache: edited since init copied it, and fidelis-report's own template has changed since (expected the change carried into your copy: `fidelis-report init --update proj/templates` writes the new text beside it as diagnostic.md.mustache.new to compare)"), "\(behind.err)")
        // validate --strict stops CI on them.
        let strict = try tool("new", "validate", "--templates", "proj/templates", "--strict")
        #expect(strict.status == 65 && strict.err.contains("en/strategy.md.mustache: not edited since"), "\(strict.err)")

        let update = try tool("new", "init", "--update", "proj")
        #expect(update.status == 0, "\(update.err)")
        #expect(update.out.contains("Updated proj/templates/ to the templates of fidelis-report"), "\(update.out)")
        #expect(update.out.contains("  replaced (not edited since init copied them): assets/style.css, en/strategy.md.mustache\n"), "\(update.out)")
        #expect(update.out.contains("  added (new in this version): fr/notes.txt\n"), "\(update.out)")
        #expect(update.out.contains("this version's text is beside each as NAME.new, to compare, merge, then delete: en/diagnostic.md.mustache\n"), "\(update.out)")
        // The shared style sheet updated through its link, still a link, still read-only.
        #expect(try fm.destinationOfSymbolicLink(atPath: copies + "/assets/style.css") == dir + "/shared.css")
        #expect((try fm.attributesOfItem(atPath: dir + "/shared.css")[.posixPermissions] as? Int) == 0o444)
        for relative in ["en/strategy.md.mustache", "assets/style.css", "fr/notes.txt"] {
            #expect(fm.contents(atPath: copies + "/" + relative) == fm.contents(atPath: dir + "/new/" + relative), "\(relative)")
        }
        #expect(try String(contentsOfFile: copies + "/en/diagnostic.md.mustache", encoding: .utf8) == edited)
        #expect(fm.contents(atPath: copies + "/en/diagnostic.md.mustache.new") == fm.contents(atPath: dir + "/new/en/diagnostic.md.mustache"))
        #expect(!fm.fileExists(atPath: copies + "/fr/playbooks.md.mustache"))
        // The record names the new texts; the deleted file keeps the text it was deleted from; the
        // edited copy keeps its base, with the merge to do (the new text, and the copy's hash now).
        var expected = TemplateCopyRecord.files(of: dir + "/new")
        expected["fr/playbooks.md.mustache"] = record.hashes["fr/playbooks.md.mustache"]
        expected["en/diagnostic.md.mustache"] = record.hashes["en/diagnostic.md.mustache"]
        let updated = try #require(TemplateCopyRecord.read(from: copies))
        #expect(updated.hashes == expected && updated.problems.isEmpty)
        #expect(updated.pending == ["en/diagnostic.md.mustache": .init(builtIn: TemplateCopyRecord.hash(ofFileAt: dir + "/new/en/diagnostic.md.mustache")!,
                                                                          copy: TemplateCopyRecord.hash(ofFileAt: copies + "/en/diagnostic.md.mustache")!)])

        let pending = try tool("new", "build", "--templates", "proj/templates", "--out", "s3", "--quiet")
        #expect(pending.err.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
                == ["warning: proj/templates/fr/notes.txt: no template has this name, ignored (expected diagnostic, segmentation, strategy, loyalty-program, playbooks (.md.mustache) or page, dashboard (.html.mustache) under en/ or fr/, or assets/style.css)",
                    "warning: proj/templates/en/diagnostic.md.mustache.new: the current built-in text, written by `init --update` beside your edited copy, ignored (expected its changes merged into proj/templates/en/diagnostic.md.mustache, then this file deleted)"],
                "\(pending.err)")
        try fm.removeItem(atPath: copies + "/fr/notes.txt")

        // NAME.new gone with the copy unchanged (a clone without the untracked NAME.new, or deleted
        // unmerged): the change is in neither, and the build says so; the update writes it again.
        try fm.removeItem(atPath: copies + "/en/diagnostic.md.mustache.new")
        let lost = try tool("new", "build", "--templates", "proj/templates", "--out", "s4", "--quiet")
        #expect(lost.err.contains("warning: proj/templates/en/diagnostic.md.mustache: the new built-in text that init --update wrote beside it as diagnostic.md.mustache.new is gone, and this copy has not changed since, so the change is in neither (expected it merged: `fidelis-report init --update proj/templates` writes diagnostic.md.mustache.new again"), "\(lost.err)")
        let rewrite = try tool("new", "init", "--update", "proj")
        #expect(rewrite.out.contains("  NAME.new written again (it was gone and the copy unchanged, so not merged): en/diagnostic.md.mustache\n"), "\(rewrite.out)")
        #expect(fm.contents(atPath: copies + "/en/diagnostic.md.mustache.new") == fm.contents(atPath: dir + "/new/en/diagnostic.md.mustache"))

        // Merged: the copy changed, then NAME.new deleted. No warning; the update records it.
        try append("\nNew diagnostic line.\n", to: copies + "/en/diagnostic.md.mustache")
        try fm.removeItem(atPath: copies + "/en/diagnostic.md.mustache.new")
        let done = try tool("new", "build", "--templates", "proj/templates", "--out", "s5", "--quiet")
        #expect(done.status == 0 && !done.err.contains("warning"), "\(done.err)")
        let again = try tool("new", "init", "--update", "proj/templates/")
        #expect(again.out.hasPrefix("proj/templates/ is up to date with the templates of fidelis-report"), "\(again.out)")
        #expect(again.out.contains("  merged (NAME.new deleted after the copy changed): en/diagnostic.md.mustache\n"), "\(again.out)")
        #expect(TemplateCopyRecord.read(from: copies)?.pending == [:])
        let settled = try tool("new", "init", "--update", "proj")
        #expect(settled.out.contains("  edited, and already on this version's text (nothing to do): en/diagnostic.md.mustache\n"), "\(settled.out)")

        // A third version changes diagnostic again: its NAME.new is written; one the team has
        // edited (a merge under way) is left as it is, and the summary says so.
        try fm.copyItem(atPath: dir + "/new", toPath: dir + "/third")
        try append("\nThird line.\n", to: dir + "/third/en/diagnostic.md.mustache")
        try append("\nThird style.\n", to: dir + "/third/en/strategy.md.mustache")
        try append("\nOur strategy line.\n", to: copies + "/en/strategy.md.mustache")
        try "my half-done merge\n".write(toFile: copies + "/en/diagnostic.md.mustache.new", atomically: true, encoding: .utf8)
        let third = try tool("third", "init", "--update", "proj")
        #expect(third.out.contains("  NAME.new left as it is (you have edited it; merge it and delete it, then run init --update again for this version's text): en/diagnostic.md.mustache\n"), "\(third.out)")
        #expect(try String(contentsOfFile: copies + "/en/diagnostic.md.mustache.new", encoding: .utf8) == "my half-done merge\n")
        let pendingRun = try tool("third", "init", "--update", "proj")
        #expect(pendingRun.out.hasPrefix("proj/templates/ has this version's templates, but for edited copies whose NAME.new is still to merge:\n"), "\(pendingRun.out)")
        #expect(pendingRun.out.contains("  still to merge, then delete NAME.new: en/strategy.md.mustache\n") && !pendingRun.out.contains("nothing to do"), "\(pendingRun.out)")

        // Copies checked out with CRLF line ends (git's autocrlf) are not edited copies.
        for relative in ["en/segmentation.md.mustache", "fr/segmentation.md.mustache"] {
            let text = try String(contentsOfFile: copies + "/" + relative, encoding: .utf8)
            try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: copies + "/" + relative, atomically: true, encoding: .utf8)
        }
        let crlf = try tool("third", "init", "--update", "proj")
        #expect(!crlf.out.contains("segmentation"), "\(crlf.out)")
        // An edited CRLF copy gets its NAME.new with CRLF line ends, so that `diff -u` shows the change.
        try fm.copyItem(atPath: dir + "/third", toPath: dir + "/fourth")
        try append("\nFourth.\n", to: dir + "/fourth/en/segmentation.md.mustache")
        try append("\r\nOurs.\r\n", to: copies + "/en/segmentation.md.mustache")
        #expect(try tool("fourth", "init", "--update", "proj").status == 0)
        let besideText = try String(contentsOfFile: copies + "/en/segmentation.md.mustache.new", encoding: .utf8)
        #expect(besideText.contains("Fourth.\r\n") && !besideText.replacingOccurrences(of: "\r\n", with: "").contains("\n"))

        // A damaged record (a merge conflict's markers): the build names the line and checks no copy;
        // the update refuses (65) rather than guess.
        let recordPath = copies + "/.fidelis-templates"
        try (try String(contentsOfFile: recordPath, encoding: .utf8) + "<<<<<<< HEAD\n").write(toFile: recordPath, atomically: true, encoding: .utf8)
        let conflicted = try tool("fourth", "build", "--templates", "proj/templates", "--out", "s6", "--quiet")
        #expect(conflicted.status == 0 && conflicted.err.contains("warning: proj/templates/.fidelis-templates:"), "\(conflicted.err)")
        #expect(conflicted.err.contains("\"<<<<<<< HEAD\" is not a line of the record") && conflicted.err.contains("the copies are not checked against the built-in templates until then"), "\(conflicted.err)")
        let refused = try tool("fourth", "init", "--update", "proj")
        #expect(refused.status == 65 && refused.err.contains("\"<<<<<<< HEAD\" is not a line of the record"), "\(refused.err)")
    }

    /// A copy updated by hand to the tool's text is current whatever the record says (so an update cut
    /// short is finished by running it again); a folder without a record gives no warning (an edited
    /// copy cannot be told from an old one) and its update keeps every copy that differs, the new text
    /// beside it; a folder that is not there is input missing.
    @Test func unrecordedFoldersAndCopiesAlreadyCurrent() throws {
        let cli = CommandLineTests()
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.copyItem(atPath: CommandLineTests.packageRoot + "/Templates", toPath: dir + "/old")
        func tool(_ arguments: String...) throws -> CommandLineTests.Run {
            try cli.run(["FIDELIS_TEMPLATES=\(dir)/new", CommandLineTests.executable.path] + arguments, in: dir, program: "/usr/bin/env")
        }
        #expect(try cli.run(["FIDELIS_TEMPLATES=\(dir)/old", CommandLineTests.executable.path, "init", "proj"], in: dir, program: "/usr/bin/env").status == 0)
        try fm.copyItem(atPath: dir + "/old", toPath: dir + "/new")
        for relative in ["en/strategy.md.mustache", "en/segmentation.md.mustache"] {
            try (try String(contentsOfFile: dir + "/new/" + relative, encoding: .utf8) + "\nNew.\n").write(toFile: dir + "/new/" + relative, atomically: true, encoding: .utf8)
        }
        try fm.removeItem(atPath: dir + "/proj/templates/en/segmentation.md.mustache")
        try fm.copyItem(atPath: dir + "/new/en/segmentation.md.mustache", toPath: dir + "/proj/templates/en/segmentation.md.mustache")
        let build = try tool("build", "--templates", "proj/templates", "--out", "s", "--quiet")
        #expect(build.err.split(separator: "\n").filter { $0.hasPrefix("warning: ") }.count == 1, "\(build.err)")
        #expect(build.err.contains("proj/templates/en/strategy.md.mustache: not edited since"), "\(build.err)")

        try fm.removeItem(atPath: dir + "/proj/templates/.fidelis-templates")
        let unrecorded = try tool("build", "--templates", "proj/templates", "--out", "s", "--quiet")
        #expect(unrecorded.status == 0 && !unrecorded.err.contains("warning"), "\(unrecorded.err)")
        let update = try tool("init", "--update", "proj")
        #expect(update.out.contains("kept as they are (different from this version's, and the folder has no record of what init copied); this version's text is beside each as NAME.new, to compare, merge, then delete: en/strategy.md.mustache\n"), "\(update.out)")
        #expect(!update.out.contains("added"), "\(update.out)")
        #expect(fm.fileExists(atPath: dir + "/proj/templates/en/strategy.md.mustache.new"))
        #expect(TemplateCopyRecord.read(from: dir + "/proj/templates") != nil)

        // Files the team deleted from a folder without a record stay deleted, run after run (the
        // first run's record named them as deleted).
        try fm.removeItem(atPath: dir + "/proj/templates/.fidelis-templates")
        try fm.removeItem(atPath: dir + "/proj/templates/fr")
        for _ in 0..<2 {
            let run = try tool("init", "--update", "proj")
            #expect(run.status == 0 && !run.out.contains("added"), "\(run.out)")
            #expect(!fm.fileExists(atPath: dir + "/proj/templates/fr"))
        }

        // Only a template folder: not a missing one, an empty one, or a built site (its assets/).
        let missing = try tool("init", "--update", "nowhere")
        #expect(missing.status == 66 && missing.err.contains("error: nowhere: no template folder here, nor in nowhere/templates (expected the folder `fidelis-report init` wrote, or its templates/ folder)"), "\(missing.err)")
        try fm.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        #expect(try tool("init", "--update", "empty").status == 66)
        #expect(try tool("build", "--out", "site", "--quiet").status == 0)
        let site = try tool("init", "--update", "site")
        #expect(site.status == 66 && !fm.fileExists(atPath: dir + "/site/.fidelis-templates"), "\(site.out)")
    }
}
