/// Designs the proposed loyalty programme from a snapshot's spend distribution and KPIs.
public enum LoyaltyProgramDesigner {
    /// Share of buyers a segment must reach for a segment-driven gamification mechanic.
    public static let largeSegmentShare = 0.15
    /// Below this many survey answers per buyer, answering surveys earns points.
    public static let lowSurveyResponseRate = 0.10

    /// The programme for `report` with the assumptions of `config.loyalty`.
    ///
    /// - Tiers: `config.loyalty.tierNames`; tier i ≥ 1 starts at the buyers' spend at
    ///   `tierPercentiles[i − 1]`, read from `report.loyalty.spendPercentiles` at the nearest 5 % step.
    ///   A threshold not above the previous one is raised to it plus one currency unit.
    /// - Members: counted on the buyer table when it is present, otherwise the buyers split by the
    ///   percentile steps (largest remainder, so they always sum to the buyers).
    /// - Yearly spend: the period's revenue × 12 after the first snapshot (× 365.25 ÷ days when the
    ///   `daysSincePrevious` are not about a month: 61 days × 12 doubled a year's spend), else the
    ///   cumulative revenue.
    public static func design(_ report: SnapshotReport, config: ReportConfig, daysSincePrevious: Int? = nil) -> LoyaltyProgramDesign {
        let settings = config.loyalty
        let buyers = report.counts.buyers
        let count = settings.tierNames.isEmpty ? 0 : min(settings.tierNames.count, settings.tierPercentiles.count + 1)

        // Thresholds.
        var percentiles: [Double] = []
        var minSpend: [Int64] = []
        for i in 0..<count {
            if i == 0 {
                percentiles.append(0)
                minSpend.append(0)
                continue
            }
            let (p, value) = nearestPercentile(settings.tierPercentiles[i - 1], in: report.loyalty.spendPercentiles)
            percentiles.append(p)
            minSpend.append(max(value, minSpend[i - 1] + Money.scale))
        }

        // Members.
        let table = report.buyers
        let counted = table.count > 0 && table.count == buyers
        var members = Array(repeating: 0, count: count)
        if count > 0 {
            if counted {
                // Each buyer's tier is the number of thresholds above the first it reaches (they rise
                // strictly; every buyer, a net refund too, is at least in the first tier), counted
                // without a branch, in one pass over the spends (a pass per threshold before).
                members.withUnsafeMutableBufferPointer { members in
                    minSpend.withUnsafeBufferPointer { minSpend in
                        table.monetary.withUnsafeBufferPointer { spends in
                            for spend in spends {
                                var tier = 0
                                for t in 1..<count { tier &+= (spend >= minSpend[t]).bit }
                                members[tier] += 1
                            }
                        }
                    }
                }
            } else {
                let shares = (0..<count).map { i in (i + 1 < count ? percentiles[i + 1] : 1) - percentiles[i] }
                members = apportion(buyers, shares: shares)
            }
        }

        let kpiOff = { (key: KPIKey) in report.kpis.contains { $0.key == key && $0.status == .offTarget } }
        let serviceOff = kpiOff(.nps) || kpiOff(.csat)
        let churnOff = kpiOff(.churnRate) || kpiOff(.retentionRate)
        let tiers = (0..<count).map { i in
            ProposedTier(name: settings.tierNames[i], rank: i, percentile: percentiles[i], minSpend: minSpend[i], projectedMembers: members[i],
                         share: buyers == 0 ? 0 : Double(members[i]) / Double(buyers),
                         benefits: benefits(rank: i, of: count, serviceOff: serviceOff, churnOff: churnOff))
        }

        // Points economics.
        let periodDays = report.index > 0 ? LoyaltyProgramDesign.scaledPeriodDays(daysSincePrevious) : nil
        let spendBasis: LoyaltyProgramDesign.SpendBasis = report.index == 0 ? .cumulativeRevenue
            : report.revenuePeriod > 0 ? .annualisedPeriod : .cumulativeRevenueWithoutPeriodRevenue
        let yearlySpend = spendBasis == .annualisedPeriod ? Money.value(report.revenuePeriod) * LoyaltyProgramDesign.periodsPerYear(days: periodDays)
            : max(0, Money.value(report.revenueTotal))
        let issued = yearlySpend * settings.pointsPerCurrencyUnit
        let rewardCost = issued * settings.redemptionRate * settings.pointValue
        let liability = issued * (1 - settings.redemptionRate) * settings.pointValue

        // Current programme.
        var current: CurrentProgramme?
        if !report.loyalty.membersPerTier.isEmpty || report.loyalty.pointsOutstanding != nil {
            let currentTiers = report.loyalty.membersPerTier.map { entry in
                CurrentTier(name: entry.tier, members: entry.members,
                            proposedMembers: tiers.first { $0.name.lowercased() == entry.tier.lowercased() }?.projectedMembers)
            }
            let points = report.loyalty.pointsOutstanding.map(Money.value)
            current = CurrentProgramme(tiers: currentTiers, pointsOutstanding: points, outstandingValue: points.map { $0 * settings.pointValue })
        }

        return LoyaltyProgramDesign(
            tiers: tiers, membersCounted: counted, buyers: buyers,
            earnRate: settings.pointsPerCurrencyUnit, burnRate: settings.pointValue, redemptionRate: settings.redemptionRate,
            yearlySpend: yearlySpend, spendBasis: spendBasis,
            pointsIssued: issued, rewardCost: rewardCost, pointsLiability: liability,
            gamification: gamification(report), current: current, periodDays: periodDays)
    }

    /// The 5 % step nearest to `p` (5 %…95 %) and the spend there (0 without percentiles).
    static func nearestPercentile(_ p: Double, in values: [Int64]) -> (Double, Int64) {
        let k = min(19, max(1, Int((p * 20).rounded())))
        guard values.count == 19 else { return (p, 0) }
        return (Double(k) / 20, values[k - 1])
    }

    /// Splits `total` by `shares` (largest remainder, ties to the lower index); sums to `total`.
    static func apportion(_ total: Int, shares: [Double]) -> [Int] {
        let sum = shares.reduce(0) { $0 + max(0, $1) }
        guard total > 0, sum > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { Double(total) * max(0, $0) / sum }
        var result = exact.map { Int($0.rounded(.down)) }
        var left = total - result.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(result[a]), rb = exact[b] - Double(result[b])
            return ra != rb ? ra > rb : a < b
        }
        var k = 0
        while left > 0 {
            result[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return result
    }

    /// Benefits by position: entry, middle or top tier, plus service and churn extras when those KPIs are off target.
    static func benefits(rank: Int, of count: Int, serviceOff: Bool, churnOff: Bool) -> [LocalizedText] {
        var list: [LocalizedText] = []
        if rank == 0 {
            list.append(LocalizedText(en: "Points on every purchase", fr: "Des points sur chaque achat"))
            list.append(LocalizedText(en: "Birthday bonus points", fr: "Points bonus d'anniversaire"))
            return list
        }
        if rank == count - 1 {
            list.append(LocalizedText(en: "Highest points bonus on every purchase", fr: "Bonus de points maximal sur chaque achat"))
            list.append(LocalizedText(en: "Free delivery and returns", fr: "Livraison et retours offerts"))
            list.append(LocalizedText(en: "Exclusive events and previews", fr: "Événements et avant-premières exclusifs"))
            list.append(LocalizedText(en: "Dedicated advisor", fr: "Conseiller dédié"))
            if churnOff {
                list.append(LocalizedText(en: "Personal check-in when activity drops", fr: "Contact personnel dès que l'activité baisse"))
            }
        } else {
            list.append(LocalizedText(en: "Bonus points on every purchase", fr: "Points bonus sur chaque achat"))
            list.append(LocalizedText(en: "Free delivery", fr: "Livraison offerte"))
            list.append(LocalizedText(en: "Early access to sales", fr: "Accès anticipé aux ventes privées"))
        }
        if serviceOff {
            list.append(LocalizedText(en: "Priority customer service", fr: "Service client prioritaire"))
        }
        return list
    }

    /// Mechanics chosen from the data, in a fixed order; milestone badges when nothing else applies.
    static func gamification(_ report: SnapshotReport) -> [LocalizedText] {
        var list: [LocalizedText] = []
        let buyers = report.counts.buyers
        func share(_ ids: [String]) -> Double { ids.reduce(0) { $0 + (report.segment($1)?.share ?? 0) } }
        if report.kpis.contains(where: { $0.key == .repeatPurchaseRate && $0.status == .offTarget }) {
            list.append(LocalizedText(en: "Purchase streaks: bonus points for a second order within the activity window",
                                      fr: "Séries d'achats : points bonus pour une deuxième commande dans la fenêtre d'activité"))
        }
        if share(["potential"]) >= largeSegmentShare {
            list.append(LocalizedText(en: "Progress bar towards the next tier, shown after every order",
                                      fr: "Barre de progression vers le palier suivant, affichée après chaque commande"))
        }
        if (report.segment("champions")?.customers ?? 0) > 0 {
            list.append(LocalizedText(en: "Referral challenge: champions earn points for each referred friend's first order",
                                      fr: "Défi parrainage : les champions gagnent des points à la première commande de chaque filleul"))
        }
        if share(["hibernating", "lost"]) >= largeSegmentShare {
            list.append(LocalizedText(en: "Comeback challenge: double points on the next order for lapsed members",
                                      fr: "Défi retour : points doublés sur la prochaine commande des membres inactifs"))
        }
        if buyers > 0 && Double(report.nps.answers + report.csatAnswers) < lowSurveyResponseRate * Double(buyers) {
            list.append(LocalizedText(en: "Points for answering satisfaction surveys and writing reviews",
                                      fr: "Des points pour les réponses aux enquêtes de satisfaction et les avis"))
        }
        if list.isEmpty {
            list.append(LocalizedText(en: "Milestone badges: first order, anniversary, tier reached",
                                      fr: "Badges d'étape : première commande, anniversaire, palier atteint"))
        }
        return list
    }
}
