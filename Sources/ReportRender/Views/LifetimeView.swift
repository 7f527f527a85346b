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
    let format: ReportFormatter

    /// At-risk customers listed by name (highest predicted CLV first); the rest are in `segments.csv`.
    static let atRiskShown = 15

    private var locale: ReportLocale { format.locale }
    private func t(_ en: String, _ fr: String) -> String { locale == .fr ? fr : en }

    private var fitted: Bool {
        if case .fitted = report.lifetime { return true }
        return false
    }

    /// Rows with a finite P(alive) and, when `clvKnown`, a finite predicted CLV, found once (the
    /// three tables use them; a filter over 850 k buyers per table was 1 % of a 1 M × 12 build,
    /// mostly fresh pages).
    private let rows: [Int32]
    /// Whether predicted CLV is known: BG/NBD and Gamma-Gamma fitted. With BG/NBD alone, P(alive)
    /// is shown and every CLV figure is missing.
    private let clvKnown: Bool

    init(report: SnapshotReport, customers: CustomerIDs?, format: ReportFormatter) {
        self.report = report
        self.customers = customers
        self.format = format
        let b = report.buyers
        if case .fitted(let m) = report.lifetime, b.predictedCLV.count == b.count, b.probabilityAlive.count == b.count {
            let known = m.p != nil
            var finite: [Int32] = []
            finite.reserveCapacity(b.count)
            for i in 0..<b.count where b.probabilityAlive[i].isFinite && (!known || b.predictedCLV[i].isFinite) { finite.append(Int32(i)) }
            rows = finite
            clvKnown = known
        } else {
            rows = []
            clvKnown = false
        }
    }

    /// `clv_distribution`: quantiles of predicted CLV over the buyers and its concentration.
    ///
    /// The seven quantiles and the two top shares' thresholds are read by counting
    /// (`OrderStatistics.values`), not a full sort (sorting 850 k values twice per snapshot was 5 %
    /// of a 1 M × 12 build's CPU time).
    func distribution() -> [String: Any] {
        let b = report.buyers
        guard clvKnown else { return ["available": false] }
        let values = rows.map { b.predictedCLV[Int($0)] }
        guard !values.isEmpty else { return ["available": false] }
        let n = values.count
        let total = values.reduce(0, +)
        func rank(_ p: Double) -> Int { Int((p * Double(n - 1)).rounded()) }
        func topCount(_ share: Double) -> Int { min(n, max(1, Int((share * Double(n)).rounded()))) }
        let top10 = topCount(0.10), top20 = topCount(0.20)
        let wanted = [0, rank(0.10), rank(0.25), rank(0.50), rank(0.75), rank(0.90), n - 1, n - top20, n - top10].sorted()
        var at: [Int: Double] = [:]
        for (r, v) in zip(wanted, OrderStatistics.values(values, ranks: wanted)) { at[r] = v }
        // The k largest values: those above the value of rank n − k, and as many equal to it as make k.
        func top(_ k: Int) -> String {
            guard total > 0 else { return format.missing }
            let threshold = at[n - k]!
            var above = 0.0, aboveCount = 0
            for v in values where v > threshold { above += v; aboveCount += 1 }
            return format.percent((above + Double(k - aboveCount) * threshold) / total, decimals: 0)
        }
        let quantiles: [(String, Double)] = [
            (t("Lowest", "Minimum"), at[0]!), ("P10", at[rank(0.10)]!), ("P25", at[rank(0.25)]!),
            (t("Median", "Médiane"), at[rank(0.50)]!), ("P75", at[rank(0.75)]!), ("P90", at[rank(0.90)]!),
            (t("Highest", "Maximum"), at[n - 1]!),
        ]
        return [
            "available": true,
            "buyers": format.integer(n),
            "total": format.money(total, decimals: 0),
            "mean": format.money(total / Double(n)),
            "quantiles": quantiles.map { ["label": $0.0, "value": format.money($0.1)] },
            "top10_share": top(top10),
            "top20_share": top(top20),
            "below_one": format.percent(Double(values.reduce(0) { $0 + ($1 < 1 ? 1 : 0) }) / Double(n), decimals: 0),
        ]
    }

    /// `segment_clv`: per segment, historical value against predicted CLV and mean P(alive).
    func segments() -> [[String: Any]] {
        let b = report.buyers
        // Each segment's CLVs in one slice of one array (counted, then placed: no array per segment
        // grown by appends, which mapped in fresh pages for every snapshot).
        let segmentCount = report.segmentIDs.count
        var start = Array(repeating: 0, count: segmentCount + 1)
        var alive = Array(repeating: 0.0, count: segmentCount)
        for i in rows {
            let s = Int(b.segment[Int(i)])
            guard s < segmentCount else { continue }
            start[s + 1] += 1
            alive[s] += b.probabilityAlive[Int(i)]
        }
        for s in 0..<segmentCount { start[s + 1] += start[s] }
        var placed = start
        var clvs = [Double](repeating: 0, count: clvKnown ? start[segmentCount] : 0)
        for i in rows where clvKnown {
            let s = Int(b.segment[Int(i)])
            guard s < segmentCount else { continue }
            clvs[placed[s]] = b.predictedCLV[Int(i)]
            placed[s] += 1
        }
        return report.segments.map { seg in
            let index = report.segmentIDs.firstIndex(of: seg.id) ?? -1
            let members = index >= 0 ? start[index + 1] - start[index] : 0
            let list = index >= 0 && clvKnown ? Array(clvs[start[index]..<start[index + 1]]) : []
            let median = list.isEmpty ? nil : OrderStatistics.values(list, ranks: [(list.count - 1) / 2])[0]
            let perCustomer = seg.predictedCLV.flatMap { seg.customers > 0 ? $0 / Double(seg.customers) : nil }
            return [
                "name": SegmentCatalog.name(seg.id, locale),
                "customers": format.integer(seg.customers),
                "historical": format.money(seg.meanMonetary),
                "predicted_total": fitted && clvKnown ? format.money(seg.predictedCLV, decimals: 0) : format.missing,
                "predicted_per_customer": fitted && clvKnown ? format.money(perCustomer) : format.missing,
                "predicted_median": median.map { format.money($0) } ?? format.missing,
                "alive": members == 0 ? format.missing : format.percent(alive[index] / Double(members), decimals: 0),
            ]
        }
    }

    /// `at_risk_alive`: P(alive) of the at-risk segment's customers, in bands and for the most valuable.
    func atRisk() -> [String: Any] {
        let b = report.buyers
        guard let s = report.segmentIDs.firstIndex(of: "at_risk") else { return ["available": false, "segment_known": false] }
        let members: [Int] = rows.compactMap { Int(b.segment[Int($0)]) == s ? Int($0) : nil }
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
        let meanAlive = members.reduce(0.0) { $0 + b.probabilityAlive[$1] } / Double(members.count)
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
