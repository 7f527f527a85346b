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
