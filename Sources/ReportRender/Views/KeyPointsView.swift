import ReportModel

/// The diagnostic's key points: what stands against its target, what got better or worse since the
/// previous snapshot, the customer base, the escalations and the segment that moved most, each a
/// sentence worked out from the figures, for the reader who reads only the first screen (a
/// stakeholder review found the deliverables opened on tables with no word on what happened).
struct KeyPointsView {
    let report: SnapshotReport
    let previous: SnapshotReport?
    let format: ReportFormatter
    var locale: ReportLocale { format.locale }

    private func t(_ en: String, _ fr: String) -> String { locale == .fr ? ReportFormatter.frenchTypography(fr) : en }

    /// Whether a higher value of `key` is the better one (churn and customer effort: lower).
    static func higherIsBetter(_ key: KPIKey) -> Bool { key != .churnRate && key != .ces }

    /// The key points, in reading order.
    func points() -> [String] {
        var points: [String] = []
        points.append(targets())
        if let changes = changes() { points.append(changes) }
        points.append(customers())
        points.append(escalations())
        if let segment = segmentMove() { points.append(segment) }
        return points
    }

    /// A KPI's name inside a sentence ("retention rate", but "NPS").
    private func name(_ key: KPIKey) -> String {
        let name = KPIText.name(key, locale)
        guard let first = name.first, let second = name.dropFirst().first, second.isLowercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    private func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + t(" and ", " et ") + items.last!
    }

    /// The KPIs on and off their targets.
    func targets() -> String {
        let withTarget = report.kpis.filter { $0.target.value != nil && $0.value != nil }
        let off = withTarget.filter { $0.status == .offTarget }.map { name($0.key) + " " + KPIText.format($0.key, $0.value, format) }
        let on = withTarget.filter { $0.status == .onTarget }.map { name($0.key) }
        if withTarget.isEmpty { return t("No KPI with a target can be measured on this snapshot.", "Aucun KPI ciblé ne peut être mesuré sur ce relevé.") }
        if off.isEmpty { return t("Every KPI with a target is on target (", "Tous les KPI ciblés sont dans la cible (") + list(on) + ")." }
        let head = t("Off target: ", "Hors cible : ") + list(off) + "."
        return on.isEmpty ? head : head + t(" On target: ", " Dans la cible : ") + list(on) + "."
    }

    /// The KPIs whose value, as shown, changed since the previous snapshot, better then worse.
    func changes() -> String? {
        guard let previous else { return nil }
        var better: [String] = [], worse: [String] = []
        for k in report.kpis {
            guard let now = k.value, let before = previous.kpi(k.key).value else { continue }
            let shownNow = KPIText.format(k.key, now, format), shownBefore = KPIText.format(k.key, before, format)
            guard shownNow != shownBefore else { continue }
            let text = name(k.key) + " " + shownBefore + " → " + shownNow
            if (now > before) == Self.higherIsBetter(k.key) { better.append(text) } else { worse.append(text) }
        }
        let since = t(" since ", " depuis ") + previous.period.label
        switch (better.isEmpty, worse.isEmpty) {
        case (true, true): return t("No KPI moved", "Aucun KPI n'a bougé") + since + "."
        case (false, true): return t("Better", "En progrès") + since + t(": ", " : ") + list(better) + "."
        case (true, false): return t("Worse", "En recul") + since + t(": ", " : ") + list(worse) + "."
        case (false, false):
            return t("Better", "En progrès") + since + t(": ", " : ") + list(better) + t(". Worse: ", ". En recul : ") + list(worse) + "."
        }
    }

    /// The active customers, their change and the lapsed ones.
    func customers() -> String {
        let c = report.counts
        var text = format.integer(c.active) + (c.active == 1 ? t(" active customer of ", " client actif sur ") : t(" active customers of ", " clients actifs sur "))
            + format.integer(c.customers)
        if let previous {
            let change = c.active - previous.counts.active
            text += change == 0 ? t(" (unchanged since ", " (inchangé depuis ") + previous.period.label + ")"
                : " (" + (change > 0 ? "+" : "−") + format.integer(abs(change)) + t(" since ", " depuis ") + previous.period.label + ")"
            text += t("; ", " ; ") + format.integer(c.newActive) + t(" newly active, ", c.newActive > 1 ? " nouvellement actifs, " : " nouvellement actif, ")
                + format.integer(c.lost) + t(" lapsed this period", c.lost > 1 ? " devenus inactifs sur la période" : " devenu inactif sur la période")
        }
        return text + t("; revenue of the period ", " ; CA de la période ") + format.money(units: report.revenuePeriod) + "."
    }

    /// The escalations raised, or none.
    func escalations() -> String {
        let raised = report.escalations.filter(\.raised).map { EscalationText.name($0.kind, locale) }
        guard !raised.isEmpty else { return t("No escalation raised.", "Aucune escalade déclenchée.") }
        return (raised.count == 1 ? t("1 escalation calls for a human decision: ", "1 escalade appelle une décision humaine : ")
                : format.integer(raised.count) + t(" escalations call for a human decision: ", " escalades appellent une décision humaine : "))
            + list(raised) + "."
    }

    /// The segment whose share of buyers moved most since the previous snapshot (as printed, one
    /// decimal), or nil when none moved or there is no previous snapshot.
    func segmentMove() -> String? {
        guard let previous else { return nil }
        var best: (id: String, before: Double, now: Double, move: Double)?
        for s in report.segments {
            guard let now = s.share, let before = previous.segment(s.id)?.share else { continue }
            let move = abs(format.percentTenths(now) - format.percentTenths(before))
            if move > (best?.move ?? 0) { best = (s.id, before, now, move) }
        }
        guard let best else { return nil }
        return t("Largest segment move: ", "Segment qui bouge le plus : ") + SegmentCatalog.name(best.id, locale) + " "
            + format.percent(best.before) + " → " + format.percent(best.now) + t(" of buyers.", " des acheteurs.")
    }
}
