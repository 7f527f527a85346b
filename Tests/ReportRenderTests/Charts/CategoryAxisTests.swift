import Testing
@testable import ReportRender

/// Labels along x are thinned evenly, counted back from the last one, which is always shown.
@Suite struct CategoryAxisTests {
    let months = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]

    @Test func labelsAreEvenlySpacedFromTheLast() {
        let need = TextMetrics.width("2025-11", fontSize: ChartStyle.labelSize) + 10
        // Bands just wide enough for one label each, for one in two, one in three.
        #expect(CategoryAxis(labels: months, left: 0, width: need * 12).visibleIndices() == Array(0..<12))
        #expect(CategoryAxis(labels: months, left: 0, width: need * 6).visibleIndices() == [1, 3, 5, 7, 9, 11])
        #expect(CategoryAxis(labels: months, left: 0, width: need * 4).visibleIndices() == [2, 5, 8, 11])
        #expect(CategoryAxis(labels: ["a"], left: 0, width: 1).visibleIndices() == [0])
        #expect(CategoryAxis(labels: [], left: 0, width: 100).visibleIndices().isEmpty)
    }

    /// A phone's chart of snapshots named by day: the labels shown are whole (they were cut to
    /// "2026-0…" though the room between two of them held the whole label).
    @Test func labelsShownAreWholeWhenThereIsRoomBetweenThem() {
        let days = ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
                    "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31"]
        let axis = CategoryAxis(labels: days, left: 40, width: 190)
        var w = SVGWriter()
        axis.drawLabels(into: &w, y: 0, maxWidth: max(axis.bandWidth * 3, 60))
        let svg = w.document(id: "x", width: 240, height: 40, title: "t", description: "d")
        #expect(!svg.contains("…"), "\(svg)")
        for i in axis.visibleIndices() { #expect(svg.contains(">\(days[i])<"), "\(days[i])") }
        #expect(axis.visibleIndices().count >= 2)
    }
}
