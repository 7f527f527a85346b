/// Predicted customer value across a snapshot's buyers, worked out from its buyer rows: the
/// distribution of predicted CLV, each segment's buyers, summed P(alive) and median CLV, and the
/// at-risk segment's customers in bands of P(alive). What the deliverables show of the model
/// (issue #4); the views only format it.
///
/// Only buyers with a finite P(alive) and, when predicted CLV is known, a finite predicted CLV
/// count; every sum runs in row order. Empty unless the model was fitted.
public struct LifetimeBreakdown: Sendable {
    /// BG/NBD and Gamma-Gamma fitted: predicted CLV is known. With BG/NBD alone every CLV figure is
    /// missing and P(alive) is still shown.
    public let clvKnown: Bool
    /// The buyers that count (see above).
    public let buyers: Int
    /// Σ predicted CLV over them, when `clvKnown`.
    public let clvTotal: Double
    /// Those with a predicted CLV below 1 currency unit, and below 0 (a predicted loss: refunds
    /// outweighing repeat purchases), when `clvKnown` (read through `distribution()`).
    private let belowOne: Int
    private let belowZero: Int
    /// Per segment (`report.segmentIDs` order, then one for rows without a known segment): the
    /// buyers that count and their Σ P(alive).
    public let members: [Int]
    public let aliveSum: [Double]
    /// The at-risk segment's index in `report.segmentIDs`, when the segment table has one.
    public let atRiskSegment: Int?
    /// The rows of the at-risk segment's buyers that count, in row order.
    public let atRiskRows: [Int]
    /// Their predicted CLVs by segment (segment s: `clvs[clvStart[s]..<clvStart[s + 1]]`), when `clvKnown`.
    private let clvs: [Double]
    private let clvStart: [Int]
    private let rows: BuyerTable

    /// Gathered in two passes over the buyers: the views once made about a dozen between them, each
    /// over 850 k buyers, with three arrays of that size mapped in afresh per snapshot (5 % of a
    /// 1 M × 12 build's CPU samples).
    public init(_ report: SnapshotReport) {
        let b = report.buyers
        rows = b
        let segmentCount = report.segmentIDs.count
        atRiskSegment = report.segmentIDs.firstIndex(of: "at_risk")
        guard case .fitted(let m) = report.lifetime, b.predictedCLV.count == b.count, b.probabilityAlive.count == b.count else {
            (clvKnown, buyers, clvTotal, belowOne, belowZero) = (false, 0, 0, 0, 0)
            (members, aliveSum, atRiskRows, clvs, clvStart) = ([], [], [], [], [])
            return
        }
        let known = m.p != nil
        clvKnown = known
        let atRiskIndex = atRiskSegment ?? -1
        var members = [Int](repeating: 0, count: segmentCount + 1)
        var aliveSum = [Double](repeating: 0, count: segmentCount + 1)
        var buyers = 0, clvTotal = 0.0, belowOne = 0, belowZero = 0
        var atRisk: [Int] = []
        b.probabilityAlive.withUnsafeBufferPointer { alive in
        b.predictedCLV.withUnsafeBufferPointer { clv in
        b.segment.withUnsafeBufferPointer { segment in
        members.withUnsafeMutableBufferPointer { members in
        aliveSum.withUnsafeMutableBufferPointer { aliveSum in
            // (The two counts that fall either way at random are added as bits, not branched on.)
            for i in 0..<alive.count where alive[i].isFinite && (!known || clv[i].isFinite) {
                let s = min(Int(segment[i]), segmentCount)
                buyers += 1
                members[s] += 1
                aliveSum[s] += alive[i]
                if known {
                    clvTotal += clv[i]
                    belowOne &+= (clv[i] < 1).bit
                    belowZero &+= (clv[i] < 0).bit
                }
                if s == atRiskIndex { atRisk.append(i) }
            }
        }}}}}
        // The CLVs placed by segment (counted above).
        var clvStart: [Int] = [], clvs: [Double] = []
        if known {
            clvStart = [Int](repeating: 0, count: segmentCount + 2)
            for s in 0...segmentCount { clvStart[s + 1] = clvStart[s] + members[s] }
            var placed = clvStart
            clvs = [Double](repeating: 0, count: buyers)
            b.probabilityAlive.withUnsafeBufferPointer { alive in
            b.predictedCLV.withUnsafeBufferPointer { clv in
            b.segment.withUnsafeBufferPointer { segment in
            placed.withUnsafeMutableBufferPointer { placed in
            clvs.withUnsafeMutableBufferPointer { clvs in
                for i in 0..<alive.count where alive[i].isFinite && clv[i].isFinite {
                    let s = min(Int(segment[i]), segmentCount)
                    clvs[placed[s]] = clv[i]
                    placed[s] += 1
                }
            }}}}}
        }
        (self.buyers, self.clvTotal, self.belowOne, self.belowZero, self.members, self.aliveSum) = (buyers, clvTotal, belowOne, belowZero, members, aliveSum)
        (atRiskRows, self.clvs, self.clvStart) = (atRisk, clvs, clvStart)
    }

    /// Predicted CLV over the buyers that count: quantiles and concentration.
    public struct Distribution: Sendable, Equatable {
        public let buyers: Int
        public let total: Double
        public var mean: Double { total / Double(buyers) }
        /// The lowest value, P10, P25, the median, P75, P90 and the highest value. A quantile p is
        /// the value of rank round(p · (n − 1)) in ascending order (ranks from 0); the median is the
        /// mean of the two middle values when there is an even number of them.
        public let lowest, p10, p25, median, p75, p90, highest: Double
        /// The shares of the total held by the 10 % and 20 % of buyers of highest value (at least
        /// one buyer; ties at the threshold count as many times as make the count); nil when the
        /// total is not positive.
        public let top10Share: Double?, top20Share: Double?
        /// The share of buyers whose predicted CLV is below 1.
        public let belowOneShare: Double
        /// The buyers whose predicted CLV is negative.
        public let belowZero: Int
    }

    /// The distribution of predicted CLV, or nil when it is not known or no buyer counts.
    ///
    /// The seven quantiles and the two top shares' thresholds are read by counting
    /// (`OrderStatistics.values`), not a full sort (sorting 850 k values twice per snapshot was 5 %
    /// of a 1 M × 12 build's CPU time).
    public func distribution() -> Distribution? {
        let n = buyers
        guard clvKnown, n > 0 else { return nil }
        let total = clvTotal
        func rank(_ p: Double) -> Int { Int((p * Double(n - 1)).rounded()) }
        func topCount(_ share: Double) -> Int { min(n, max(1, Int((share * Double(n)).rounded()))) }
        let top10 = topCount(0.10), top20 = topCount(0.20)
        let wanted = [0, rank(0.10), rank(0.25), (n - 1) / 2, n / 2, rank(0.75), rank(0.90), n - 1, n - top20, n - top10].sorted()
        var at: [Int: Double] = [:]
        // The values by segment: the same values, so the same order statistics.
        for (r, v) in zip(wanted, OrderStatistics.values(clvs, ranks: wanted)) { at[r] = v }
        // The k largest values: those above the value of rank n − k, and as many equal to it as make
        // k. Both shares in one pass, in row order.
        let threshold10 = at[n - top10]!, threshold20 = at[n - top20]!
        var above10 = 0.0, count10 = 0, above20 = 0.0, count20 = 0
        if total > 0 {
            rows.probabilityAlive.withUnsafeBufferPointer { alive in
                rows.predictedCLV.withUnsafeBufferPointer { clv in
                    for i in 0..<clv.count where alive[i].isFinite && clv[i].isFinite {
                        let v = clv[i]
                        if v > threshold10 { above10 += v; count10 += 1 }
                        if v > threshold20 { above20 += v; count20 += 1 }
                    }
                }
            }
        }
        func share(_ k: Int, above: Double, count: Int, threshold: Double) -> Double? {
            total > 0 ? (above + Double(k - count) * threshold) / total : nil
        }
        return Distribution(
            buyers: n, total: total,
            lowest: at[0]!, p10: at[rank(0.10)]!, p25: at[rank(0.25)]!, median: (at[(n - 1) / 2]! + at[n / 2]!) / 2,
            p75: at[rank(0.75)]!, p90: at[rank(0.90)]!, highest: at[n - 1]!,
            top10Share: share(top10, above: above10, count: count10, threshold: threshold10),
            top20Share: share(top20, above: above20, count: count20, threshold: threshold20),
            belowOneShare: Double(belowOne) / Double(n), belowZero: belowZero)
    }

    /// The median predicted CLV of segment `index` (in `report.segmentIDs`), the mean of the two
    /// middle values for an even count; nil when CLV is not known or the segment has no buyer that
    /// counts. Read in place (copied out, the values were a fifth of the view's time).
    public func medianCLV(segment index: Int) -> Double? {
        guard clvKnown, index >= 0, index + 1 < clvStart.count else { return nil }
        let range = clvStart[index]..<clvStart[index + 1]
        guard !range.isEmpty else { return nil }
        return clvs.withUnsafeBufferPointer { clvs -> Double in
            let middle = OrderStatistics.values(UnsafeBufferPointer(rebasing: clvs[range]), ranks: [(range.count - 1) / 2, range.count / 2])
            return (middle[0] + middle[1]) / 2
        }
    }

    /// The mean P(alive) of segment `index`'s buyers that count, or nil when it has none.
    public func meanAlive(segment index: Int) -> Double? {
        guard index >= 0, index < members.count, members[index] > 0 else { return nil }
        return aliveSum[index] / Double(members[index])
    }

    /// The at-risk customers in bands of P(alive): below 25 %, 25–50 %, 50–75 %, 75 % or more (a
    /// bound belongs to the band above it).
    public struct AtRiskBands: Sendable, Equatable {
        /// The buyers in each band.
        public let counts: [Int]
        /// Σ predicted CLV in each band (NaN when CLV is not known).
        public let predictedCLV: [Double]
    }

    /// The at-risk segment's buyers that count, in bands of P(alive).
    public func atRiskBands() -> AtRiskBands {
        var counts = Array(repeating: 0, count: 4)
        var clvByBand = Array(repeating: 0.0, count: 4)
        for i in atRiskRows {
            let p = rows.probabilityAlive[i]
            let k = p < 0.25 ? 0 : p < 0.5 ? 1 : p < 0.75 ? 2 : 3
            counts[k] += 1
            clvByBand[k] += rows.predictedCLV[i]
        }
        return AtRiskBands(counts: counts, predictedCLV: clvByBand)
    }

    /// Σ predicted CLV of the at-risk segment's buyers that count, in row order.
    public var atRiskPredictedCLV: Double { atRiskRows.reduce(0.0) { $0 + rows.predictedCLV[$1] } }

    /// The `k` at-risk rows of highest predicted CLV (without it, of highest historical value),
    /// ties by row.
    public func atRiskLeading(_ k: Int) -> [Int] {
        func highestFirst<Key: Comparable>(_ key: [Key]) -> [Int] {
            OrderStatistics.leading(k, of: atRiskRows) { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
        }
        return clvKnown ? highestFirst(rows.predictedCLV) : highestFirst(rows.monetary)
    }
}
