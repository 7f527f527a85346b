/// One tier of the proposed loyalty programme.
public struct ProposedTier: Sendable, Equatable {
    public var name: String
    /// Position, 0 = entry tier.
    public var rank: Int
    /// Spend percentile where the tier starts (0 for the entry tier), as used (nearest available).
    public var percentile: Double
    /// Cumulative spend needed to enter the tier, in `Money` units.
    public var minSpend: Int64
    /// Buyers who would be in the tier today.
    public var projectedMembers: Int
    /// `projectedMembers` / buyers; 0 without buyers.
    public var share: Double
    public var benefits: [LocalizedText]

    public init(name: String, rank: Int, percentile: Double, minSpend: Int64, projectedMembers: Int, share: Double, benefits: [LocalizedText]) {
        self.name = name
        self.rank = rank
        self.percentile = percentile
        self.minSpend = minSpend
        self.projectedMembers = projectedMembers
        self.share = share
        self.benefits = benefits
    }
}
