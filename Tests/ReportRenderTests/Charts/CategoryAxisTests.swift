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
}
