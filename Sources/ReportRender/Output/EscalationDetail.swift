import ReportModel

/// A one-line description of an escalation, for people: `metrics.json`'s `detail` and
/// `escalations.csv` (in English whatever the report's language), and the `build` summary (in the
/// console's). Figures are rounded to one decimal (a churn rate as a percentage); the exact ones
/// are the escalation's `value` and `threshold`.
public enum EscalationDetail {
    /// "NPS 11.6 below 30"; in French (the console of a French terminal, `MessageLanguage`)
    /// « NPS 11,6 sous 30 », « taux de churn 18,5 % au-dessus de 10 % ». Ids stay ids.
    public static func text(_ e: EscalationResult, in language: ReportLocale = .en) -> String {
        let fr = language == .fr
        func figure(_ x: Double) -> String { fr ? rounded(x).replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "-", with: "\u{2212}") : rounded(x) }
        func counted(_ n: Int, _ en: String, _ one: String, _ other: String) -> String { fr ? "\(n) " + (abs(n) < 2 ? one : other) : "\(n) \(en)" }
        let percent = fr ? "\u{202F}%" : "%"
        switch e.kind {
        case .vipAtRisk: return counted(e.count, "VIP customer(s)", "client VIP", "clients VIP") + (fr ? " dans le segment at_risk" : " in segment at_risk")
        case .npsCritical:
            guard let v = e.value else { return fr ? "aucune réponse NPS" : "no NPS answers" }
            return "NPS \(figure(v)) " + (fr ? (e.raised ? "sous" : "pas sous") : (e.raised ? "below" : "not below")) + " \(figure(e.threshold))"
        case .churnCrisis:
            guard let v = e.value else {
                return fr ? "pas de taux de churn (premier relevé, ou aucun client actif avant)" : "no churn rate (first snapshot or no active customer before)"
            }
            return (fr ? "taux de churn " : "churn rate ") + figure(100 * v) + percent + " "
                + (fr ? (e.raised ? "au-dessus de" : "pas au-dessus de") : (e.raised ? "above" : "not above")) + " " + figure(100 * e.threshold) + percent
        case .publicComplaint: return counted(e.count, "public complaint(s)", "plainte publique", "plaintes publiques")
        case .largeRefund:
            return counted(e.count, "refund request(s)", "demande de remboursement", "demandes de remboursement") + (fr ? " au-dessus de " : " above ") + figure(e.threshold)
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
