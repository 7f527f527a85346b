import ReportModel

/// The diagnostic's key points: what stands against its target, what got better or worse since the
/// previous snapshot, the customer base, the escalations and the segment that moved most, each a
/// sentence worked out from the figures, for the reader who reads only the first screen (a
/// stakeholder review found the deliverables opened on tables with no word on what happened).
struct KeyPointsView {
    let report: SnapshotReport
    let previous: SnapshotReport?
    /// The segment table, for the segments' names (the seed's unless given).
    var segmentTable = SegmentTable.seed
    let format: ReportFormatter
    var locale: ReportLocale { format.locale }

    private func t(_ en: String, _ fr: String) -> String { format.text(en, fr) }

    /// The key points, in reading order.
    func points() -> [String] {
        var points: [String] = []
        points.append(targets())
        if SnapshotView.hasFewBuyers(report.counts) {
            let enough = format.integer(SnapshotView.fewBuyers)
            points.append(format.counted(report.counts.buyers, ("buyer", "buyers"), ("acheteur", "acheteurs"))
                + t(" only: segments and predicted values are a rough guide until there are \(enough) or more.",
                    " seulement : segments et valeurs prédites restent indicatifs tant que le relevé compte moins de \(enough) acheteurs."))
        }
        if let changes = changes() { points.append(changes) }
        points.append(customers())
        points.append(escalations())
        if let segment = segmentMove() { points.append(segment) }
        return points
    }

    /// A KPI's name inside a sentence ("retention rate", but "NPS").
    private func name(_ key: KPIKey) -> String { KPIText.inSentence(KPIText.name(key, locale)) }


    /// The KPIs on and off their targets.
    func targets() -> String {
        let withTarget = report.kpis.filter { $0.target.value != nil && $0.value != nil }
        let shown = { (k: KPIValue) in name(k.key) + " " + KPIText.format(k.key, k.value, format) }
        let off = withTarget.filter { $0.status == .offTarget }.map(shown)
        let on = withTarget.filter { $0.status == .onTarget }.map(shown)
        if withTarget.isEmpty { return t("No KPI with a target can be measured on this snapshot.", "Aucun KPI ciblé ne peut être mesuré sur ce relevé.") }
        if off.isEmpty { return t("Every measured KPI with a target is on target (", "Tous les KPI mesurés ayant une cible l'atteignent (") + format.list(on) + ")." }
        let head = t("Off target: ", "Hors cible : ") + format.list(off) + "."
        return on.isEmpty ? head : head + t(" On target: ", " Dans la cible : ") + format.list(on) + "."
    }

    /// The KPIs whose value, as shown, changed since the previous snapshot, worse then better (the
    /// bad news first), as the KPI table beside them says. LTV growth is included: when it was left
    /// out, the table's arrow said "worse" where the key points said nothing.
    func changes() -> String? {
        guard let previous else { return nil }
        var better: [String] = [], worse: [String] = []
        for k in report.kpis {
            guard let now = k.value, let before = previous.kpi(k.key).value else { continue }
            let shownNow = KPIText.format(k.key, now, format), shownBefore = KPIText.format(k.key, before, format)
            guard shownNow != shownBefore else { continue }
            let text = name(k.key) + " " + shownBefore + " → " + shownNow
            if (now > before) == KPIText.higherIsBetter(k.key) { better.append(text) } else { worse.append(text) }
        }
        let since = t(" since ", " depuis ") + previous.period.label
        switch (better.isEmpty, worse.isEmpty) {
        case (true, true): return t("No KPI moved", "Aucun KPI n'a évolué") + since + "."
        case (false, true): return t("Better", "En progrès") + since + t(": ", " : ") + format.list(better) + "."
        case (true, false): return t("Worse", "En recul") + since + t(": ", " : ") + format.list(worse) + "."
        case (false, false):
            return t("Worse", "En recul") + since + t(": ", " : ") + format.list(worse) + t(". Better: ", ". En progrès : ") + format.list(better) + "."
        }
    }

    /// The active customers, their change and the lapsed ones.
    func customers() -> String {
        let c = report.counts
        var text = format.counted(c.active, ("active customer", "active customers"), ("client actif", "clients actifs")) + t(" of ", " sur ")
            + format.integer(c.customers)
        if let previous {
            let change = c.active - previous.counts.active
            text += change == 0 ? t(" (unchanged since ", " (inchangé depuis ") + previous.period.label + ")"
                : " (" + (change > 0 ? "+" : "−") + format.integer(abs(change)) + t(" since ", " depuis ") + previous.period.label + ")"
            text += t("; ", " ; ") + (c.newActive == 0 ? t("none newly active", "aucun nouvellement actif")
                : format.counted(c.newActive, ("newly active", "newly active"), ("nouvellement actif", "nouvellement actifs"))) + ", "
                + (c.lost == 0 ? t("none lapsed this period", "aucun devenu inactif sur la période")
                   : format.counted(c.lost, ("lapsed", "lapsed"), ("devenu inactif", "devenus inactifs")) + t(" this period", " sur la période"))
            return text + t("; revenue of the period ", " ; CA de la période ") + format.money(units: report.revenuePeriod) + "."
        }
        // The first snapshot's revenue "of the period" is all revenue to date.
        return text + t("; revenue to date ", " ; CA cumulé à ce jour ") + format.money(units: report.revenuePeriod) + t(" (first snapshot).", " (premier relevé).")
    }

    /// The escalations raised, or none.
    func escalations() -> String {
        let raised = report.escalations.filter(\.raised).map { EscalationText.name($0.kind, locale) }
        guard !raised.isEmpty else { return t("No escalation raised.", "Aucune escalade déclenchée.") }
        return (raised.count == 1 ? t("1 escalation calls for a human decision: ", "1 escalade appelle une décision humaine : ")
                : format.integer(raised.count) + t(" escalations call for a human decision: ", " escalades appellent une décision humaine : "))
            + format.list(raised) + "."
    }

    /// The segment whose number of customers changed most since the previous snapshot (on a tie,
    /// the one whose share of buyers moved more, as shown), with its share of buyers, or nil when
    /// none changed or there is no previous snapshot. (By share alone, a segment whose customers
    /// stayed put "moved" as the base grew.) Said as a change in customers, so that it is not read
    /// as the largest move in share, which the segmentation's table gives.
    func segmentMove() -> String? {
        guard let previous else { return nil }
        var best: (segment: SegmentSummary, before: SegmentSummary, change: Int, shareMove: Double)?
        for s in report.segments {
            guard let before = previous.segment(s.id), s.customers != before.customers else { continue }
            let change = s.customers - before.customers
            let shareMove = abs((s.share.map(format.percentTenths) ?? 0) - (before.share.map(format.percentTenths) ?? 0))
            // Larger change in customers, then in share; a full tie keeps the earlier segment.
            if best.map({ (abs(change), shareMove) > (abs($0.change), $0.shareMove) }) ?? true { best = (s, before, change, shareMove) }
        }
        guard let best else { return nil }
        return t("Largest change in customers: ", "Plus forte variation du nombre de clients : ") + segmentTable.displayName(best.segment.id, locale) + " "
            + format.integer(best.before.customers) + " → " + format.integer(best.segment.customers) + " ("
            + (best.change > 0 ? "+" : "−") + format.counted(abs(best.change), ("customer", "customers"), ("client", "clients")) + t("; ", "\u{202F}; ")
            + format.percent(best.before.share) + " → " + format.percent(best.segment.share) + t(" of buyers).", " des acheteurs).")
    }
}
