import ReportModel

/// The notes that say when a snapshot's figures follow from how the data was exported rather than
/// from the customers: months without a snapshot before it (a long period), many of the previous snapshot's
/// customers missing from it, many customers new to the data with past orders, many back after
/// missing from the previous snapshot. The build warns of
/// each on the console; these put it on the pages, where the figures are read.
extension SnapshotView {
    func exportNotes() -> [String: Any] {
        var v: [String: Any] = [:]
        let previous = history.last
        // Any month without a snapshot between the previous one and this one (a month missing, or a
        // quarterly export): the period figures cover more than the month the targets are set for.
        // Not judged against the folder's usual gap, as the console's warning is: a page must not
        // depend on later snapshots (a build that adds a month reuses the pages before it).
        let from = previous?.period.asOf.month.index ?? 0, to = report.period.asOf.month.index
        let missingMonths = previous == nil ? nil : MonthGap.missing(from: from, to: to, usual: 1)
        v["has_long_period"] = missingMonths != nil
        v["long_period"] = [
            "months": missingMonths.map(MonthGap.names) ?? "",
            "span": SnapshotView.daysSincePrevious(report, history: history).map { format.integer($0) + format.text(" days", "\u{00A0}jours") } ?? format.missing,
            "previous": previous?.period.label ?? format.missing,
        ]
        let continuity = report.continuity
        func share(_ part: Int, of whole: Int) -> String { format.percent(Double(part) / Double(max(whole, 1)), decimals: 0) }
        // Both at once: one note, on ids written another way.
        v["has_new_ids"] = continuity.looksLikeNewIDs
        v["has_customers_missing"] = continuity.missesManyCustomers && !continuity.looksLikeNewIDs
        v["customers_missing"] = [
            "count": format.integer(continuity.missing),
            "previous_count": format.integer(continuity.previousCustomers),
            "share": share(continuity.missing, of: continuity.previousCustomers),
            "previous": previous?.period.label ?? format.missing,
        ]
        v["has_customers_imported"] = continuity.importsManyCustomers && !continuity.looksLikeNewIDs
        v["customers_imported"] = [
            "count": format.integer(continuity.arrivedWithHistory),
            "share": share(continuity.arrivedWithHistory, of: continuity.customers),
            "previous_as_of": previous.map { format.date($0.period.asOf) } ?? format.missing,
            "previous": previous?.period.label ?? format.missing,
            "previous_count": format.integer(continuity.previousCustomers),
            "missing": format.integer(continuity.missing),
        ]
        v["has_customers_back"] = continuity.bringsManyBack
        v["customers_back"] = [
            "count": format.integer(continuity.returned),
            "share": share(continuity.returned, of: continuity.customers),
            "previous": previous?.period.label ?? format.missing,
        ]
        return v
    }
}
