import ReportModel

/// The cohort retention table as the dashboard's chart and the diagnostic's table both show it:
/// the last 12 cohorts, 0 to 12 months after their first month, nil where no snapshot fell in that
/// month or the cohort has not reached it yet (every row as wide as the widest).
struct CohortTable {
    let rows: ArraySlice<CohortRow>
    /// Months shown: +0 to +`width - 1`.
    let width: Int

    init(_ cohorts: [CohortRow]) {
        rows = cohorts.suffix(12)
        width = min(13, rows.map(\.retention.count).max() ?? 0)
    }

    /// Row `row`'s shares, `width` of them.
    func cells(_ row: CohortRow) -> [Double?] {
        (0..<width).map { k in k < row.retention.count ? row.retention[k] : nil }
    }

    /// The column labels, "+0" on.
    var columnLabels: [String] { (0..<width).map { "+\($0)" } }

    /// How long a cohort stays wholly active under an activity window of `days`: its customers all
    /// ordered in its month, so all are active until about a window after it ("its first 3 months"
    /// for 90 days, "its first month" for 30).
    static func fullSpan(windowDays days: Int, locale: ReportLocale) -> String {
        let months = max(1, Int((Double(days) / 30.4).rounded()))
        if locale == .fr { return months == 1 ? "son premier mois" : "ses \(months) premiers mois" }
        return months == 1 ? "its first month" : "its first \(months) months"
    }
}
