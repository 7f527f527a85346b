/// What an action or playbook is about; the decision tree maps it to an owner and a horizon.
public enum PlanTopic: String, CaseIterable, Sendable, Hashable {
    // Lifecycle management.
    case onboarding, activation, lifecycle, nurture, upsell
    /// Targeting by (predicted) customer lifetime value.
    case clvTargeting = "clv_targeting"
    // Loyalty programmes.
    case points, tiers, vip, rewards, gamification
    case loyaltyProgramme = "loyalty_programme"
    // Churn prevention.
    case churn
    case winBack = "win_back"
    case reactivation
    case atRisk = "at_risk"
    // Customer success.
    case nps, csat, satisfaction, support
}
