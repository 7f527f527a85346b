/// The loyalty programme the data shows (`tier`, `points_balance` columns).
public struct CurrentProgramme: Sendable, Equatable {
    /// Current tiers by name; empty without a `tier` column.
    public var tiers: [CurrentTier]
    /// Unspent points in points; nil without a `points_balance` column.
    public var pointsOutstanding: Double?
    /// `pointsOutstanding × point value`, the liability in currency units.
    public var outstandingValue: Double?

    public init(tiers: [CurrentTier], pointsOutstanding: Double?, outstandingValue: Double?) {
        self.tiers = tiers
        self.pointsOutstanding = pointsOutstanding
        self.outstandingValue = outstandingValue
    }

    /// Customers in any current tier.
    public var members: Int { tiers.reduce(0) { $0 + $1.members } }
}
