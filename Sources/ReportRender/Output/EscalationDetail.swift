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

    /// The same in French, for the console of a French terminal (`MessageLanguage`): « NPS 11,6
    /// sous 30 », « taux de churn 18,5 % au-dessus de 10 % ». Segment and escalation ids stay ids.
    public static func frenchText(_ e: EscalationResult) -> String {
        func fr(_ x: Double) -> String { rounded(x).replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "-", with: "−") }
        func plural(_ n: Int, _ one: String, _ other: String) -> String { "\(n) " + (abs(n) < 2 ? one : other) }
        switch e.kind {
        case .vipAtRisk: return plural(e.count, "client VIP", "clients VIP") + " dans le segment at_risk"
        case .npsCritical:
            guard let v = e.value else { return "aucune réponse NPS" }
            return "NPS \(fr(v)) " + (e.raised ? "sous" : "pas sous") + " \(fr(e.threshold))"
        case .churnCrisis:
            guard let v = e.value else { return "pas de taux de churn (premier relevé, ou aucun client actif avant)" }
            return "taux de churn \(fr(100 * v))\u{202F}% " + (e.raised ? "au-dessus de" : "pas au-dessus de") + " \(fr(100 * e.threshold))\u{202F}%"
        case .publicComplaint: return plural(e.count, "plainte publique", "plaintes publiques")
        case .largeRefund: return plural(e.count, "demande de remboursement", "demandes de remboursement") + " au-dessus de \(fr(e.threshold))"
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
