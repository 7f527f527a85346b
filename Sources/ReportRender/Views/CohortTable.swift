import ReportModel

/// The cohort retention table as the dashboard's chart and the diagnostic's table both show it:
/// the last 12 cohorts, 0 to 12 months after their first month, nil where no snapshot fell in that
/// month or the cohort has not reached it yet (every row as wide as the widest). Under a quarterly
/// `cadence`, a column holds three months of a cohort's age (+0–2, +3–5, …): a cohort meets one
/// snapshot in each, where monthly columns left two cells in three empty.
struct CohortTable {
    let rows: ArraySlice<CohortRow>
    /// Months of a cohort's age shown: +0 to +`months - 1`.
    let months: Int
    /// Months of age per column: 3 for quarterly snapshots, else 1.
    let monthsPerColumn: Int

    init(_ cohorts: [CohortRow], cadence: SnapshotCadence = .monthly) {
        rows = cohorts.suffix(12)
        months = min(13, rows.map(\.retention.count).max() ?? 0)
        monthsPerColumn = cadence == .quarterly ? 3 : 1
    }

    /// Columns shown.
    var width: Int { (months + monthsPerColumn - 1) / monthsPerColumn }

    /// The months of age column `column` covers.
    func monthRange(_ column: Int) -> Range<Int> { column * monthsPerColumn..<min((column + 1) * monthsPerColumn, months) }

    /// Row `row`'s shares, `width` of them: a column's latest share among its months (there is one
    /// when the snapshots are as regular as the cadence says).
    func cells(_ row: CohortRow) -> [Double?] {
        (0..<width).map { column in
            monthRange(column).reversed().lazy.compactMap { k in k < row.retention.count ? row.retention[k] : nil }.first
        }
    }

    /// The column labels: "+0" on, or "+0–2" on for columns of three months.
    var columnLabels: [String] {
        (0..<width).map { column in
            let range = monthRange(column)
            return range.count == 1 ? "+\(range.lowerBound)" : "+\(range.lowerBound)–\(range.upperBound - 1)"
        }
    }

    /// How long a cohort stays wholly active under an activity window of `days`: its customers all
    /// ordered in its month, so all are active until about a window after it ("its first 3 months"
    /// for 90 days, "its first month" for 30).
    static func fullSpan(windowDays days: Int, locale: ReportLocale) -> String {
        let months = max(1, Int((Double(days) / 30.4).rounded()))
        if locale == .fr { return months == 1 ? "son premier mois" : "ses \(months) premiers mois" }
        return months == 1 ? "its first month" : "its first \(months) months"
    }
}
