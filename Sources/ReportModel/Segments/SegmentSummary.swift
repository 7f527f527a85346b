/// Figures of one segment in one snapshot.
public struct SegmentSummary: Sendable, Equatable {
    /// Machine id (`champions`, …).
    public var id: String
    public var customers: Int
    /// Share of buyers; nil when the snapshot has no buyer.
    public var share: Double?
    /// Revenue of the segment's customers in `Money` units.
    public var revenue: Int64
    /// Share of all buyers' revenue; nil when that is zero.
    public var revenueShare: Double?
    public var meanRecencyDays: Double?
    public var meanFrequency: Double?
    public var meanMonetary: Double?
    /// Sum of predicted CLV; nil when the model was not fitted.
    public var predictedCLV: Double?

    public init(id: String, customers: Int, share: Double?, revenue: Int64, revenueShare: Double?, meanRecencyDays: Double?, meanFrequency: Double?, meanMonetary: Double?, predictedCLV: Double?) {
        self.id = id
        self.customers = customers
        self.share = share
        self.revenue = revenue
        self.revenueShare = revenueShare
        self.meanRecencyDays = meanRecencyDays
        self.meanFrequency = meanFrequency
        self.meanMonetary = meanMonetary
        self.predictedCLV = predictedCLV
    }
}
