/// A customer behind an escalation.
public struct EscalatedCustomer: Sendable, Equatable {
    public var id: String
    /// Segment id; nil for a prospect.
    public var segment: String?
    /// Cumulative revenue in `Money` units.
    public var revenue: Int64
    public var predictedCLV: Double?
    /// What raised it: days since the last order, the refund amount, … (`Money` units for amounts).
    public var triggerValue: Int64

    public init(id: String, segment: String?, revenue: Int64, predictedCLV: Double?, triggerValue: Int64) {
        self.id = id
        self.segment = segment
        self.revenue = revenue
        self.predictedCLV = predictedCLV
        self.triggerValue = triggerValue
    }
}
