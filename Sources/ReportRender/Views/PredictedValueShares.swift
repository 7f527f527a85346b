import ReportModel

/// Each segment's share of the buyers' predicted CLV: its total (`SegmentSummary.predictedCLV`) over
/// the segments' sum. One rule for the dashboard's segments chart and the segmentation's value table.
enum PredictedValueShares {
    /// The shares, in the segments' order; nil when a segment has no predicted value (the model was
    /// not fitted) or the sum is not above zero.
    static func of(_ segments: [SegmentSummary]) -> [Double]? {
        let totals = segments.compactMap(\.predictedCLV)
        guard !segments.isEmpty, totals.count == segments.count else { return nil }
        let sum = totals.reduce(0, +)
        guard sum > 0 else { return nil }
        return totals.map { $0 / sum }
    }
}
