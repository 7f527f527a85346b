import ReportModel

/// Predicted customer value from the per-buyer rows: the distribution of predicted CLV, per-segment
/// historical value against predicted CLV and P(alive), and the at-risk customers' P(alive).
///
/// Nothing is shown as a number unless the model was fitted; without the buyer rows (the site index,
/// built after they are dropped) the per-buyer pieces say they are not available.
struct LifetimeView {
    let report: SnapshotReport
    /// Resolves buyer rows to customer ids; nil lists no customer.
    let customers: CustomerIDs?
    /// The segment table, for the segments' names (the seed's unless given).
    let segmentTable: SegmentTable
    let format: ReportFormatter

    /// At-risk customers listed by name (highest predicted CLV first); the rest are in `segments.csv`.
    static let atRiskShown = 15

    private var locale: ReportLocale { format.locale }
    /// The text in the report's language (French with its no-break spaces).
    private func t(_ en: String, _ fr: String) -> String { format.text(en, fr) }

    private var fitted: Bool {
        if case .fitted = report.lifetime { return true }
        return false
    }

    /// Whether predicted CLV is known: BG/NBD and Gamma-Gamma fitted. With BG/NBD alone, P(alive)
    /// is shown and every CLV figure is missing.
    private let clvKnown: Bool
    /// What the three tables read, gathered in two passes over the buyers (they made about a dozen
    /// between them, each over 850 k buyers, with three arrays of that size mapped in afresh per
    /// snapshot: 5 % of a 1 M × 12 build's CPU samples). Only the buyers with a finite P(alive)
    /// and, when `clvKnown`, a finite predicted CLV count; every sum runs in row order.
    private let tally: Tally

    private struct Tally {
        /// Such buyers.
        var buyers = 0
        /// Per segment (`report.segmentIDs` order, then one for rows without a known segment): the
        /// buyers and their Σ P(alive).
        var members: [Int] = []
        var aliveSum: [Double] = []
        /// Their predicted CLVs by segment (segment s: `clvs[clvStart[s]..<clvStart[s + 1]]`), when `clvKnown`.
        var clvs: [Double] = []
        var clvStart: [Int] = []
        /// Σ predicted CLV, and the buyers below 1, when `clvKnown`.
        var clvTotal = 0.0
        var belowOne = 0
        /// The rows of the at-risk segment among them.
        var atRisk: [Int] = []
    }

    init(report: SnapshotReport, customers: CustomerIDs?, segmentTable: SegmentTable = .seed, format: ReportFormatter) {
        self.report = report
        self.customers = customers
        self.segmentTable = segmentTable
        self.format = format
        let b = report.buyers
        guard case .fitted(let m) = report.lifetime, b.predictedCLV.count == b.count, b.probabilityAlive.count == b.count else {
            clvKnown = false
            tally = Tally()
            return
        }
        let known = m.p != nil
        clvKnown = known
        let segmentCount = report.segmentIDs.count
        let atRiskIndex = report.segmentIDs.firstIndex(of: "at_risk") ?? -1
        var members = [Int](repeating: 0, count: segmentCount + 1)
        var aliveSum = [Double](repeating: 0, count: segmentCount + 1)
        var buyers = 0, clvTotal = 0.0, belowOne = 0
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
        tally = Tally(buyers: buyers, members: members, aliveSum: aliveSum, clvs: clvs, clvStart: clvStart,
                      clvTotal: clvTotal, belowOne: belowOne, atRisk: atRisk)
    }

    /// `clv_distribution`: quantiles of predicted CLV over the buyers and its concentration.
    ///
    /// The seven quantiles and the two top shares' thresholds are read by counting
    /// (`OrderStatistics.values`), not a full sort (sorting 850 k values twice per snapshot was 5 %
    /// of a 1 M × 12 build's CPU time).
    func distribution() -> [String: Any] {
        let b = report.buyers
        let n = tally.buyers
        guard clvKnown, n > 0 else { return ["available": false] }
        let total = tally.clvTotal
        func rank(_ p: Double) -> Int { Int((p * Double(n - 1)).rounded()) }
        func topCount(_ share: Double) -> Int { min(n, max(1, Int((share * Double(n)).rounded()))) }
        let top10 = topCount(0.10), top20 = topCount(0.20)
        // The median is the mean of the two middle values when there is an even number of them.
        let wanted = [0, rank(0.10), rank(0.25), (n - 1) / 2, n / 2, rank(0.75), rank(0.90), n - 1, n - top20, n - top10].sorted()
        var at: [Int: Double] = [:]
        // The values by segment: the same values, so the same order statistics.
        for (r, v) in zip(wanted, OrderStatistics.values(tally.clvs, ranks: wanted)) { at[r] = v }
        // The k largest values: those above the value of rank n − k, and as many equal to it as make
        // k. Both shares in one pass, in row order.
        let threshold10 = at[n - top10]!, threshold20 = at[n - top20]!
        var above10 = 0.0, count10 = 0, above20 = 0.0, count20 = 0
        if total > 0 {
            b.probabilityAlive.withUnsafeBufferPointer { alive in
                b.predictedCLV.withUnsafeBufferPointer { clv in
                    for i in 0..<clv.count where alive[i].isFinite && clv[i].isFinite {
                        let v = clv[i]
                        if v > threshold10 { above10 += v; count10 += 1 }
                        if v > threshold20 { above20 += v; count20 += 1 }
                    }
                }
            }
        }
        func share(_ k: Int, above: Double, count: Int, threshold: Double) -> String {
            guard total > 0 else { return format.missing }
            return format.percent((above + Double(k - count) * threshold) / total, decimals: 0)
        }
        let quantiles: [(String, Double)] = [
            (t("Lowest", "Minimum"), at[0]!), ("P10", at[rank(0.10)]!), ("P25", at[rank(0.25)]!),
            (t("Median", "Médiane"), (at[(n - 1) / 2]! + at[n / 2]!) / 2), ("P75", at[rank(0.75)]!), ("P90", at[rank(0.90)]!),
            (t("Highest", "Maximum"), at[n - 1]!),
        ]
        return [
            "available": true,
            "buyers": format.integer(n),
            "total": format.money(total, decimals: 0),
            "mean": format.money(total / Double(n)),
            "quantiles": quantiles.map { ["label": $0.0, "value": format.money($0.1)] },
            "top10_share": share(top10, above: above10, count: count10, threshold: threshold10),
            "top20_share": share(top20, above: above20, count: count20, threshold: threshold20),
            "below_one": format.percent(Double(tally.belowOne) / Double(n), decimals: 0),
        ]
    }

    /// `segment_clv`: per segment, historical value against predicted CLV and mean P(alive).
    func segments() -> [[String: Any]] {
        report.segments.map { seg in
            let index = report.segmentIDs.firstIndex(of: seg.id) ?? -1
            let members = index >= 0 && index < tally.members.count ? tally.members[index] : 0
            // The segment's CLVs, read in place (copied out, they were a fifth of this view's time).
            let range = index >= 0 && clvKnown ? tally.clvStart[index]..<tally.clvStart[index + 1] : 0..<0
            // The mean of the two middle values for an even count.
            let median = range.isEmpty ? nil : tally.clvs.withUnsafeBufferPointer { clvs -> Double in
                let middle = OrderStatistics.values(UnsafeBufferPointer(rebasing: clvs[range]), ranks: [(range.count - 1) / 2, range.count / 2])
                return (middle[0] + middle[1]) / 2
            }
            let perCustomer = seg.predictedCLV.flatMap { seg.customers > 0 ? $0 / Double(seg.customers) : nil }
            return [
                "name": segmentTable.displayName(seg.id, locale),
                "customers": format.integer(seg.customers),
                "historical": format.money(seg.meanMonetary),
                "predicted_total": fitted && clvKnown ? format.money(seg.predictedCLV, decimals: 0) : format.missing,
                "predicted_per_customer": fitted && clvKnown ? format.money(perCustomer) : format.missing,
                "predicted_median": median.map { format.money($0) } ?? format.missing,
                "alive": members == 0 ? format.missing : format.percent(tally.aliveSum[index] / Double(members), decimals: 0),
            ]
        }
    }

    /// `at_risk_alive`: P(alive) of the at-risk segment's customers, in bands and for the most valuable.
    func atRisk() -> [String: Any] {
        let b = report.buyers
        guard let s = report.segmentIDs.firstIndex(of: "at_risk") else { return ["available": false, "segment_known": false] }
        let members = tally.atRisk
        guard !members.isEmpty else { return ["available": false, "segment_known": true] }
        let bands: [(String, ClosedRange<Double>)] = [
            (t("below 25%", "moins de 25\u{202F}%"), 0...0.25), (t("25–50%", "25–50\u{202F}%"), 0.25...0.5),
            (t("50–75%", "50–75\u{202F}%"), 0.5...0.75), (t("75% or more", "75\u{202F}% ou plus"), 0.75...1),
        ]
        var counts = Array(repeating: 0, count: bands.count)
        var clvByBand = Array(repeating: 0.0, count: bands.count)
        for i in members {
            let p = b.probabilityAlive[i]
            let k = p < 0.25 ? 0 : p < 0.5 ? 1 : p < 0.75 ? 2 : 3
            counts[k] += 1
            clvByBand[k] += b.predictedCLV[i]
        }
        // Highest predicted CLV first; without it, highest historical value first (ties by row).
        func highestFirst<Key: Comparable>(_ key: [Key]) -> [Int] {
            OrderStatistics.leading(LifetimeView.atRiskShown, of: members) { key[$0] != key[$1] ? key[$0] > key[$1] : $0 < $1 }
        }
        let shown = customers == nil ? [] : clvKnown ? highestFirst(b.predictedCLV) : highestFirst(b.monetary)
        let meanAlive = tally.aliveSum[s] / Double(members.count)   // the same sum, in the same order
        return [
            "available": true,
            "segment_known": true,
            "customers": format.integer(members.count),
            "mean_alive": format.percent(meanAlive, decimals: 0),
            "predicted_total": clvKnown ? format.money(members.reduce(0.0) { $0 + b.predictedCLV[$1] }, decimals: 0) : format.missing,
            "bands": bands.indices.map { k in
                [
                    "label": bands[k].0,
                    "count": format.integer(counts[k]),
                    "share": format.percent(Double(counts[k]) / Double(members.count), decimals: 0),
                    "predicted": clvKnown ? format.money(clvByBand[k], decimals: 0) : format.missing,
                ]
            },
            "has_list": !shown.isEmpty,
            "list": shown.map { i in
                [
                    "id": customers.map { $0.id(b.customer[i]) } ?? "",
                    "recency_days": format.integer(Int(b.recencyDays[i])),
                    "orders": format.integer(Int(b.frequency[i])),
                    "revenue": format.money(units: b.monetary[i]),
                    "p_alive": format.percent(b.probabilityAlive[i], decimals: 0),
                    "predicted_clv": format.money(b.predictedCLV[i]),
                ]
            },
            "has_more": members.count > shown.count && !shown.isEmpty,
            "more": format.integer(members.count - shown.count),
        ]
    }
}
