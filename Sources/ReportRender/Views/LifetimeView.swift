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

    /// The figures shown, worked out from the buyer rows (`LifetimeBreakdown`).
    private let breakdown: LifetimeBreakdown

    init(report: SnapshotReport, customers: CustomerIDs?, segmentTable: SegmentTable = .seed, format: ReportFormatter) {
        self.report = report
        self.customers = customers
        self.segmentTable = segmentTable
        self.format = format
        breakdown = LifetimeBreakdown(report)
    }

    /// `clv_distribution`: quantiles of predicted CLV over the buyers and its concentration.
    func distribution() -> [String: Any] {
        guard let d = breakdown.distribution() else { return ["available": false] }
        let quantiles: [(String, Double)] = [
            (t("Lowest", "Minimum"), d.lowest), ("P10", d.p10), ("P25", d.p25), (t("Median", "Médiane"), d.median),
            ("P75", d.p75), ("P90", d.p90), (t("Highest", "Maximum"), d.highest),
        ]
        func share(_ value: Double?) -> String { value.map { format.percent($0, decimals: 0) } ?? format.missing }
        return [
            "available": true,
            "buyers": format.integer(d.buyers),
            "buyers_one": format.isSingular(d.buyers),
            "total": format.money(d.total, decimals: 0),
            "mean": format.money(d.mean),
            "quantiles": quantiles.map { ["label": $0.0, "value": format.money($0.1)] },
            "top10_share": share(d.top10Share),
            "top20_share": share(d.top20Share),
            "below_one": format.percent(d.belowOneShare, decimals: 0),
            "has_negative": d.belowZero > 0,
            "negative_buyers": format.integer(d.belowZero),
            "negative_buyers_one": format.isSingular(d.belowZero),
        ]
    }

    /// `segment_clv`: per segment, historical value against predicted CLV (its total, its share of
    /// the buyers' as the dashboard's chart shows it, per customer, median) and mean P(alive).
    func segments() -> [[String: Any]] {
        let clvKnown = breakdown.clvKnown
        let shares = clvKnown ? PredictedValueShares.of(report.segments) : nil
        return report.segments.indices.map { k in
            let seg = report.segments[k]
            let index = report.segmentIDs.firstIndex(of: seg.id) ?? -1
            let perCustomer = seg.predictedCLV.flatMap { seg.customers > 0 ? $0 / Double(seg.customers) : nil }
            return [
                "name": segmentTable.displayName(seg.id, locale),
                "customers": format.integer(seg.customers),
                "historical": format.money(seg.meanMonetary),
                "predicted_total": clvKnown ? format.money(seg.predictedCLV, decimals: 0) : format.missing,
                "predicted_share": shares.map { format.percent($0[k]) } ?? format.missing,
                "predicted_per_customer": clvKnown ? format.money(perCustomer) : format.missing,
                "predicted_median": breakdown.medianCLV(segment: index).map { format.money($0) } ?? format.missing,
                "alive": breakdown.meanAlive(segment: index).map { format.percent($0, decimals: 0) } ?? format.missing,
            ]
        }
    }

    /// `segment_clv_shares`: whether the segments' shares of predicted CLV, each rounded on its own
    /// to one decimal as printed, do not add up to 100.0 %, and what they total.
    func segmentShares() -> [String: Any] {
        guard breakdown.clvKnown, let shares = PredictedValueShares.of(report.segments) else { return ["do_not_add_up": false] }
        let tenths = shares.map(format.percentTenths).reduce(0, +)
        return ["do_not_add_up": tenths != 1000, "total": format.percent(tenths / 1000)]
    }

    /// `at_risk_alive`: P(alive) of the at-risk segment's customers, in bands and for the most valuable.
    func atRisk() -> [String: Any] {
        let b = report.buyers
        guard let s = breakdown.atRiskSegment else { return ["available": false, "segment_known": false] }
        let members = breakdown.atRiskRows.count
        guard members > 0, let meanAlive = breakdown.meanAlive(segment: s) else { return ["available": false, "segment_known": true] }
        let clvKnown = breakdown.clvKnown
        let labels = [t("below 25%", "moins de 25\u{202F}%"), t("25–50%", "25–50\u{202F}%"),
                      t("50–75%", "50–75\u{202F}%"), t("75% or more", "75\u{202F}% ou plus")]
        let bands = breakdown.atRiskBands()
        let shown = customers == nil ? [] : breakdown.atRiskLeading(LifetimeView.atRiskShown)
        return [
            "available": true,
            "segment_known": true,
            "customers": format.integer(members),
            "customers_one": format.isSingular(members),
            "mean_alive": format.percent(meanAlive, decimals: 0),
            "predicted_total": clvKnown ? format.money(breakdown.atRiskPredictedCLV, decimals: 0) : format.missing,
            "bands": labels.indices.map { k in
                [
                    "label": labels[k],
                    "count": format.integer(bands.counts[k]),
                    "share": format.percent(Double(bands.counts[k]) / Double(members), decimals: 0),
                    "predicted": clvKnown ? format.money(bands.predictedCLV[k], decimals: 0) : format.missing,
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
            "has_more": members > shown.count && !shown.isEmpty,
            "more": format.integer(members - shown.count),
            "more_one": format.isSingular(members - shown.count),
        ]
    }
}
