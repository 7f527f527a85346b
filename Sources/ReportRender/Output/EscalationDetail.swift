import ReportModel

/// A one-line, language-neutral description of an escalation, for people: `metrics.json`'s
/// `detail`, `escalations.csv` and the `build` summary. Figures are rounded to one decimal (a churn
/// rate as a percentage); the exact ones are the escalation's `value` and `threshold`.
public enum EscalationDetail {
    public static func text(_ e: EscalationResult) -> String {
        switch e.kind {
        case .vipAtRisk: return "\(e.count) VIP customer(s) in segment at_risk"
        case .npsCritical:
            guard let v = e.value else { return "no NPS answers" }
            return "NPS \(rounded(v)) " + (e.raised ? "below" : "not below") + " \(rounded(e.threshold))"
        case .churnCrisis:
            guard let v = e.value else { return "no churn rate (first snapshot or no active customer before)" }
            return "churn rate \(rounded(100 * v))% " + (e.raised ? "above" : "not above") + " \(rounded(100 * e.threshold))%"
        case .publicComplaint: return "\(e.count) public complaint(s)"
        case .largeRefund: return "\(e.count) refund request(s) above \(rounded(e.threshold))"
        }
    }

    /// One decimal at most, without a trailing `.0` (`11.627…` → `11.6`, `30.0` → `30`, `-0.04` → `0`).
    static func rounded(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "\(x)" }
        let t = Int64(tenths)
        if t == 0 { return "0" }
        let sign = t < 0 ? "-" : ""
        let whole = abs(t) / 10, fraction = abs(t) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }
}
