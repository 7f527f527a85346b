import ReportModel

/// An escalation raised in a build's latest snapshot, with what it is about (`EscalationDetail`),
/// as `build` prints it and the build record keeps it for a build that keeps the site.
public struct RaisedEscalation: Sendable, Equatable {
    public var kind: EscalationKind
    /// "churn rate 18.5% above 10%".
    public var detail: String
    /// « taux de churn 18,5 % au-dessus de 10 % ».
    public var frenchDetail: String

    public init(kind: EscalationKind, detail: String, frenchDetail: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.frenchDetail = frenchDetail ?? detail
    }

    /// What it is about in `language`.
    public func detail(in language: ReportLocale) -> String { language == .fr ? frenchDetail : detail }

    /// The escalations raised in `report`, in its order.
    static func all(in report: SnapshotReport) -> [RaisedEscalation] {
        report.escalations.filter(\.raised).map { RaisedEscalation(kind: $0.kind, detail: EscalationDetail.text($0), frenchDetail: EscalationDetail.text($0, in: .fr)) }
    }
}
