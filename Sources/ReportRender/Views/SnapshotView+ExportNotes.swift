import ReportModel

/// The notes that say when a snapshot's figures follow from how the data was exported rather than
/// from the customers: a short or long period since the previous snapshot (a mid-month export, a
/// month missing; judged against the `cadence`, monthly by default), many of the
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
        let span = days.map { format.integer($0) + format.text($0 == 1 ? " day" : " days", $0 == 1 ? "\u{00A0}jour" : "\u{00A0}jours") } ?? format.missing
        let from = previous?.period.asOf.month.index ?? 0, to = report.period.asOf.month.index
        let missingMonths = previous == nil ? nil : MonthGap.missing(from: from, to: to, usual: cadence.months)
        // A period shorter than any of the cadence's: a ledger's default as-of date a few days into
        // a month, a mid-month export among month-end ones, weekly exports not declared as such.
        // (A first rule, flagging only a short period after a long one, missed the second of two
        // short ones in a row and flagged the second of weekly exports alone.)
        v["has_short_period"] = days.map { $0 < cadence.shortPeriodDays } ?? false
        v["short_period"] = [
            "days": days.map(format.integer) ?? format.missing,
            "span": span,
            "previous": previousLabel,
            "compare_with": compareWith,
        ]
        v["has_long_period"] = days.map { $0 > cadence.longPeriodDays } ?? false
        v["long_period"] = [
            "span": span,
            "previous": previousLabel,
            "has_months": missingMonths != nil,
            "months": missingMonths.map { SnapshotView.monthNames($0, format: format) } ?? "",
            "compare_with": compareWith,
        ]
        let hint = cadenceHint()
        v["has_cadence_hint"] = hint != nil
        v["cadence_hint"] = hint ?? [:]
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

    /// What the notes on a short or long period ask to compare its figures with, with care: the
    /// figures and targets of the cadence's period.
    var compareWith: String {
        switch cadence {
        case .weekly: format.text("a week's figures, and with the weekly targets", "aux chiffres d'une semaine et aux cibles hebdomadaires")
        case .monthly: format.text("a month's figures, and with the monthly targets", "aux chiffres d'un mois et aux cibles mensuelles")
        case .quarterly: format.text("a quarter's figures, and with the quarterly targets", "aux chiffres d'un trimestre et aux cibles trimestrielles")
        }
    }

    /// For snapshots that are all a quarter (or all a week) apart so far, in a folder whose config
    /// says no `cadence`: the key that makes them the usual period, so that the note on every page
    /// goes (`value`, `adjective` for the snapshots, `period`). Nil otherwise, and for a ledger.
    func cadenceHint() -> [String: Any]? {
        guard config.cadence == nil, !report.source.fromLedger else { return nil }
        let dates = (history + [report]).map(\.period.asOf)
        guard let looks = SnapshotCadence.nonMonthly(fitting: zip(dates, dates.dropFirst()).map { $1.days(since: $0) }) else { return nil }
        return [
            "value": looks.rawValue,
            "adjective": looks == .weekly ? format.text("weekly", "hebdomadaires") : format.text("quarterly", "trimestriels"),
            "period": format.text(looks.period.en, looks.period.fr),
        ]
    }

    /// The months without a snapshot, in a sentence: `2025-06, 2025-07 and 2025-08`, or beyond three
    /// `2025-06 to 2025-11` (French: `… et 2025-08`, `les mois de 2025-06 à 2025-11`).
    static func monthNames(_ months: Range<Int>, format: ReportFormatter) -> String {
        let labels = months.map { Month(index: $0).description }
        guard labels.count > 3, let first = labels.first, let last = labels.last else { return format.list(labels) }
        return format.text("\(first) to \(last)", "les mois de \(first) à \(last)")
    }
}
