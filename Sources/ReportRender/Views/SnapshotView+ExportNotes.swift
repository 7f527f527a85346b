import ReportModel

/// The notes that say when a snapshot's figures follow from how the data was exported rather than
/// from the customers: a long period since the previous snapshot (a month missing), many of the
/// customers active at the previous snapshot missing from it, many customers new to the data with
/// past orders, many active customers back after missing from the previous snapshot. The build warns
/// of each of the last three on the console (and of a missing month); these put them on the pages,
/// where the figures are read.
extension SnapshotView {
    func exportNotes() -> [String: Any] {
        var v: [String: Any] = [:]
        let previous = history.last
        let previousLabel = previous?.period.label ?? format.missing
        // From this snapshot and the one before only: a page never depends on later snapshots (a
        // build that adds a month reuses the pages before it).
        let days = SnapshotView.daysSincePrevious(report, history: history)
        let from = previous?.period.asOf.month.index ?? 0, to = report.period.asOf.month.index
        let missingMonths = previous == nil ? nil : MonthGap.missing(from: from, to: to, usual: 1)
        v["has_long_period"] = (days ?? 0) > MonthGap.longPeriodDays
        v["long_period"] = [
            "span": days.map { format.integer($0) + format.text(" days", "\u{00A0}jours") } ?? format.missing,
            "previous": previousLabel,
            "has_months": missingMonths != nil,
            "months": missingMonths.map { SnapshotView.monthNames($0, format: format) } ?? "",
        ]
        let counts = report.counts
        // In whole percents, but never 100 % for a part of the whole (920 of 921 read as all of them).
        func share(_ part: Int, of whole: Int) -> String {
            let fraction = Double(part) / Double(max(whole, 1))
            return format.percent(fraction, decimals: part < whole && fraction >= 0.995 ? 1 : 0)
        }
        // Both at once: one note, on ids written another way.
        v["has_new_ids"] = counts.looksLikeNewIDs
        v["has_customers_missing"] = counts.missesManyCustomers && !counts.looksLikeNewIDs
        v["customers_missing"] = [
            "count": format.integer(counts.missingActive),
            "previous_count": format.integer(counts.previouslyActive),
            "share": share(counts.missingActive, of: counts.previouslyActive),
            "previous": previousLabel,
        ]
        v["has_customers_imported"] = counts.importsManyCustomers && !counts.looksLikeNewIDs
        v["customers_imported"] = [
            "count": format.integer(counts.arrivedWithHistory),
            "share": share(counts.arrivedWithHistory, of: counts.customers),
            "previous_as_of": previous.map { format.date($0.period.asOf) } ?? format.missing,
            "previous": previousLabel,
            "previous_count": format.integer(counts.previouslyActive),
            "missing": format.integer(counts.missingActive),
        ]
        v["has_customers_back"] = counts.bringsManyBack
        v["customers_back"] = [
            "count": format.integer(counts.returnedActive),
            "active": format.integer(counts.active),
            "share": share(counts.returnedActive, of: counts.active),
            "previous": previousLabel,
        ]
        return v
    }

    /// The months without a snapshot, in a sentence: `2025-06, 2025-07 and 2025-08`, or beyond three
    /// `2025-06 to 2025-11` (French: `… et 2025-08`, `les mois de 2025-06 à 2025-11`).
    static func monthNames(_ months: Range<Int>, format: ReportFormatter) -> String {
        let labels = months.map { Month(index: $0).description }
        guard labels.count > 3, let first = labels.first, let last = labels.last else { return format.list(labels) }
        return format.text("\(first) to \(last)", "les mois de \(first) à \(last)")
    }
}
