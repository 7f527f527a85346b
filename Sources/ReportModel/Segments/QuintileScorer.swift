/// Scores values 1…5 from quintile thresholds, exactly as metrics.md defines them:
/// sort the n values ascending as v[0..n-1], t_k = v[floor(k·n/5)] for k = 1…4,
/// score = 1 + #{k : value > t_k}. Equal values get equal scores; row order never matters.
public struct QuintileScorer<Value: Comparable & Sendable>: Sendable {
    /// t_1…t_4; empty when there are no values.
    public let thresholds: [Value]

    /// Thresholds of `values` (any order).
    public init(values: [Value]) {
        let n = values.count
        guard n > 0 else { thresholds = []; bounds = nil; return }
        // Only four order statistics are needed: select them instead of sorting everything.
        thresholds = OrderStatistics.values(values, ranks: (1...4).map { $0 * n / 5 })
        bounds = (thresholds[0], thresholds[1], thresholds[2], thresholds[3])
    }

    /// A scorer with thresholds read elsewhere: t_1…t_4 of the values (`RFMStage` takes the spend's
    /// from its twentieths, which the loyalty figures need too), or none.
    init(thresholds: [Value]) {
        precondition(thresholds.isEmpty || thresholds.count == 4, "four thresholds or none")
        self.thresholds = thresholds
        bounds = thresholds.isEmpty ? nil : (thresholds[0], thresholds[1], thresholds[2], thresholds[3])
    }

    /// The four thresholds held apart from the array: scoring compares with each without a loop
    /// (the loop over the array, with its overflow checks, was most of a 63-month-end ledger
    /// build's 3.8 % in RFM scoring). Nil when there are no values.
    private let bounds: (Value, Value, Value, Value)?

    /// 1…5 for a value: one plus the number of thresholds it exceeds, counted without a branch
    /// (`Bool.bit`: the ternary form was compiled into one or two mispredicted branches per score).
    @inline(__always) public func score(_ value: Value) -> Int {
        guard let (t1, t2, t3, t4) = bounds else { return 1 }
        return 1 &+ (value > t1).bit &+ (value > t2).bit &+ (value > t3).bit &+ (value > t4).bit
    }
}
