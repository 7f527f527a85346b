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
}
