/// When an action of the strategy plan runs, counted from the report date.
public enum PlanHorizon: String, CaseIterable, Sendable, Hashable {
    /// The next 30 days: escalations and win-back.
    case shortTerm = "0-30d"
    /// One to three months: onboarding, nurture, upsell, service improvements.
    case mediumTerm = "1-3m"
    /// Three to six months: loyalty programme, gamification, CLV-based targeting.
    case longTerm = "3-6m"

    /// Display label.
    public var label: LocalizedText {
        switch self {
        case .shortTerm: return LocalizedText(en: "0–30 days", fr: "0–30 jours")
        case .mediumTerm: return LocalizedText(en: "1–3 months", fr: "1–3 mois")
        case .longTerm: return LocalizedText(en: "3–6 months", fr: "3–6 mois")
        }
    }
}
