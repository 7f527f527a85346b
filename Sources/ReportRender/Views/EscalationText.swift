import ReportModel

/// Names and the seed's actions of the escalation points, per locale.
enum EscalationText {
    static func name(_ k: EscalationKind, _ l: ReportLocale) -> String {
        let fr = l == .fr
        switch k {
        case .vipAtRisk: return fr ? "Client VIP à risque" : "VIP customer at risk"
        case .npsCritical: return fr ? "NPS critique" : "Critical NPS"
        case .churnCrisis: return fr ? "Churn anormal" : "Churn crisis"
        case .publicComplaint: return fr ? "Plainte publique" : "Public complaint"
        case .largeRefund: return fr ? "Remboursement important" : "Large refund request"
        }
    }

    static func action(_ k: EscalationKind, _ l: ReportLocale) -> String {
        let fr = l == .fr
        switch k {
        case .vipAtRisk: return fr ? "Intervention personnelle" : "Personal intervention"
        case .npsCritical: return fr ? "Revue stratégique" : "Strategic review"
        case .churnCrisis: return fr ? "Comité de crise" : "Crisis committee"
        case .publicComplaint: return fr ? "Gestion de crise" : "Reputation / crisis management"
        case .largeRefund: return fr ? "Validation financière" : "Financial validation"
        }
    }

    /// The condition that raises `e`, with the at-risk segment under the name `segments` gives it.
    static func condition(_ e: EscalationResult, _ f: ReportFormatter, segments: SegmentTable = .seed) -> String {
        let fr = f.locale == .fr
        switch e.kind {
        case .vipAtRisk: return (fr ? "VIP dans le segment " : "VIP in the ") + segments.displayName("at_risk", f.locale) + (fr ? "" : " segment")
        case .npsCritical: return "NPS < " + f.number(e.threshold, decimals: 0)
        case .churnCrisis: return "churn > " + f.percent(e.threshold, decimals: 0)
        case .publicComplaint: return fr ? "plainte publique signalée" : "public complaint reported"
        case .largeRefund: return (fr ? "remboursement demandé > " : "refund requested > ") + f.money(e.threshold, decimals: 0)
        }
    }
}
