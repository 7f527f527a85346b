/// Thresholds of the seed's human escalation points.
public struct EscalationThresholds: Sendable, Equatable {
    /// `nps_critical` when NPS is below this.
    public var npsBelow: Double = 30
    /// `churn_crisis` when the monthly churn rate is above this.
    public var churnAbove: Double = 0.10
    /// `large_refund` when a refund request is above this amount.
    public var refundAbove: Double = 1000
    /// Without a `vip` column, VIPs are this top share of buyers by monetary value.
    public var vipTopShare: Double = 0.01

    public init() {}

    /// How many of `buyers` are VIPs without a `vip` column: the top share, rounded down (metrics.md:
    /// floor(n/100) for 1 %), at least one. The product is nudged up by a few units in the last place
    /// first: a share such as 0.29 is stored a hair below itself, and 100 × 0.29 gave 28.999999999999996,
    /// so 28 VIPs instead of 29.
    public func vipCount(buyers: Int) -> Int {
        guard buyers > 0 else { return 0 }
        let share = Double(buyers) * vipTopShare
        return min(buyers, max(1, Int((share * (1 + 8 * Double.ulpOfOne)).rounded(.down))))
    }
}
