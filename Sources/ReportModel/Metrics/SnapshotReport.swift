/// Every figure of one snapshot (metrics.md), ready for the view models and `metrics.json`.
public struct SnapshotReport: Sendable {
    public var period: SnapshotPeriod
    /// Position of the snapshot in as-of order (0 = first).
    public var index: Int
    public var counts: SnapshotCounts
    /// Sum of `revenue` over all rows, in `Money` units.
    public var revenueTotal: Int64
    /// Revenue earned during the period, in `Money` units.
    public var revenuePeriod: Int64
    public var kpis: [KPIValue]
    public var nps: NPSBreakdown
    public var csatAnswers: Int
    public var cesAnswers: Int
    public var thresholds: RFMThresholds
    /// Segment ids in table order.
    public var segmentIDs: [String]
    public var segments: [SegmentSummary]
    /// Buyers per (R, F) score pair: rfGrid[r-1][f-1].
    public var rfGrid: [[Int]]
    /// Nil on the first snapshot.
    public var migration: MigrationMatrix?
    public var cohorts: [CohortRow]
    public var lifetime: LifetimeSummary
    public var escalations: [EscalationResult]
    public var feedback: FeedbackRouting
    /// Loyalty data found in the file (`tier`, `points_balance`).
    public var loyalty: LoyaltySnapshot
    /// Per-buyer rows (large: dropped once written).
    public var buyers: BuyerTable
    /// Column names of the input that matched nothing.
    public var unknownColumns: [String]
    /// The file the snapshot was read or derived from (set by the pipeline that read it).
    public var source = ReportSource()
    /// Of the columns the pages speak of when they have nothing to show (`nps`, `csat`, `ces`,
    /// `feedback`), those the input lacks (a transaction ledger lacks all four).
    public var missingInputColumns: Set<SnapshotColumn> = []

    public func kpi(_ key: KPIKey) -> KPIValue { kpis.first { $0.key == key }! }
    public func segment(_ id: String) -> SegmentSummary? { segments.first { $0.id == id } }
    public func escalation(_ kind: EscalationKind) -> EscalationResult { escalations.first { $0.kind == kind }! }
}
