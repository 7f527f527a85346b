/// Scores values 1…5 from quintile thresholds, exactly as metrics.md defines them:
/// sort the n values ascending as v[0..n-1], t_k = v[floor(k·n/5)] for k = 1…4,
/// score = 1 + #{k : value > t_k}. Equal values get equal scores; row order never matters.
public struct QuintileScorer<Value: Comparable & Sendable>: Sendable {
    /// t_1…t_4; empty when there are no values.
    public let thresholds: [Value]

    /// Thresholds of `values` (any order).
    public init(values: [Value]) {
        let n = values.count
        guard n > 0 else { thresholds = []; return }
        // Only four order statistics are needed: select them instead of sorting everything.
        thresholds = OrderStatistics.values(values, ranks: (1...4).map { $0 * n / 5 })
    }

    /// 1…5 for a value.
    @inline(__always) public func score(_ value: Value) -> Int {
        var s = 1
        for t in thresholds where value > t { s += 1 }
        return s
    }
}
