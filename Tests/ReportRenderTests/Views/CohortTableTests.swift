import Testing
import ReportModel
@testable import ReportRender

/// `CohortTable`: the last 12 cohorts, 0 to 12 months of age, and under quarterly snapshots three
/// months of age to a column. Values worked by hand.
@Suite struct CohortTableTests {
    /// Cohorts whose snapshots fell every third month, as a quarterly export gives them: each
    /// cohort meets one snapshot in every three months of its age, at an offset of its own.
    static let quarterly = [
        CohortRow(cohort: Month(index: 24_310), size: 10, retention: [nil, nil, 0.9, nil, nil, 0.5, nil, nil, 0.4]),
        CohortRow(cohort: Month(index: 24_311), size: 20, retention: [nil, 1, nil, nil, 0.6, nil, nil, 0.45]),
        CohortRow(cohort: Month(index: 24_312), size: 30, retention: [1, nil, nil, 0.7, nil, nil, 0.5]),
        CohortRow(cohort: Month(index: 24_313), size: 40, retention: [nil, nil, 1]),
    ]

    @Test func monthlyColumnsAreTheMonthsOfAge() {
        let table = CohortTable(Self.quarterly)
        #expect(table.months == 9 && table.width == 9 && table.monthsPerColumn == 1)
        #expect(table.columnLabels == ["+0", "+1", "+2", "+3", "+4", "+5", "+6", "+7", "+8"])
        #expect(table.cells(Self.quarterly[3]) == [nil, nil, 1, nil, nil, nil, nil, nil, nil])
    }

    @Test func quarterlyColumnsHoldThreeMonthsOfAge() {
        let table = CohortTable(Self.quarterly, cadence: .quarterly)
        #expect(table.months == 9 && table.width == 3 && table.monthsPerColumn == 3)
        #expect(table.columnLabels == ["+0–2", "+3–5", "+6–8"])
        #expect(table.cells(Self.quarterly[0]) == [0.9, 0.5, 0.4])
        #expect(table.cells(Self.quarterly[1]) == [1, 0.6, 0.45])
        #expect(table.cells(Self.quarterly[2]) == [1, 0.7, 0.5])
        #expect(table.cells(Self.quarterly[3]) == [1, nil, nil])
        // Weekly snapshots keep a column a month; a last column shorter than three months is
        // labelled with what it holds; two snapshots in one column's months show the later one.
        #expect(CohortTable(Self.quarterly, cadence: .weekly).width == 9)
        let odd = [CohortRow(cohort: Month(index: 24_310), size: 5, retention: [1, 0.8, nil, nil, 0.6, 0.2, nil, 0.1, nil, 0.1])]
        let oddTable = CohortTable(odd, cadence: .quarterly)
        #expect(oddTable.columnLabels == ["+0–2", "+3–5", "+6–8", "+9"])
        #expect(oddTable.cells(odd[0]) == [0.8, 0.2, 0.1, 0.1])
        let thirteen = [CohortRow(cohort: Month(index: 24_310), size: 5, retention: Array(repeating: 0.5, count: 20))]
        #expect(CohortTable(thirteen, cadence: .quarterly).columnLabels == ["+0–2", "+3–5", "+6–8", "+9–11", "+12"])
    }
}
