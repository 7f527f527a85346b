/// The « Programme de fidélité » deliverable: tiers, points economics and gamification.
public struct LoyaltyProgramDesign: Sendable, Equatable {
    /// What the yearly spend is based on.
    public enum SpendBasis: String, Sendable, Equatable {
        /// The period's revenue × 12 (monthly snapshots).
        case annualisedPeriod = "annualised_period"
        /// Buyers' cumulative revenue: the first snapshot, which has no period.
        case cumulativeRevenue = "cumulative_revenue"
        /// Buyers' cumulative revenue: a later snapshot whose period's revenue is zero or negative
        /// (refunds).
        case cumulativeRevenueWithoutPeriodRevenue = "cumulative_revenue_without_period_revenue"
    }

    /// Tiers, entry tier first; `minSpend` strictly increasing.
    public var tiers: [ProposedTier]
    /// True when members were counted on the buyers' spend; false when estimated from percentiles.
    public var membersCounted: Bool
    /// Buyers the tiers cover (the projected members sum to it).
    public var buyers: Int
    /// Points earned per currency unit spent.
    public var earnRate: Double
    /// Value of one redeemed point, in currency units.
    public var burnRate: Double
    /// Share of issued points expected to be redeemed.
    public var redemptionRate: Double
    /// Yearly spend the points are earned on, in currency units.
    public var yearlySpend: Double
    public var spendBasis: SpendBasis
    /// The days of the snapshot's period when it is not about a month (a quarterly export, a
    /// ledger's as-of date a few days into its month): a year is then 365.25 ÷ days such periods,
    /// for the spend and for the churn compounded over a year. Nil for a month's period (× 12) and
    /// for the first snapshot.
    public var periodDays: Int?
    /// Points issued per year: `yearlySpend × earnRate`.
    public var pointsIssued: Double
    /// Yearly reward cost: `pointsIssued × redemptionRate × burnRate`.
    public var rewardCost: Double
    /// Value of the points issued in a year and not redeemed: `pointsIssued × (1 − redemptionRate) × burnRate`.
    public var pointsLiability: Double
    /// Mechanics chosen from the data, most relevant first.
    public var gamification: [LocalizedText]
    /// The programme found in the data; nil when the file has neither tiers nor points.
    public var current: CurrentProgramme?

    public init(tiers: [ProposedTier], membersCounted: Bool, buyers: Int, earnRate: Double, burnRate: Double, redemptionRate: Double,
                yearlySpend: Double, spendBasis: SpendBasis, pointsIssued: Double, rewardCost: Double, pointsLiability: Double,
                gamification: [LocalizedText], current: CurrentProgramme?, periodDays: Int? = nil) {
        self.tiers = tiers
        self.membersCounted = membersCounted
        self.buyers = buyers
        self.earnRate = earnRate
        self.burnRate = burnRate
        self.redemptionRate = redemptionRate
        self.yearlySpend = yearlySpend
        self.spendBasis = spendBasis
        self.periodDays = periodDays
        self.pointsIssued = pointsIssued
        self.rewardCost = rewardCost
        self.pointsLiability = pointsLiability
        self.gamification = gamification
        self.current = current
    }

    /// Periods of this snapshot's length in a year: 12, or 365.25 ÷ `periodDays`.
    public var periodsPerYear: Double { LoyaltyProgramDesign.periodsPerYear(days: periodDays) }

    /// Periods of `days` days in a year (12 for nil, a month's period).
    public static func periodsPerYear(days: Int?) -> Double { days.map { 365.25 / Double($0) } ?? 12 }

    /// `days` when a period of that many days (at least one) is not about a month (see
    /// `MonthGap.isAboutAMonth`: 28 to 45 days are a month, the bounds of the pages' period notes).
    public static func scaledPeriodDays(_ days: Int?) -> Int? { days.flatMap { $0 < 1 || MonthGap.isAboutAMonth(days: $0) ? nil : $0 } }

    /// The year's periods as the pages write them: `12`, or `365.25 ÷ 61 days`.
    public var yearScaling: LocalizedText {
        guard let days = periodDays else { return LocalizedText(en: "12", fr: "12") }
        return LocalizedText(en: "365.25 ÷ " + LoyaltyProgramDesign.days(days).en, fr: "365,25 ÷ " + LoyaltyProgramDesign.days(days).fr)
    }

    /// The year's periods as an exponent in the pages' formulas: `12`, or `(365.25 ÷ 61)`.
    public var yearExponent: LocalizedText {
        guard let days = periodDays else { return LocalizedText(en: "12", fr: "12") }
        return LocalizedText(en: "(365.25 ÷ \(days))", fr: "(365,25 ÷ \(days))")
    }

    /// The period's churn as the pages' formulas name it: `monthly churn`, or `churn of the period
    /// of 61 days`.
    public var periodChurnName: LocalizedText {
        guard let days = periodDays else { return LocalizedText(en: "monthly churn", fr: "churn mensuel") }
        return LocalizedText(en: "churn of the period of " + LoyaltyProgramDesign.days(days).en, fr: "churn de la période de " + LoyaltyProgramDesign.days(days).fr)
    }

    /// Why the yearly spend is the buyers' cumulative revenue, as the pages say it (empty when the
    /// spend is the period's, annualised).
    public var cumulativeReason: LocalizedText {
        switch spendBasis {
        case .annualisedPeriod: return LocalizedText(en: "", fr: "")
        case .cumulativeRevenue: return LocalizedText(en: "first snapshot", fr: "premier relevé")
        case .cumulativeRevenueWithoutPeriodRevenue: return LocalizedText(en: "no positive revenue in the period", fr: "pas de CA positif sur la période")
        }
    }

    /// `61 days`, `1 day` (French: `1 jour`, `61 jours`).
    static func days(_ n: Int) -> LocalizedText { LocalizedText(en: n == 1 ? "1 day" : "\(n) days", fr: n < 2 ? "\(n) jour" : "\(n) jours") }

    /// Share of spend given back as redeemed rewards: `earnRate × burnRate × redemptionRate`.
    public var rewardRate: Double { earnRate * burnRate * redemptionRate }
}
