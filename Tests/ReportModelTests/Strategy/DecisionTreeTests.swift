import Testing
@testable import ReportModel

@Suite("Decision tree")
struct DecisionTreeTests {
    @Test func ownersFollowTheSeedTree() {
        for topic: PlanTopic in [.onboarding, .activation, .lifecycle] { #expect(DecisionTree.owner(forTopic: topic) == .lifecycleManagement) }
        for topic: PlanTopic in [.points, .tiers, .vip, .rewards, .gamification] { #expect(DecisionTree.owner(forTopic: topic) == .loyaltyPrograms) }
        for topic: PlanTopic in [.churn, .winBack, .reactivation, .atRisk] { #expect(DecisionTree.owner(forTopic: topic) == .churnPrevention) }
        for topic: PlanTopic in [.nps, .csat, .satisfaction, .support] { #expect(DecisionTree.owner(forTopic: topic) == .customerSuccess) }
    }

    @Test func horizonsFollowTheBrief() {
        #expect(DecisionTree.horizon(forTopic: .winBack) == .shortTerm)
        for topic: PlanTopic in [.onboarding, .nurture, .upsell] { #expect(DecisionTree.horizon(forTopic: topic) == .mediumTerm) }
        for topic: PlanTopic in [.loyaltyProgramme, .gamification, .clvTargeting] { #expect(DecisionTree.horizon(forTopic: topic) == .longTerm) }
    }

    @Test(arguments: EscalationKind.allCases)
    func escalationTopicsAgreeWithEscalationOwners(kind: EscalationKind) {
        #expect(DecisionTree.owner(forTopic: DecisionTree.topic(forEscalation: kind)) == kind.owner)
    }

    @Test func segmentOwners() {
        #expect(DecisionTree.owner(forSegment: "at_risk") == .churnPrevention)
        #expect(DecisionTree.owner(forSegment: "champions") == .loyaltyPrograms)
        #expect(DecisionTree.owner(forSegment: "potential") == .lifecycleManagement)
        #expect(DecisionTree.owner(forSegment: "whales") == .lifecycleManagement)
    }

    @Test func localizedTextPicksTheLocale() {
        let text = LocalizedText(en: "Win-back", fr: "Reconquête")
        #expect(text.text(.en) == "Win-back")
        #expect(text.text(.fr) == "Reconquête")
    }
}
