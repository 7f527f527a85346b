import ReportModel

/// An escalation raised in a build's latest snapshot, with what it is about (`EscalationDetail`),
/// as `build` prints it and the build record keeps it for a build that keeps the site.
public struct RaisedEscalation: Sendable, Equatable {
    public var kind: EscalationKind
    /// "churn rate 18.5% above 10%".
    public var detail: String

    public init(kind: EscalationKind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The escalations raised in `report`, in its order.
    static func all(in report: SnapshotReport) -> [RaisedEscalation] {
        report.escalations.filter(\.raised).map { RaisedEscalation(kind: $0.kind, detail: EscalationDetail.text($0)) }
    }
}
