#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import ReportRender

@Suite struct LineChartTests {
    func chart(
        xLabels: [String] = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"],
        series: [ChartSeries] = [ChartSeries(name: "Repeat rate", values: [0.41, 0.43, nil, 0.47, 0.5])],
        target: TargetLine? = TargetLine(value: 0.6, label: "target"),
        title: String = "Repeat rate", pointLabels: LineChart.PointLabels = .auto
    ) -> LineChart {
        LineChart(id: "kpi", title: title, description: "Repeat rate rises.", xLabels: xLabels, series: series,
                  xAxisTitle: "Snapshot", yAxisTitle: "Share", target: target, noDataMessage: "No data yet",
                  pointLabels: pointLabels, valueFormatter: ChartFormat.percent())
    }

    @Test func rendersValidAccessibleSVG() throws {
        let root = try ChartAssert.valid(chart(), title: "Repeat rate")
        #expect(ChartAssert.viewBoxWidth(root) == 720)
        #expect(root.attr("aria-labelledby") == "kpi-title" && root.attr("aria-describedby") == "kpi-desc")
        let texts = ChartAssert.texts(root)
        for expected in ["Repeat rate", "Snapshot", "Share", "2026-01", "2026-05", "0%", "60%", "43%", "target 60%"] {
            #expect(texts.contains(expected), "\(expected)")
        }
        // The label at the end of the target line carries its value (legend and line end both).
        #expect(texts.filter { $0 == "target 60%" }.count == 2)
    }

    @Test func nilBreaksTheLineWithoutInventingPoints() throws {
        let root = try ChartAssert.valid(chart(series: [ChartSeries(name: "S", values: [0.1, 0.2, nil, 0.4, 0.5])]))
        let paths = ChartAssert.elements(root).filter { $0.name == "path" && $0.attr("stroke-width") == "2.5" }
        #expect(paths.count == 1)
        let d = paths.first?.attr("d") ?? ""
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "L" }.count == 2)
        let markers = ChartAssert.tooltips(root).filter { $0.text.hasPrefix("S, ") }
        #expect(markers.map(\.text) == ["S, 2026-01: 10%", "S, 2026-02: 20%", "S, 2026-04: 40%", "S, 2026-05: 50%"])
    }

    @Test func isolatedPointGetsAMarkerButNoLine() throws {
        let root = try ChartAssert.valid(chart(series: [ChartSeries(name: "S", values: [nil, 0.3, nil])], target: nil))
        #expect(!ChartAssert.elements(root).contains { $0.name == "path" && $0.attr("fill") == "none" })
        #expect(ChartAssert.tooltips(root).map(\.text) == ["S, 2026-02: 30%"])
    }

    @Test func singleSnapshotDrawsAPoint() throws {
        let root = try ChartAssert.valid(chart(xLabels: ["2026-03"], series: [ChartSeries(name: "S", values: [1_234_567])], target: nil))
        #expect(ChartAssert.tooltips(root).count == 1)
        #expect(ChartAssert.texts(root).contains("123456700%"))
    }

    @Test func allNilShowsTheMessage() throws {
        let nils: [Double?] = [nil, nil, nil, nil, nil]
        for c in [chart(series: [ChartSeries(name: "S", values: nils)]), chart(series: []), chart(xLabels: []),
                  chart(series: [ChartSeries(name: "S", values: [])])] {
            let root = try ChartAssert.valid(c)
            #expect(ChartAssert.texts(root).contains("No data yet"))
            #expect(ChartAssert.tooltips(root).isEmpty)
            // The description says it too: text inside role="img" is not read out.
            let desc = (root.children ?? []).compactMap { $0 as? XMLElement }.first { $0.name == "desc" }
            #expect(desc?.stringValue?.hasSuffix("No data yet.") == true, "\(desc?.stringValue ?? "")")
        }
    }

    @Test func nonFiniteInputIsTreatedAsMissing() throws {
        let c = chart(series: [ChartSeries(name: "S", values: [.nan, .infinity, 0.5, -.infinity, 0.2])],
                      target: TargetLine(value: .nan, label: "target"))
        let root = try ChartAssert.valid(c)
        #expect(ChartAssert.tooltips(root).count == 2)
        #expect(c.dataTable().rows.map { $0[1] } == ["–", "–", "50%", "–", "20%"])
        #expect(c.dataTable().header == ["Snapshot", "S"])
    }

    @Test func valuesFarApartAndNegative() throws {
        let far = LineChart(id: "far", title: "Far", description: "d", xLabels: ["a", "b", "c", "d"],
                            series: [ChartSeries(name: "A", values: [0.001, 1e9, -5e8, 3]), ChartSeries(name: "B", values: [2, 2, 2, 2])],
                            xAxisTitle: "", yAxisTitle: "", noDataMessage: "none",
                            valueFormatter: ChartFormat.number(groupingSeparator: ","))
        let root = try ChartAssert.valid(far)
        let texts = ChartAssert.texts(root)
        #expect(texts.contains("1,000,000,000"))
        #expect(texts.contains("\u{2212}500,000,000"))
    }

    @Test func allZerosAndConstantSeries() throws {
        try ChartAssert.valid(chart(series: [ChartSeries(name: "S", values: [0, 0, 0, 0, 0])], target: nil))
        try ChartAssert.valid(chart(series: [ChartSeries(name: "S", values: [7, 7, 7, 7, 7])], target: nil))
        try ChartAssert.valid(LineChart(id: "z", title: "z", description: "", xLabels: ["a", "b"],
                                        series: [ChartSeries(name: "S", values: [5, 5])], xAxisTitle: "", yAxisTitle: "",
                                        noDataMessage: "none", includeZero: false))
    }

    @Test func targetLineIsDashedAndInTheTable() throws {
        let c = chart()
        let root = try ChartAssert.valid(c)
        #expect(ChartAssert.elements(root).contains { $0.name == "line" && $0.attr("stroke-dasharray") != nil })
        let table = c.dataTable()
        #expect(table.caption == "Repeat rate")
        #expect(table.header == ["Snapshot", "Repeat rate", "target"])
        #expect(table.rows.first == ["2026-01", "41%", "60%"])
        #expect(table.rows[2] == ["2026-03", "–", "60%"])
    }

    @Test func manySeriesAndManySnapshots() throws {
        let labels = (0..<36).map { "2024-\($0)" }
        let series = (0..<9).map { s in ChartSeries(name: "Series \(s)", values: (0..<36).map { Double(($0 * 7 + s * 13) % 50) }) }
        let root = try ChartAssert.valid(chart(xLabels: labels, series: series, target: nil))
        // Thinned x labels: fewer labels than snapshots, the last one kept.
        let shown = ChartAssert.texts(root).filter { $0.hasPrefix("2024-") }
        #expect(shown.count < 36 && shown.count > 3)
        #expect(shown.last == "2024-35")
        for mode in [LineChart.PointLabels.all, .last, .none] {
            try ChartAssert.valid(chart(xLabels: labels, series: series, pointLabels: mode))
        }
    }

    @Test func escapesHostileText() throws {
        let h = ChartAssert.hostile
        let c = LineChart(id: h, title: h, description: h, xLabels: [h, "b"], series: [ChartSeries(name: h, values: [1, 2])],
                          xAxisTitle: h, yAxisTitle: h, target: TargetLine(value: 1.5, label: h), noDataMessage: h)
        let svg = c.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("\"x\""))
        #expect(!svg.contains("& "))
        let root = try ChartAssert.valid(c, title: h)
        #expect(ChartAssert.texts(root).contains(h))
        #expect(ChartAssert.elements(root).first { $0.name == "desc" }?.stringValue == h)
        #expect(root.attr("aria-labelledby") == "c-script-alert--x----script-----co--title")
        #expect(root.attr("aria-describedby") == "c-script-alert--x----script-----co--desc")
    }
    /// Each point label's baseline minus its point's y, in point order (series 0, circles).
    func labelOffsets(_ root: XMLElement, values: [String]) -> [Double] {
        let points = ChartAssert.tooltips(root, "circle").map { ChartAssert.number($0.element, "cy") }
        let labels = ChartAssert.elements(root).filter { $0.name == "text" && $0.attr("text-anchor") == "middle" && values.contains($0.stringValue ?? "") }
        return zip(labels, points).map { ChartAssert.number($0, "y") - $1 }
    }

    @Test func labelsGoBelowLowPointsAndAboveHighOnes() throws {
        // A peak, a trough, a peak: the trough's label above would sit on both of its segments.
        let c = chart(xLabels: ["a", "b", "c"], series: [ChartSeries(name: "S", values: [0.8, 0.2, 0.8])], target: nil)
        let offsets = labelOffsets(try ChartAssert.valid(c), values: ["80%", "20%"])
        #expect(offsets.count == 3)
        #expect(offsets[0] == -PointLabelPlacer.offset && offsets[2] == -PointLabelPlacer.offset)
        #expect(offsets[1] > PointLabelPlacer.offset)
    }

    @Test func aLabelThatWouldCrossTheTargetStepsOverIt() throws {
        // 58 % sits just under the 60 % target: right above, the dashed line would run through its
        // label, and right below, both its segments; a step farther up, it is clear of the line.
        let c = chart(xLabels: ["a", "b", "c"], series: [ChartSeries(name: "S", values: [0.3, 0.58, 0.3])],
                      target: TargetLine(value: 0.6, label: "target"))
        let offsets = labelOffsets(try ChartAssert.valid(c), values: ["30%", "58%"])
        #expect(offsets.count == 3)
        #expect(abs(offsets[1] + PointLabelPlacer.offset + PointLabelPlacer.stepEms * ChartStyle.labelSize) < 1e-9, "\(offsets[1])")
        // Without the target it is a peak, labelled above.
        let free = chart(xLabels: ["a", "b", "c"], series: [ChartSeries(name: "S", values: [0.3, 0.58, 0.3])], target: nil)
        #expect(labelOffsets(try ChartAssert.valid(free), values: ["30%", "58%"])[1] == -PointLabelPlacer.offset)
    }

    /// The example's retention rates on the French dashboard (560 units, the 85 % target): the label of
    /// 81.7 %, just under the target, sat on the dashed line (neither above nor below was free), and
    /// 86.4 % and 89.4 % touched. Each now takes a step farther where it is free: no label crosses
    /// the target line or comes within `labelGap` of another.
    @Test func crowdedLabelsStepAwayFromTheTargetAndEachOther() throws {
        let values: [Double?] = [nil, 0.864, 0.894, 0.762, 0.756, 0.787, 0.744, 0.817, 0.832, 0.763, 0.75, 0.815]
        let months = ["2025-11", "2025-12"] + (1...10).map { String(format: "2026-%02d", $0) }
        let c = LineChart(id: "retention", title: "Retention rate over time", description: "Retention.", xLabels: months,
                          series: [ChartSeries(name: "Retention rate", values: values)], xAxisTitle: "Snapshot", yAxisTitle: "Retention rate",
                          target: TargetLine(value: 0.85, label: "cible >"), noDataMessage: "No data",
                          valueFormatter: ChartFormat.percent(fractionDigits: 1, decimalSeparator: ",", suffix: "\u{202F}%"), width: 560)
        let root = try ChartAssert.valid(c)
        // The dashed line across the plot (the legend's swatch is a short one).
        let dashed = ChartAssert.elements(root).filter { $0.name == "line" && $0.attr("stroke-dasharray") != nil }
        let targetY = try #require(dashed.max { ChartAssert.number($0, "x2") - ChartAssert.number($0, "x1") < ChartAssert.number($1, "x2") - ChartAssert.number($1, "x1") }
            .map { ChartAssert.number($0, "y1") })
        let size = ChartStyle.labelSize
        let boxes = ChartAssert.elements(root).filter { $0.name == "text" && $0.attr("text-anchor") == "middle" && $0.attr("paint-order") != nil }.map { label in
            let width = TextMetrics.width(label.stringValue ?? "", fontSize: size)
            let x = ChartAssert.number(label, "x"), baseline = ChartAssert.number(label, "y")
            return PointLabelPlacer.Box(minX: x - width / 2, maxX: x + width / 2, minY: baseline - 0.75 * size, maxY: baseline + 0.2 * size)
        }
        #expect(boxes.count == values.count - 1)
        for (k, box) in boxes.enumerated() {
            #expect(!(box.minY < targetY && targetY < box.maxY), "label \(k) on the target line")
            let spaced = PointLabelPlacer.Box(minX: box.minX - PointLabelPlacer.labelGap, maxX: box.maxX + PointLabelPlacer.labelGap, minY: box.minY, maxY: box.maxY)
            for other in boxes[(k + 1)...] { #expect(!spaced.intersects(other), "label \(k) touches another") }
        }
    }

    @Test func labelsSitRightAboveOrBelowTheirPoints() throws {
        // Generated series: every label is centred on its point, at one of the places the placer
        // tries (above or below, or a step or two farther).
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let places = PointLabelPlacer(top: 0, bottom: 0, fontSize: ChartStyle.labelSize).candidates(y: 0)
        for _ in 0..<40 {
            let n = 2 + Int(next() * 11)
            let values = (0..<n).map { _ in (next() * 1000).rounded() / 1000 }
            let c = chart(xLabels: (0..<n).map { "m\($0)" }, series: [ChartSeries(name: "S", values: values)],
                          target: next() < 0.5 ? TargetLine(value: next(), label: "target") : nil)
            let root = try ChartAssert.valid(c)
            let points = ChartAssert.tooltips(root, "circle").map { (x: ChartAssert.number($0.element, "cx"), y: ChartAssert.number($0.element, "cy")) }
            let labels = ChartAssert.elements(root).filter { $0.name == "text" && $0.attr("text-anchor") == "middle" && $0.attr("paint-order") != nil }
            #expect(points.count == n && labels.count == n)
            for (label, point) in zip(labels, points) {
                #expect(abs(ChartAssert.number(label, "x") - point.x) < 1e-6)
                let dy = ChartAssert.number(label, "y") - point.y
                #expect(places.contains { abs(dy - $0) < 0.01 }, "\(dy)")
            }
            // The same input draws the same chart.
            #expect(c.svg() == c.svg())
        }
    }
}
