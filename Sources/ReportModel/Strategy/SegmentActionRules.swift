/// Actions for segments that are large (share of buyers ≥ `StrategyPlanner.largeSegmentShare`) or growing
/// (share up at least `StrategyPlanner.growingSegmentPoints` since the previous snapshot).
///
/// Value at stake: the segment's revenue × expected win-back rate (the share of the targeted value a
/// campaign is assumed to move). Cost: the win-back incentive per at-risk customer; CRM contacts otherwise.
enum SegmentActionRules {
    static func actions(_ input: PlanInputs) -> [PlanAction] {
        var actions: [PlanAction] = []
        var seen = Set<String>()
        for id in input.report.segmentIDs where seen.insert(id).inserted {
            guard let segment = input.report.segment(id), segment.customers > 0, let share = segment.share else { continue }
            let previous = input.previous?.segment(id)?.share
            let large = share >= StrategyPlanner.largeSegmentShare
            let growing = previous.map { share - $0 >= StrategyPlanner.growingSegmentPoints - 1e-12 } ?? false
            guard large || growing else { continue }
            actions.append(action(id, segment: segment, previous: previous, large: large, growing: growing, input: input))
        }
        return actions
    }

    private static func action(_ id: String, segment: SegmentSummary, previous: Double?, large: Bool, growing: Bool, input: PlanInputs) -> PlanAction {
        let content = SegmentActionContent.content(for: id)
        let actionID = content.verb + "-" + id
        let why: LocalizedText
        switch (large, growing) {
        case (true, true): why = LocalizedText(en: "A large and growing share of buyers is in this segment.", fr: "Une part importante et croissante des acheteurs est dans ce segment.")
        case (true, false): why = LocalizedText(en: "A large share of buyers is in this segment.", fr: "Une part importante des acheteurs est dans ce segment.")
        default: why = LocalizedText(en: "This segment has grown since the previous snapshot.", fr: "Ce segment a grossi depuis le relevé précédent.")
        }
        let rationale = LocalizedText(en: why.en + " " + content.rationale.en, fr: why.fr + " " + content.rationale.fr)
        let cost: BudgetLine?
        if content.usesIncentive {
            cost = input.perCustomer(segment.customers, unitCost: input.config.actionPlan.winBackIncentive, item: content.title,
                                     basis: LocalizedText(en: "win-back incentive per customer in the segment", fr: "incitation de reconquête par client du segment"),
                                     actionID: actionID)
        } else {
            cost = input.contacts(segment.customers, touches: content.touches, item: content.title, actionID: actionID)
        }
        return PlanAction(
            id: actionID, topic: content.topic, title: content.title, rationale: rationale,
            evidence: [PlanEvidence(kind: .segment(id), measure: .rate, value: segment.share, previous: previous)],
            audience: segment.customers, value: Money.value(segment.revenue) * input.effect,
            basis: LocalizedText(en: "segment revenue × expected win-back rate", fr: "CA du segment × taux de reconquête attendu"),
            cost: cost)
    }
}
