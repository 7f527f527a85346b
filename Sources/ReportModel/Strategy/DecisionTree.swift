/// The seed's decision tree: which specialist area owns a topic, and when it runs.
///
/// Owners: onboarding / activation / lifecycle (with nurture, upsell, CLV targeting) → lifecycle-management;
/// points / tiers / VIP / rewards / gamification / programme → loyalty-programs; churn / win-back /
/// reactivation / at-risk → churn-prevention; NPS / CSAT / satisfaction / support → customer-success.
public enum DecisionTree {
    /// The specialist area that owns `topic`.
    public static func owner(forTopic topic: PlanTopic) -> SpecialistArea {
        switch topic {
        case .onboarding, .activation, .lifecycle, .nurture, .upsell, .clvTargeting: return .lifecycleManagement
        case .points, .tiers, .vip, .rewards, .gamification, .loyaltyProgramme: return .loyaltyPrograms
        case .churn, .winBack, .reactivation, .atRisk: return .churnPrevention
        case .nps, .csat, .satisfaction, .support: return .customerSuccess
        }
    }

    /// When an action on `topic` runs: win-back, at-risk and detractor follow-up within 30 days;
    /// onboarding, nurture, upsell, reactivation, churn prevention and service work within 1–3 months;
    /// programme, tiers, rewards, gamification and CLV targeting within 3–6 months.
    public static func horizon(forTopic topic: PlanTopic) -> PlanHorizon {
        switch topic {
        case .winBack, .atRisk, .nps: return .shortTerm
        case .onboarding, .activation, .lifecycle, .nurture, .upsell, .churn, .reactivation, .csat, .satisfaction, .support: return .mediumTerm
        case .clvTargeting, .points, .tiers, .vip, .rewards, .gamification, .loyaltyProgramme: return .longTerm
        }
    }

    /// The topic of an escalation's follow-up (its owner agrees with `EscalationKind.owner`).
    public static func topic(forEscalation kind: EscalationKind) -> PlanTopic {
        switch kind {
        case .vipAtRisk: return .atRisk
        case .npsCritical: return .nps
        case .churnCrisis: return .churn
        case .publicComplaint, .largeRefund: return .support
        }
    }

    /// The topic of a segment's action; nil for a segment the seed does not know.
    public static func topic(forSegment id: String) -> PlanTopic? {
        switch id {
        case "champions": return .rewards
        case "loyal": return .upsell
        case "potential": return .nurture
        case "at_risk": return .winBack
        case "hibernating", "lost": return .reactivation
        default: return nil
        }
    }

    /// The owner of a segment's action (lifecycle-management for unknown segments).
    public static func owner(forSegment id: String) -> SpecialistArea {
        owner(forTopic: topic(forSegment: id) ?? .lifecycle)
    }

    /// The owner of an escalation's follow-up.
    public static func owner(forEscalation kind: EscalationKind) -> SpecialistArea { kind.owner }
}
