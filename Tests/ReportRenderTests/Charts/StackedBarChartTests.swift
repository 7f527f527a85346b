#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import ReportRender

@Suite struct StackedBarChartTests {
    func nps(normalized: Bool = true, xLabels: [String] = ["2026-01", "2026-02", "2026-03"],
             parts: [ChartSeries]? = nil) -> StackedBarChart {
        StackedBarChart(
            id: "nps", title: "NPS answers", description: "Promoters grow.", xLabels: xLabels,
            parts: parts ?? [
                ChartSeries(name: "Detractors", values: [30, nil, 20], color: .vermillion),
                ChartSeries(name: "Passives", values: [30, nil, 30], color: .grey),
                ChartSeries(name: "Promoters", values: [40, nil, 50], color: .bluishGreen),
            ],
            xAxisTitle: "Snapshot", yAxisTitle: "Share of answers", normalized: normalized,
            noDataMessage: "No answers", valueFormatter: normalized ? ChartFormat.percent() : ChartFormat.number())
    }

    @Test func normalizedBarsFillThePlot() throws {
        let root = try ChartAssert.valid(nps(), title: "NPS answers")
        #expect(ChartAssert.viewBoxWidth(root) == 720)
        let segments = ChartAssert.tooltips(root, "rect").filter { !$0.text.hasSuffix("No answers") }
        #expect(segments.map(\.text) == ["2026-01, Detractors: 30%", "2026-01, Passives: 30%", "2026-01, Promoters: 40%",
                                         "2026-03, Detractors: 20%", "2026-03, Passives: 30%", "2026-03, Promoters: 50%"])
        for bar in [segments.prefix(3), segments.suffix(3)] {
            let total = bar.map { ChartAssert.number($0.element, "height") }.reduce(0, +)
            #expect(abs(total - 240) < 1)
        }
        let texts = ChartAssert.texts(root)
        for expected in ["Detractors", "Passives", "Promoters", "Snapshot", "Share of answers", "100%", "40%", "50%"] {
            #expect(texts.contains(expected), "\(expected)")
        }
    }

    @Test func snapshotWithoutAnswersIsAnEmptyBar() throws {
        let root = try ChartAssert.valid(nps())
        let empty = ChartAssert.tooltips(root, "rect").filter { $0.text == "2026-02: No answers" }
        #expect(empty.count == 1)
        #expect(empty.first?.element.attr("stroke-dasharray") != nil)
        #expect(ChartAssert.texts(root).contains("No answers"))
        #expect(nps().dataTable().rows[1] == ["2026-02", "–", "–", "–"])
    }

    @Test func absoluteModeStacksCountsWithTotals() throws {
        let c = nps(normalized: false)
        let root = try ChartAssert.valid(c)
        #expect(ChartAssert.texts(root).contains("100"))
        #expect(c.dataTable().rows == [["2026-01", "30", "30", "40"], ["2026-02", "–", "–", "–"], ["2026-03", "20", "30", "50"]])
        #expect(c.dataTable().header == ["Snapshot", "Detractors", "Passives", "Promoters"])
    }

    @Test func edgeCasesRenderValidSVG() throws {
        for c in [
            nps(xLabels: []), nps(parts: []), nps(xLabels: ["only"]),
            nps(parts: [ChartSeries(name: "A", values: [0, 0, 0]), ChartSeries(name: "B", values: [0, 0, 0])]),
            nps(normalized: false, parts: [ChartSeries(name: "A", values: [0, 0, 0])]),
            nps(parts: [ChartSeries(name: "A", values: [nil, nil, nil])]),
            nps(parts: [ChartSeries(name: "A", values: [-1, .nan, .infinity]), ChartSeries(name: "B", values: [1, 1, 1])]),
            nps(xLabels: (0..<60).map { "2021-\($0)" }),
        ] {
            try ChartAssert.valid(c)
        }
        #expect(ChartAssert.texts(try ChartAssert.parse(nps(xLabels: []).svg())).contains("No answers"))
    }

    @Test func escapesHostileText() throws {
        let h = ChartAssert.hostile
        let c = StackedBarChart(id: h, title: h, description: h, xLabels: [h, "b"],
                                parts: [ChartSeries(name: h, values: [1, nil])], xAxisTitle: h, yAxisTitle: h, noDataMessage: h)
        #expect(!c.svg().contains("<script"))
        let root = try ChartAssert.valid(c, title: h)
        #expect(ChartAssert.tooltips(root, "rect").contains { $0.text == "b: \(h)" })
    }
}
