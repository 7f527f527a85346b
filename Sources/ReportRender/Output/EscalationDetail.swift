import ReportModel

/// A one-line, language-neutral description of an escalation for `metrics.json`.
public enum EscalationDetail {
    public static func text(_ e: EscalationResult) -> String {
        switch e.kind {
        case .vipAtRisk: return "\(e.count) VIP customer(s) in segment at_risk"
        case .npsCritical:
            guard let v = e.value else { return "no NPS answers" }
            return "NPS \(JSONValue.format(v)) " + (e.raised ? "below" : "not below") + " \(JSONValue.format(e.threshold))"
        case .churnCrisis:
            guard let v = e.value else { return "no churn rate (first snapshot or no active customer before)" }
            return "churn rate \(JSONValue.format(v)) " + (e.raised ? "above" : "not above") + " \(JSONValue.format(e.threshold))"
        case .publicComplaint: return "\(e.count) public complaint(s)"
        case .largeRefund: return "\(e.count) refund request(s) above \(JSONValue.format(e.threshold))"
        }
    }
}
