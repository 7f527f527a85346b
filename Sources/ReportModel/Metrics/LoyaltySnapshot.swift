/// What a snapshot tells about an existing loyalty programme.
public struct LoyaltySnapshot: Sendable, Equatable {
    /// Buyers per current tier name, sorted by name.
    public var membersPerTier: [(tier: String, members: Int)] = []
    /// Sum of unspent points (points units × `Money.scale`), nil without the column.
    public var pointsOutstanding: Int64?
    /// Spend (revenue) of buyers at each percentile 0.05…0.95 step 0.05, `Money` units.
    public var spendPercentiles: [Int64] = []

    public init() {}

    public static func == (lhs: LoyaltySnapshot, rhs: LoyaltySnapshot) -> Bool {
        lhs.membersPerTier.map(\.tier) == rhs.membersPerTier.map(\.tier) && lhs.membersPerTier.map(\.members) == rhs.membersPerTier.map(\.members)
            && lhs.pointsOutstanding == rhs.pointsOutstanding && lhs.spendPercentiles == rhs.spendPercentiles
    }
}
