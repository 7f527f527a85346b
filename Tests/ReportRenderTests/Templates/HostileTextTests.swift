import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// Customer text (ids, verbatims, tier names) is shown literally: never live Markdown or HTML, tables intact.
@Suite struct HostileTextTests {
    static let verbatim = "<script>alert(1)</script> | pipe **bold** [x](javascript:alert(1))"
    static let customer = "=cmd|' /C calc'!A0 <b>x</b>"
    static let tier = "<img src=x onerror=alert(1)>|Gold"

    /// Sample snapshots plus one hostile customer in the latest: public complaint, verbatim, tier.
    func hostileInput(_ f: BuildFixture) throws -> String {
        f.sample("in", customers: 150, months: 2, seed: 11)
        let path = f.path("in/2026-10.csv")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let header = text.prefix { $0 != "\n" }
        #expect(header == "customer_id,first_order_date,last_order_date,orders,revenue,vip,nps,csat,ces,feedback,public_complaint,refund_requested,tier,points_balance")
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        if !text.hasSuffix("\n") { text += "\n" }
        text += [quoted(HostileTextTests.customer), "2025-01-10", "2026-10-20", "3", "250.00", "false", "2", "", "",
                 quoted(HostileTextTests.verbatim), "true", "", quoted(HostileTextTests.tier), "250"].joined(separator: ",") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return "in"
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func customerTextIsNeverLive(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        let input = try hostileInput(f)
        _ = try f.build(input, out: "site", locale: locale)
        var shownVerbatim = false, shownCustomer = false, shownTier = false
        for name in TemplateOutput.pageNames {
            let relative = "site/2026-10/" + name
            let text = TemplateOutput.read(f, relative)
            // In Markdown a syntax character is live unless a backslash escapes it; in HTML, Markdown is plain text.
            if name.hasSuffix(".md") {
                for live in ["<script", "</script", "<b>", "<img", "[x]", "**bold**"] {
                    let pattern = "(?<!\\\\)" + NSRegularExpression.escapedPattern(for: live)
                    #expect(text.range(of: pattern, options: .regularExpression) == nil, "\(relative) shows \(live) live")
                }
            } else {
                for live in ["<script", "<b>x</b>", "<img", "href=\"javascript", "<strong>bold</strong>", "<em>bold</em>"] {
                    #expect(!text.contains(live), "\(relative) shows \(live) live")
                }
            }
            if name.hasSuffix(".md") {
                let problems = TemplateOutput.problems(markdown: text, name: relative)
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
                shownVerbatim = shownVerbatim || text.contains(MarkdownRenderer.escape(HostileTextTests.verbatim))
                shownCustomer = shownCustomer || text.contains(MarkdownRenderer.escape(HostileTextTests.customer))
                shownTier = shownTier || text.contains(MarkdownRenderer.escape(HostileTextTests.tier))
                // The id sits whole in one table cell wherever a table lists it.
                for table in TemplateOutput.tables(text) {
                    for row in table where row.contains(where: { $0.contains("=cmd") }) {
                        #expect(row.contains(MarkdownRenderer.escape(HostileTextTests.customer)), "\(relative): id split across cells: \(row)")
                    }
                }
            } else {
                // In rendered tables the id stays whole in one cell, escaped.
                let cells = try NSRegularExpression(pattern: "<td[^>]*>(=cmd[^<]*)</td>")
                for match in cells.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let cell = String(text[Range(match.range(at: 1), in: text)!])
                    #expect(cell.hasSuffix("A0 &lt;b&gt;x&lt;/b&gt;"), "\(relative): id split across cells: \(cell)")
                }
            }
        }
        #expect(shownVerbatim, "the verbatim should be quoted in the diagnostic")
        #expect(shownCustomer, "the complaining customer should be listed")
        #expect(shownTier, "the current tier should be compared with the proposal")
        let dashboard = TemplateOutput.read(f, "site/index.html")
        #expect(!dashboard.contains("<script") && !dashboard.contains("<b>x</b>") && !dashboard.contains("<img"))
        #expect(dashboard.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
