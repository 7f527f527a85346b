import Testing
@testable import ReportRender

@Suite struct TextMetricsTests {
    @Test func widthGrowsWithTextAndSize() {
        #expect(TextMetrics.width("", fontSize: 12) == 0)
        #expect(TextMetrics.width("WWW", fontSize: 12) > TextMetrics.width("iii", fontSize: 12))
        #expect(TextMetrics.width("abc", fontSize: 16) > TextMetrics.width("abc", fontSize: 12))
        #expect(TextMetrics.width("abc", fontSize: 12, bold: true) > TextMetrics.width("abc", fontSize: 12))
    }

    @Test func truncateFitsAndMarksTheCut() {
        let long = "Potential loyalists with a very long name"
        let cut = TextMetrics.truncate(long, maxWidth: 80, fontSize: 12)
        #expect(cut.hasSuffix("…"))
        #expect(TextMetrics.width(cut, fontSize: 12) <= 80)
        #expect(TextMetrics.truncate("Loyal", maxWidth: 80, fontSize: 12) == "Loyal")
        #expect(TextMetrics.truncate("Loyal", maxWidth: 1, fontSize: 12) == "…")
    }

    @Test func wrapKeepsWordsAndLimitsLines() {
        let lines = TextMetrics.wrap("Need attention now please", maxWidth: 60, fontSize: 12, maxLines: 3)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 12) <= 60 })
        #expect(lines.first == "Need")
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(TextMetrics.wrap("A B", maxWidth: 200, fontSize: 12, maxLines: 2) == ["A B"])
        #expect(TextMetrics.wrap("   ", maxWidth: 200, fontSize: 12, maxLines: 2).isEmpty)
        // An overlong word is broken.
        let broken = TextMetrics.wrap("Hibernatingcustomers", maxWidth: 50, fontSize: 12, maxLines: 5)
        #expect(broken.count > 1 && broken.joined() == "Hibernatingcustomers")
        // No-break spaces (French, before `:` and `%`) stay, and no line starts with what they hold on.
        let french = TextMetrics.wrap("Taux de rétention\u{00A0}: évolution sur 12\u{202F}%", maxWidth: 130, fontSize: 12, maxLines: 4)
        #expect(french.joined(separator: " ") == "Taux de rétention\u{00A0}: évolution sur 12\u{202F}%", "\(french)")
        #expect(!french.contains { $0.hasPrefix(":") || $0.hasPrefix("%") })
    }

    @Test func hugeLabelsStayFast() throws {
        let huge = String(repeating: "abcdefghij ", count: 20_000)
        #expect(TextMetrics.truncate(huge, maxWidth: 100, fontSize: 12).count < 30)
        #expect(TextMetrics.wrap(huge, maxWidth: 100, fontSize: 12, maxLines: 3).count == 3)
        let chart = GroupedBarChart(id: "huge", title: huge, description: huge, categories: [huge, huge],
                                    series: [ChartSeries(name: huge, values: [1, 2])], xAxisTitle: huge, yAxisTitle: huge,
                                    noDataMessage: huge)
        #expect(chart.svg().count < 2_000_000)
    }
}
