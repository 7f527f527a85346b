/// The quintile thresholds of a snapshot's RFM scores (metrics.md "RFM scores").
///
/// `recencyDays` are the recency thresholds in days (t_k of −recency_days, negated back, so they
/// decrease); frequency and monetary thresholds increase. Empty when the snapshot has no buyer.
public struct RFMThresholds: Sendable, Equatable {
    public var recencyDays: [Int] = []
    public var frequency: [Int] = []
    /// Monetary thresholds in `Money` units.
    public var monetary: [Int64] = []

    public init() {}
    public init(recencyDays: [Int], frequency: [Int], monetary: [Int64]) {
        self.recencyDays = recencyDays
        self.frequency = frequency
        self.monetary = monetary
    }
}
