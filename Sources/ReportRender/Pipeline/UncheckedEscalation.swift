import ReportModel

/// An escalation that a build's latest snapshot cannot raise, because its input has no column for
/// it (a transaction ledger has none of `nps`, `public_complaint` and `refund_requested`). The build
/// record keeps these, so that a build that keeps the site still warns when `--fail-on` names one.
public struct UncheckedEscalation: Sendable, Equatable {
    public var kind: EscalationKind
    /// The input column the escalation reads.
    public var column: String

    public init(kind: EscalationKind, column: String) {
        self.kind = kind
        self.column = column
    }

    /// The escalations of `report` that its input cannot raise, in its order.
    static func all(in report: SnapshotReport) -> [UncheckedEscalation] {
        report.escalations.compactMap { e in e.missingColumn.map { UncheckedEscalation(kind: e.kind, column: $0) } }
    }
}
