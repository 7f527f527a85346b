/// Assumptions of the proposed loyalty programme (deliverable « Programme de fidélité »).
public struct LoyaltySettings: Sendable, Equatable {
    /// Tier names, lowest first.
    public var tierNames = ["Bronze", "Silver", "Gold"]
    /// Spend percentiles (0...1) where each tier above the first starts.
    public var tierPercentiles = [0.60, 0.90]
    /// Points earned per currency unit spent.
    public var pointsPerCurrencyUnit = 1.0
    /// Value of one point when redeemed, in currency units.
    public var pointValue = 0.01
    /// Share of earned points expected to be redeemed.
    public var redemptionRate = 0.6

    public init() {}
}
