/// Months without a snapshot between two snapshots, judged against the usual gap between them: a
/// monthly folder missing a month, not a quarterly one. Said by `SnapshotFolder`'s warnings and on
/// the snapshot's pages.
public enum MonthGap {
    /// Days between snapshots above which a snapshot's period is long: more than a month and a
    /// half, so that monthly exports taken on varying days (29 to 35 days apart) are not flagged,
    /// while a month missing between month-end exports (59 days or more) is.
    public static let longPeriodDays = 45

    /// Days between snapshots below which a snapshot's period is short: less than any month.
    public static let shortPeriodDays = 28

    /// Whether a period of `days` reads as a month: neither short nor long. Figures of a period
    /// scaled to a year are × 12 for such a period, × 365.25 ÷ days for any other.
    public static func isAboutAMonth(days: Int) -> Bool { days >= shortPeriodDays && days <= longPeriodDays }

    /// The most common gap in months between consecutive snapshots of `months` (as-of months' indices,
    /// in order), the shorter on a tie; 1 when no two snapshots are in different months.
    public static func usual(_ months: [Int]) -> Int {
        let gaps = zip(months, months.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
        let counts = Dictionary(gaps.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? 1
    }

    /// The months strictly between `from` and `to` when the gap between them is longer than `usual`
    /// (and than one month), else nil.
    public static func missing(from: Int, to: Int, usual: Int) -> Range<Int>? {
        to - from > max(1, usual) ? (from + 1)..<to : nil
    }

    /// "2025-06", "2025-06, 2025-07", or "2025-06 to 2025-11" beyond three months.
    public static func names(_ months: Range<Int>) -> String {
        months.count <= 3 ? months.map { Month(index: $0).description }.joined(separator: ", ")
            : bilingual("\(Month(index: months.lowerBound)) to \(Month(index: months.upperBound - 1))", "\(Month(index: months.lowerBound)) à \(Month(index: months.upperBound - 1))")
    }
}
