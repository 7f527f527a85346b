import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// A broken override template is refused with its file and line; good overrides replace built-ins.
@Suite struct TemplateErrorTests {
    @Test func syntaxErrorNamesTheTemplateAndLine() throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        try "# Title\n\nfine line\n{{#kpis}}\n| {{name}} |\n".write(toFile: dir + "/en/strategy.md.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(locale: .en, override: dir)
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect(error.file.hasSuffix("en/strategy.md.mustache"))
            #expect(error.line >= 4)
            #expect(error.description.contains("strategy.md.mustache:"))
        }
    }

    /// Each syntax error says what is wrong and what was expected, at the place in the file (on the
    /// first line of a Markdown template too, where a pragma is put before the text).
    @Test("template syntax errors are explained and located", arguments: [
        ("{{#kpis}}\n| {{name}} |\n{{/segments}}\n", 3, "a section is closed under another name"),
        ("# Title {{client name}}\n", 1, "a tag is not finished"),
        ("# Title\n\n{{client\n", 4, "a tag is still open at the end of the file"),
        ("# Title\n\n{{#kpis}}\n| {{name}} |\n", 5, "a section is still open at the end of the file"),
        ("{{=<% \n", 2, "a set-delimiter tag is badly formed"),
    ])
    func syntaxErrorsAreExplained(_ text: String, _ line: Int, _ message: String) throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/en/strategy.md.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(locale: .en, override: dir)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message) && error.message.contains("(expected "), "\(error)")
            if line == 1 { #expect(error.column <= text.count, "\(error)") }
        }
    }

    @Test func overrideReplacesOneTemplate() throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/fr", withIntermediateDirectories: true)
        try "# Ma stratégie {{client}}\n".write(toFile: dir + "/fr/strategy.md.mustache", atomically: true, encoding: .utf8)
        let set = try TemplateSet(locale: .fr, override: dir)
        #expect(set.sources["strategy"]!.hasPrefix(dir))
        #expect(!set.sources["diagnostic"]!.hasPrefix(dir))
        #expect(set.render("strategy", ["client": "A*B"]) == "# Ma stratégie A\\*B\n")
    }
}
