#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import ReportRender

@Suite struct HeatmapTests {
    let cohortCells: [[Double?]] = [[1, 0.42, 0.3], [1, 0.45, nil], [1, nil, nil]]

    func heatmap(rows: [String] = ["2026-01", "2026-02", "2026-03"], columns: [String] = ["0", "1", "2"],
                 cells: [[Double?]]? = nil, domain: ClosedRange<Double>? = 0...1) -> Heatmap {
        Heatmap(id: "cohort", title: "Retention by cohort", description: "Month-1 retention is about 43%.",
                rowLabels: rows, columnLabels: columns, cells: cells ?? cohortCells,
                rowAxisTitle: "Cohort", columnAxisTitle: "Months since first purchase",
                domain: domain, noDataMessage: "Not observed yet",
                valueFormatter: ChartFormat.percent())
    }

    @Test func rendersCellsLabelsAndLegend() throws {
        let root = try ChartAssert.valid(heatmap(), title: "Retention by cohort")
        #expect(ChartAssert.viewBoxWidth(root) == 720)
        let texts = ChartAssert.texts(root)
        for expected in ["Cohort", "Months since first purchase", "2026-01", "2026-03", "0", "2", "100%", "42%", "45%", "30%", "0%", "Not observed yet"] {
            #expect(texts.contains(expected), "\(expected)")
        }
        #expect(texts.filter { $0 == "100%" }.count == 4) // 3 cells + legend bound
        #expect(ChartAssert.elements(root).contains { $0.name == "linearGradient" })
    }

    /// The turned row title is longer than a grid of one or two rows: the chart is tall enough to
    /// hold it (its first letters were cut off below the chart).
    /// A cell's tooltip puts `labelColon` between its place and its value: ": " by default, a no-break
    /// space before the colon in French.
    @Test func tooltipsTakeTheLabelColon() {
        #expect(heatmap().svg().contains("<title>2026-01, 0: "))
        let french = Heatmap(id: "c", title: "T", description: "D", rowLabels: ["2026-01"], columnLabels: ["+0"], cells: [[0.5]],
                             rowAxisTitle: "Cohorte", columnAxisTitle: "Mois", noDataMessage: "Pas de données", labelColon: "\u{00A0}: ")
        #expect(french.svg().contains("<title>2026-01, +0\u{00A0}: "))
    }

    @Test func rowTitleFitsAShortGrid() throws {
        for rows in 1...4 {
            let labels = (1...rows).map { "2026-0\($0)" }
            let chart = Heatmap(id: "cohort", title: "Cohorts", description: "", rowLabels: labels, columnLabels: ["+0"],
                                cells: labels.map { _ in [1.0] }, rowAxisTitle: "Cohort (size), a long title", columnAxisTitle: "Months",
                                domain: 0...1, noDataMessage: "-", valueFormatter: ChartFormat.percent())
            let root = try ChartAssert.valid(chart)
            let height = try #require((root.attr("viewBox")?.split(separator: " ")).flatMap { Double($0[3]) })
            let title = try #require(ChartAssert.elements(root).first { $0.name == "text" && ($0.attr("transform") ?? "").hasPrefix("rotate(-90") })
            let center = ChartAssert.number(title, "y")
            let half = TextMetrics.width(title.stringValue ?? "", fontSize: ChartStyle.axisTitleSize) / 2
            #expect(center - half >= 0 && center + half <= height, "\(rows) row(s): title from \(center - half) to \(center + half), chart height \(height)")
        }
    }

    /// A grid of one column is narrower than its column title: the title takes the room it needs
    /// (it was cut to the grid's width or 200 units, « Mois depuis la 1re comman… »).
    @Test func columnTitleIsWholeOverANarrowGrid() throws {
        let title = "Mois depuis la 1re commande"
        let chart = Heatmap(id: "c", title: "T", description: "D", rowLabels: ["2025-01"], columnLabels: ["+0"], cells: [[1.0]],
                            rowAxisTitle: "Cohorte (taille)", columnAxisTitle: title, domain: 0...1, noDataMessage: "-",
                            valueFormatter: ChartFormat.percent(), width: 360)
        let root = try ChartAssert.valid(chart)
        #expect(ChartAssert.texts(root).contains(title))
        let shown = try #require(ChartAssert.elements(root).first { $0.name == "text" && $0.stringValue == title })
        let half = TextMetrics.width(title, fontSize: ChartStyle.axisTitleSize) / 2
        let center = ChartAssert.number(shown, "x")
        let canvas = try #require(ChartAssert.viewBoxWidth(root))
        #expect(center - half >= 0 && center + half <= canvas)
    }

    @Test func nilCellsAreEmpty() throws {
        let root = try ChartAssert.valid(heatmap())
        let cells = ChartAssert.tooltips(root, "rect")
        #expect(cells.count == 9)
        let empty = cells.filter { $0.text.hasSuffix("Not observed yet") }
        #expect(empty.map(\.text) == ["2026-02, 2: Not observed yet", "2026-03, 1: Not observed yet", "2026-03, 2: Not observed yet"])
        #expect(empty.allSatisfy { $0.element.attr("fill") == "url(#cohort-hatch)" })
        // 3 empty cells + 1 legend swatch use the hatch; values are only written in filled cells.
        #expect(ChartAssert.count(root, "rect", "fill", "url(#cohort-hatch)") == 4)
        #expect(ChartAssert.texts(root).filter { $0.hasSuffix("%") }.count == 6 + 2)
    }

    @Test func darkerCellsForLargerValuesWithContrastingText() throws {
        let root = try ChartAssert.valid(heatmap())
        let cells = ChartAssert.tooltips(root, "rect")
        func fill(_ label: String) -> ChartColor {
            ChartColor(hex: cells.first { $0.text.hasPrefix(label) }!.element.attr("fill")!)!
        }
        #expect(fill("2026-01, 0").relativeLuminance < fill("2026-02, 1").relativeLuminance)
        #expect(fill("2026-02, 1").relativeLuminance < fill("2026-01, 2").relativeLuminance)
        let fullText = ChartAssert.elements(root).first { $0.name == "text" && $0.stringValue == "100%" && $0.attr("fill") == "#ffffff" }
        #expect(fullText != nil)
        let lightText = ChartAssert.elements(root).first { $0.name == "text" && $0.stringValue == "30%" }
        #expect(lightText?.attr("fill") == "#000000")
    }

    @Test func defaultDomainStartsAtZeroForCounts() {
        let counts = Heatmap(id: "rf", title: "RF", description: "", rowLabels: ["R1", "R2"], columnLabels: ["F1", "F2"],
                             cells: [[10, 20], [30, 40]], rowAxisTitle: "R", columnAxisTitle: "F", noDataMessage: "none")
        #expect(counts.colorScale.lower == 0 && counts.colorScale.upper == 40)
    }

    @Test func edgeCasesRenderValidSVG() throws {
        for h in [
            heatmap(rows: []), heatmap(columns: []), heatmap(rows: [], columns: [], cells: []),
            heatmap(cells: []), heatmap(cells: [[nil, nil, nil], [nil], []]),
            heatmap(cells: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], domain: nil),
            heatmap(cells: [[5, 5, 5], [5, 5, 5], [5, 5, 5]], domain: nil),
            heatmap(cells: [[-3, .nan, .infinity], [2, 1, 0], [0, 0, 1]], domain: nil),
            heatmap(rows: ["only"], columns: ["one"], cells: [[0.5]]),
            heatmap(domain: 0...0),
        ] {
            try ChartAssert.valid(h)
        }
        #expect(ChartAssert.texts(try ChartAssert.parse(heatmap(rows: []).svg())).contains("Not observed yet"))
        // Ragged rows count as empty cells.
        let ragged = try ChartAssert.parse(heatmap(cells: [[1], [1, 0.5]]).svg())
        #expect(ChartAssert.tooltips(ragged, "rect").filter { $0.text.hasSuffix("Not observed yet") }.count == 6)
    }

    @Test func denseGridsDropCellTextButKeepTooltips() throws {
        let n = 30
        let cells: [[Double?]] = (0..<n).map { r in (0..<n).map { c in c < n - r ? 0.5 : nil } }
        let h = heatmap(rows: (0..<n).map { "r\($0)" }, columns: (0..<n).map { "\($0)" }, cells: cells)
        let root = try ChartAssert.valid(h)
        #expect(!ChartAssert.texts(root).contains("50%"))
        #expect(ChartAssert.tooltips(root, "rect").filter { $0.text.hasSuffix("50%") }.count == n * (n + 1) / 2)
    }

    @Test func longColumnLabelsAreRotatedAndStayInside() throws {
        let names = ["Champions", "Loyal customers", "Potential loyalists", "Need attention", "About to sleep", "Hibernating"]
        let h = Heatmap(id: "mig", title: "Migration", description: "", rowLabels: names, columnLabels: names,
                        cells: names.indices.map { r in names.indices.map { Double(r * 10 + $0) } },
                        rowAxisTitle: "From", columnAxisTitle: "To", noDataMessage: "none")
        let root = try ChartAssert.valid(h)
        let width = try #require(ChartAssert.viewBoxWidth(root))
        let rotated = ChartAssert.elements(root).filter { $0.name == "text" && ($0.attr("transform") ?? "").hasPrefix("rotate(-45") }
        #expect(rotated.count == names.count)
        for label in rotated {
            let x = ChartAssert.number(label, "x")
            #expect(x + TextMetrics.width(label.stringValue ?? "", fontSize: 12) * 0.71 <= width)
        }
    }

    @Test func cellTooltipsNameTheirPlace() throws {
        func tooltips(_ h: Heatmap) throws -> [String] {
            try ChartAssert.elements(ChartAssert.valid(h)).filter { $0.name == "rect" }
                .compactMap { rect in rect.children?.first { $0.name == "title" }?.stringValue }
        }
        let grid = Heatmap(id: "rf", title: "RF", description: "", rowLabels: ["R1", "R2"], columnLabels: ["F1", "F2"],
                           cells: [[1, 2], [3, nil]], rowAxisTitle: "R", columnAxisTitle: "F", noDataMessage: "none")
        #expect(try tooltips(grid) == ["R1, F1: 1", "R1, F2: 2", "R2, F1: 3", "R2, F2: none"])
        // A migration's cells read from one segment to another, whatever the names hold.
        let names = ["Top: clients, north", "Lost"]
        let migration = Heatmap(id: "mig", title: "Migration", description: "", rowLabels: names, columnLabels: names,
                                cells: [[5, 0], [1, 2]], rowAxisTitle: "From", columnAxisTitle: "To", noDataMessage: "none",
                                cellPlace: { "\($0) → \($1)" })
        #expect(try tooltips(migration) == ["Top: clients, north → Top: clients, north: 5", "Top: clients, north → Lost: 0",
                                            "Lost → Top: clients, north: 1", "Lost → Lost: 2"])
    }

    @Test func tableHasOneRowPerRow() {
        let table = heatmap().dataTable()
        #expect(table.caption == "Retention by cohort")
        #expect(table.header == ["Cohort", "0", "1", "2"])
        #expect(table.rows == [["2026-01", "100%", "42%", "30%"], ["2026-02", "100%", "45%", "–"], ["2026-03", "100%", "–", "–"]])
    }

    @Test func escapesHostileText() throws {
        let h = ChartAssert.hostile
        let c = Heatmap(id: h, title: h, description: h, rowLabels: [h], columnLabels: [h], cells: [[nil]],
                        rowAxisTitle: h, columnAxisTitle: h, noDataMessage: h, valueFormatter: { _ in h })
        #expect(!c.svg().contains("<script"))
        try ChartAssert.valid(c, title: h)
        let d = Heatmap(id: "d", title: "t", description: "", rowLabels: ["a"], columnLabels: ["b"], cells: [[1]],
                        rowAxisTitle: "", columnAxisTitle: "", noDataMessage: "", valueFormatter: { _ in h })
        #expect(!d.svg().contains("<script"))
        try ChartAssert.valid(d)
    }
}
