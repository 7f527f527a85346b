import ReportModel

/// The « Programme de fidélité » pieces of a snapshot's view: proposed tiers, points economics,
/// gamification and the current programme against the proposal. Templates read it under `loyalty`.
struct LoyaltyView {
    let design: LoyaltyProgramDesign
    let report: SnapshotReport
    let format: ReportFormatter
    /// The snapshot before, if any: a programme's columns it had and this one lacks are named.
    var previous: SnapshotReport?

    private var locale: ReportLocale { format.locale }
    /// The text in the report's language (French with its no-break spaces).
    private func t(_ en: String, _ fr: String) -> String { format.text(en, fr) }

    func dictionary() -> [String: Any] {
        let d = design
        var v: [String: Any] = [
            "has_tiers": !d.tiers.isEmpty,
            "tier_count": format.integer(d.tiers.count),
            "tiers": d.tiers.map(tier),
            "members_counted": d.membersCounted,
            "buyers": format.integer(d.buyers),
            "buyers_one": format.isSingular(d.buyers),
            "earn_rate": points(d.earnRate),
            "earn_rule": points(d.earnRate) + (locale == .fr ? (d.earnRate < 2 ? " point par " : " points par ") : (d.earnRate == 1 ? " point per " : " points per "))
                + format.money(1, decimals: 0) + t(" spent", " dépensé"),
            "point_value": format.preciseMoney(d.burnRate),
            "points_per_unit": d.burnRate > 0 ? format.number(1 / d.burnRate, decimals: (1 / d.burnRate).rounded() == 1 / d.burnRate ? 0 : 1) : format.missing,
            "one_unit": format.money(1),
            "redemption_rate": format.percent(d.redemptionRate, decimals: 0),
            "reward_rate": format.percent(d.rewardRate, decimals: 2),
            "yearly_spend": format.money(d.yearlySpend, decimals: 0),
            "annualised": d.spendBasis == .annualisedPeriod,
            // Why the spend is the cumulative revenue: the first snapshot, or none in the period.
            "cumulative_reason": format.text(d.cumulativeReason),
            // × 12 for a month's period; × 365.25 ÷ its days for any other (a quarterly export).
            "year_scaling": format.text(d.yearScaling),
            "revenue_period": format.money(units: report.revenuePeriod, decimals: 0),
            "revenue_total": format.money(units: report.revenueTotal, decimals: 0),
            // Whole points, the unredeemed ones what is left of the shown totals: the two add up to
            // the points issued as printed (each rounded alone, they could miss it by one).
            "points_issued": format.number(d.pointsIssued.rounded(), decimals: 0),
            "points_redeemed": format.number((d.pointsIssued * d.redemptionRate).rounded(), decimals: 0),
            "points_unredeemed": format.number(d.pointsIssued.rounded() - (d.pointsIssued * d.redemptionRate).rounded(), decimals: 0),
            "reward_cost": format.money(d.rewardCost, decimals: 0),
            "liability": format.money(d.pointsLiability, decimals: 0),
            "reward_cost_per_member": d.buyers > 0 ? format.money(d.rewardCost / Double(d.buyers)) : format.missing,
            "gamification": d.gamification.map { ["text": format.text($0)] },
        ]
        v["current"] = current()
        v["has_current"] = d.current != nil
        // A programme's columns the snapshot before had: dropped from the export, more likely than
        // the programme ended.
        let droppedSince = previous.flatMap { p in
            d.current == nil && (!p.loyalty.membersPerTier.isEmpty || p.loyalty.pointsOutstanding != nil) ? p.period.label : nil
        }
        v["has_dropped_columns"] = droppedSince != nil
        v["dropped_since"] = droppedSince ?? ""
        return v
    }

    func tier(_ tier: ProposedTier) -> [String: Any] {
        let entry = tier.rank == 0
        let percentile = Int((tier.percentile * 100).rounded())
        return [
            "name": tier.name,
            "level": String(tier.rank + 1),
            "is_entry": entry,
            "threshold": entry ? t("first order", "dès la première commande") : "≥ " + format.money(units: tier.minSpend),
            "percentile": entry ? t("P0 (entry tier)", "P0 (palier d'entrée)") : "P" + String(percentile) + " (" + t("top ", "") + format.percent(1 - tier.percentile, decimals: 0) + t(")", " supérieurs)"),
            "members": format.integer(tier.projectedMembers),
            "share": format.percent(tier.share),
            "benefits": tier.benefits.map { ["text": format.text($0)] },
        ]
    }

    /// The programme found in the data next to the proposal, tier by tier (same name, any case).
    func current() -> [String: Any] {
        guard let c = design.current else { return ["has_tiers": false, "has_points": false] }
        var rows: [[String: Any]] = []
        var matched = Set<String>()
        for p in design.tiers {
            let same = c.tiers.first { $0.name.lowercased() == p.name.lowercased() }
            if let same { matched.insert(same.name) }
            rows.append([
                "name": p.name,
                "current": same.map { format.integer($0.members) } ?? (c.tiers.isEmpty ? "—" : "0"),
                "proposed": format.integer(p.projectedMembers),
                // A proposed tier the data has none of starts from 0.
                "change": same.map { signedInteger(p.projectedMembers - $0.members) } ?? (c.tiers.isEmpty ? "—" : signedInteger(p.projectedMembers)),
            ])
        }
        for tier in c.tiers where !matched.contains(tier.name) {
            rows.append([
                "name": tier.name,
                "current": format.integer(tier.members),
                "proposed": t("— (not in the proposal)", "— (absent de la proposition)"),
                "change": "—",
            ])
        }
        return [
            "has_tiers": !c.tiers.isEmpty,
            "rows": rows,
            "members": format.integer(c.members),
            "members_one": format.isSingular(c.members),
            "members_share": design.buyers > 0 ? format.percent(Double(c.members) / Double(design.buyers)) : format.missing,
            "has_points": c.pointsOutstanding != nil,
            "points_outstanding": format.number(c.pointsOutstanding, decimals: 0),
            "outstanding_value": format.money(c.outstandingValue, decimals: 0),
        ]
    }

    func signedInteger(_ n: Int) -> String { n > 0 ? "+" + format.integer(n) : n < 0 ? "−" + format.integer(-n) : "0" }

    func points(_ value: Double) -> String {
        format.number(value, decimals: value.rounded() == value ? 0 : 2)
    }
}
