import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// Pins the Markdown of the five deliverables on a small deterministic fixture (120 customers,
/// 3 months, seed 1; latest snapshot, where the CLV model is fitted) in both locales against
/// `Expected/<locale>/<name>.md`.
///
/// After an intended change, rewrite the files with `FIDELIS_UPDATE_GOLDEN=1 swift test --filter GoldenMarkdownTests`
/// and review the diff.
@Suite struct GoldenMarkdownTests {
    static var expectedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Expected")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["FIDELIS_UPDATE_GOLDEN"] == "1" }

    @Test(arguments: [ReportLocale.en, .fr])
    func deliverablesMatchTheGoldenFiles(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 120, months: 3, seed: 1)
        let result = try f.build("in", out: "site", locale: locale)
        let period = try #require(result.latest).period.label
        let folder = GoldenMarkdownTests.expectedDirectory.appendingPathComponent(locale.rawValue)
        for name in TemplateSet.deliverables {
            let actual = TemplateOutput.read(f, "site/\(period)/\(name).md")
            #expect(!actual.isEmpty)
            let file = folder.appendingPathComponent(name + ".md")
            if GoldenMarkdownTests.updating {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
                Issue.record("missing golden file \(file.path); run with FIDELIS_UPDATE_GOLDEN=1 to create it")
                continue
            }
            if actual != expected {
                Issue.record("\(locale.rawValue)/\(name).md differs from the golden file: \(GoldenMarkdownTests.firstDifference(expected, actual)) (FIDELIS_UPDATE_GOLDEN=1 rewrites it)")
            }
        }
    }

    /// The first differing line, for the failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : "<end of file>", y = i < a.count ? a[i] : "<end of file>"
            if x != y { return "line \(i + 1): expected «\(x)», got «\(y)»" }
        }
        return "same lines, different bytes"
    }
}
