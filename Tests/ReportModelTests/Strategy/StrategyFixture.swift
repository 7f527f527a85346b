@testable import ReportModel

/// Builds small `SnapshotReport` values by hand for the strategy tests.
enum StrategyFixture {
    /// KPI values that meet every default target.
    static let onTarget: [KPIKey: Double] = [
        .retentionRate: 0.95, .churnRate: 0.03, .ltv: 200, .ltvGrowthYoY: 0.25, .nps: 60,
        .csat: 4.5, .csatSatisfiedShare: 0.9, .ces: 2, .repeatPurchaseRate: 0.5,
    ]

    /// `onTarget` with some values replaced.
    static func kpis(_ changes: [KPIKey: Double]) -> [KPIKey: Double] {
        onTarget.merging(changes) { _, new in new }
    }

    /// A segment holding `share` of `buyers` with `revenue` currency units.
    static func segment(_ id: String, share: Double, buyers: Int = 1000, revenue: Double, meanFrequency: Double = 2) -> SegmentSummary {
        let customers = Int((share * Double(buyers)).rounded())
        return SegmentSummary(id: id, customers: customers, share: Double(customers) / Double(buyers), revenue: Int64(revenue * Double(Money.scale)),
                              revenueShare: nil, meanRecencyDays: 30, meanFrequency: meanFrequency,
                              meanMonetary: customers == 0 ? nil : revenue / Double(customers), predictedCLV: nil)
    }

    /// Small segments (each under the large-segment share) covering the seed's six ids.
    static func smallSegments(buyers: Int = 1000) -> [SegmentSummary] {
        ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"].map { segment($0, share: 0.10, buyers: buyers, revenue: 10_000) }
    }

    /// The five escalations, those in `raised` raised with `count` customers (one customer each of 2 000 revenue, 1 500 refund).
    static func escalations(raised: Set<EscalationKind> = [], count: Int = 2) -> [EscalationResult] {
        EscalationKind.allCases.map { kind in
            let on = raised.contains(kind)
            let customers = on && kind.isAboutCustomers
                ? (0..<count).map { EscalatedCustomer(id: "c\($0)", segment: "at_risk", revenue: 2_000 * Money.scale, predictedCLV: nil, triggerValue: 1_500 * Money.scale) }
                : []
            let value: Double? = kind == .npsCritical ? (on ? 20 : 60) : kind == .churnCrisis ? (on ? 0.15 : 0.03) : nil
            let threshold = kind == .npsCritical ? 30 : kind == .churnCrisis ? 0.10 : 1000
            return EscalationResult(kind: kind, raised: on, count: on ? (kind.isAboutCustomers ? count : 1) : 0, value: value, threshold: threshold, customers: customers)
        }
    }

    /// Spend percentiles 5 %…95 %: `step`, 2·`step`, … currency units.
    static func percentiles(step: Double = 10) -> [Int64] {
        (1...19).map { Int64(Double($0) * step * Double(Money.scale)) }
    }

    static func report(
        index: Int = 1,
        config: ReportConfig = ReportConfig(),
        kpis: [KPIKey: Double] = onTarget,
        buyers: Int = 1000,
        active: Int = 800,
        lost: Int = 40,
        previouslyActive: Int = 820,
        revenueTotal: Double = 200_000,
        revenuePeriod: Double = 20_000,
        segments: [SegmentSummary]? = nil,
        segmentIDs: [String]? = nil,
        escalations: [EscalationResult] = escalations(),
        nps: NPSBreakdown = NPSBreakdown(detractors: 10, passives: 20, promoters: 70),
        csatAnswers: Int = 100,
        loyalty: LoyaltySnapshot? = nil,
        buyerTable: BuyerTable = BuyerTable()
    ) -> SnapshotReport {
        var counts = SnapshotCounts()
        counts.customers = buyers + 100
        counts.buyers = buyers
        counts.active = active
        counts.lost = lost
        counts.previouslyActive = previouslyActive
        counts.prospects = 100
        counts.newActive = active - (previouslyActive - lost)
        let segs = segments ?? smallSegments(buyers: buyers)
        var loyaltySnapshot = LoyaltySnapshot()
        loyaltySnapshot.spendPercentiles = percentiles()
        return SnapshotReport(
            period: SnapshotPeriod(monthEnd: Month(year: 2026, month: 6 + index)),
            index: index,
            counts: counts,
            revenueTotal: Int64(revenueTotal * Double(Money.scale)),
            revenuePeriod: Int64(revenuePeriod * Double(Money.scale)),
            kpis: KPIKey.allCases.map { KPIValue(key: $0, value: kpis[$0], target: config.targets[$0]!) },
            nps: nps,
            csatAnswers: csatAnswers,
            cesAnswers: 50,
            thresholds: RFMThresholds(),
            segmentIDs: segmentIDs ?? segs.map(\.id),
            segments: segs,
            rfGrid: Array(repeating: Array(repeating: 0, count: 5), count: 5),
            migration: nil,
            cohorts: [],
            lifetime: .notComputed(reason: .noBuyer),
            escalations: escalations,
            feedback: FeedbackRouting(),
            loyalty: loyalty ?? loyaltySnapshot,
            buyers: buyerTable,
            unknownColumns: [])
    }
}
