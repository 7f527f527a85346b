/// The « Programme de fidélité » deliverable: tiers, points economics and gamification.
public struct LoyaltyProgramDesign: Sendable, Equatable {
    /// What the yearly spend is based on.
    public enum SpendBasis: String, Sendable, Equatable {
        /// The period's revenue × 12 (monthly snapshots).
        case annualisedPeriod = "annualised_period"
        /// Buyers' cumulative revenue (first snapshot, or no period revenue).
        case cumulativeRevenue = "cumulative_revenue"
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
    /// The days of the period whose revenue is scaled to a year (× 365.25 ÷ days) when the period
    /// is not about a month (a quarterly export, a ledger's as-of date a few days into its month);
    /// nil when it is (× 12) or when the spend is not annualised.
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
    public static func periodsPerYear(days: Int?) -> Double { days.map { 365.25 / Double(max($0, 1)) } ?? 12 }

    /// `days` when a period of that many days is not about a month (see `MonthGap.isAboutAMonth`).
    public static func scaledPeriodDays(_ days: Int?) -> Int? { days.flatMap { MonthGap.isAboutAMonth(days: $0) ? nil : $0 } }

    /// Share of spend given back as redeemed rewards: `earnRate × burnRate × redemptionRate`.
    public var rewardRate: Double { earnRate * burnRate * redemptionRate }
}
