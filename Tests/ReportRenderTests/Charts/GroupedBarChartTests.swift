#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import ReportRender

@Suite struct GroupedBarChartTests {
    func chart(categories: [String] = ["Champions", "Loyal", "At risk"],
               series: [ChartSeries] = [
                   ChartSeries(name: "Customers", values: [0.1, 0.3, 0.6]),
                   ChartSeries(name: "Revenue", values: [0.5, 0.3, 0.2]),
               ],
               formatter: @escaping @Sendable (Double) -> String = ChartFormat.percent()) -> GroupedBarChart {
        GroupedBarChart(id: "seg", title: "Customers and revenue", description: "Champions bring half the revenue.",
                        categories: categories, series: series, xAxisTitle: "Segment", yAxisTitle: "Share",
                        noDataMessage: "No data", valueFormatter: formatter)
    }

    @Test func rendersBarsWithLabelsAndLegend() throws {
        let root = try ChartAssert.valid(chart(), title: "Customers and revenue")
        #expect(ChartAssert.viewBoxWidth(root) == 720)
        let bars = ChartAssert.tooltips(root, "rect")
        #expect(bars.map(\.text) == ["Champions, Customers: 10%", "Champions, Revenue: 50%", "Loyal, Customers: 30%",
                                     "Loyal, Revenue: 30%", "At risk, Customers: 60%", "At risk, Revenue: 20%"])
        // Okabe–Ito colours, one per series.
        #expect(bars.map { $0.element.attr("fill") } == Array(repeating: ["#0072b2", "#e69f00"], count: 3).flatMap { $0 })
        let texts = ChartAssert.texts(root)
        for expected in ["Customers", "Revenue", "Champions", "At risk", "Segment", "Share", "10%", "60%", "0%"] {
            #expect(texts.contains(expected), "\(expected)")
        }
        // Taller bar for the larger value.
        let heights = bars.map { ChartAssert.number($0.element, "height") }
        #expect(heights[4] > heights[2] && heights[2] > heights[0])
    }

    @Test func edgeCasesRenderValidSVG() throws {
        for c in [
            chart(categories: []),
            chart(series: []),
            chart(categories: ["Only"], series: [ChartSeries(name: "A", values: [0.4]), ChartSeries(name: "B", values: [0.2])]),
            chart(series: [ChartSeries(name: "A", values: [0, 0, 0]), ChartSeries(name: "B", values: [0, 0, 0])]),
            chart(series: [ChartSeries(name: "A", values: [nil, nil, nil])]),
            chart(series: [ChartSeries(name: "A", values: [-1, .nan, 2])]),
            chart(series: [ChartSeries(name: "A", values: [1])]),
            chart(categories: (0..<40).map { "Segment number \($0)" },
                  series: [ChartSeries(name: "A", values: (0..<40).map { Double($0) / 40 }), ChartSeries(name: "B", values: [])]),
        ] {
            let root = try ChartAssert.valid(c)
            for bar in ChartAssert.tooltips(root, "rect") {
                #expect(ChartAssert.number(bar.element, "height") >= 0)
            }
        }
        #expect(ChartAssert.texts(try ChartAssert.parse(chart(categories: []).svg())).contains("No data"))
        #expect(ChartAssert.texts(try ChartAssert.parse(chart(series: [ChartSeries(name: "A", values: [nil, nil, nil])]).svg())).contains("No data"))
        // All zeros: bars of zero height, labelled 0%.
        let zeros = try ChartAssert.parse(chart(series: [ChartSeries(name: "A", values: [0, 0, 0])]).svg())
        #expect(ChartAssert.tooltips(zeros, "rect").allSatisfy { ChartAssert.number($0.element, "height") == 0 })
    }

    @Test func tableHasOneRowPerCategory() {
        let c = chart(series: [ChartSeries(name: "Customers", values: [0.1, nil]), ChartSeries(name: "Revenue", values: [0.5, 0.3, 0.2])])
        let table = c.dataTable()
        #expect(table.caption == "Customers and revenue")
        #expect(table.header == ["Segment", "Customers", "Revenue"])
        #expect(table.rows == [["Champions", "10%", "50%"], ["Loyal", "–", "30%"], ["At risk", "–", "20%"]])
    }

    @Test func escapesHostileText() throws {
        let h = ChartAssert.hostile
        let c = GroupedBarChart(id: "x", title: h, description: h, categories: [h, "A & B"],
                                series: [ChartSeries(name: h, values: [1, 2])], xAxisTitle: h, yAxisTitle: h, noDataMessage: h)
        let svg = c.svg()
        #expect(!svg.contains("<script"))
        #expect(svg.contains("A &amp; B"))
        let root = try ChartAssert.valid(c, title: h)
        #expect(ChartAssert.tooltips(root, "rect").first?.text == "\(h), \(h): 1")
    }

    @Test func customColorsAreUsed() throws {
        let c = chart(series: [ChartSeries(name: "A", values: [1, 2, 3], color: .vermillion)])
        let root = try ChartAssert.valid(c)
        #expect(ChartAssert.count(root, "rect", "fill", "#d55e00") == 4) // 3 bars + legend swatch
    }
}
