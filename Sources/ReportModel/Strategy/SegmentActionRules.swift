/// Actions for segments that are large (share of buyers ≥ `StrategyPlanner.largeSegmentShare`), growing
/// (share up at least `StrategyPlanner.growingSegmentPoints` since the previous snapshot) or valuable
/// (share of revenue ≥ `StrategyPlanner.valuableSegmentRevenueShare`).
///
/// Value at stake: the segment's predicted CLV × expected win-back rate (the share of the targeted
/// value a campaign is assumed to move) for the segments whose future spend the action protects or
/// grows (champions, loyal, potential), when the model gives one; the segment's revenue × that rate
/// otherwise (the value of customers to win back). The lost segment's last chance targets only the
/// customers who entered it since the previous snapshot (the others had theirs). Cost: the win-back
/// incentive per at-risk customer; CRM contacts otherwise.
enum SegmentActionRules {
    static func actions(_ input: PlanInputs) -> [PlanAction] {
        var actions: [PlanAction] = []
        var seen = Set<String>()
        for id in input.report.segmentIDs where seen.insert(id).inserted {
            guard let segment = input.report.segment(id), segment.customers > 0, let share = segment.share else { continue }
            let previous = input.previous?.segment(id)?.share
            let large = share >= StrategyPlanner.largeSegmentShare
            let growing = previous.map { share - $0 >= StrategyPlanner.growingSegmentPoints - 1e-12 } ?? false
            let valuable = (segment.revenueShare ?? 0) >= StrategyPlanner.valuableSegmentRevenueShare
            guard large || growing || valuable else { continue }
            if let action = action(id, segment: segment, previous: previous, large: large, growing: growing, input: input) { actions.append(action) }
        }
        return actions
    }

    private static func action(_ id: String, segment: SegmentSummary, previous: Double?, large: Bool, growing: Bool, input: PlanInputs) -> PlanAction? {
        let content = SegmentActionContent.content(for: id, segments: input.config.segments)
        // One attempt per customer: only those who entered the segment since the previous snapshot.
        let audience = content.oncePerCustomer ? (input.report.migration?.entered(id) ?? segment.customers) : segment.customers
        guard audience > 0 else { return nil }
        let actionID = content.verb + "-" + id
        let why: LocalizedText
        switch (large, growing) {
        case (true, true): why = LocalizedText(en: "A large and growing share of buyers is in this segment.", fr: "Une part importante et croissante des acheteurs est dans ce segment.")
        case (true, false): why = LocalizedText(en: "A large share of buyers is in this segment.", fr: "Une part importante des acheteurs est dans ce segment.")
        case (false, true): why = LocalizedText(en: "This segment has grown since the previous snapshot.", fr: "Ce segment a grossi depuis le relevé précédent.")
        case (false, false):
            let percent = Int(((segment.revenueShare ?? 0) * 100).rounded())
            why = LocalizedText(en: "This segment holds \(percent)% of cumulative revenue.", fr: "Ce segment porte \(percent)\u{202F}% du chiffre d'affaires cumulé.")
        }
        var rationale = LocalizedText(en: why.en + " " + content.rationale.en, fr: why.fr + " " + content.rationale.fr)
        if audience < segment.customers {
            // The count is the action's audience, shown beside it (formatted for the locale there).
            rationale = LocalizedText(en: rationale.en + " Only the customers who entered the segment since the previous snapshot are targeted; the others have had their attempt.",
                                      fr: rationale.fr + " Seuls les clients entrés dans le segment depuis le relevé précédent sont ciblés : les autres ont déjà eu leur tentative.")
        }
        let cost: BudgetLine?
        if content.usesIncentive {
            cost = input.perCustomer(audience, unitCost: input.config.actionPlan.winBackIncentive, item: content.title,
                                     basis: LocalizedText(en: "win-back incentive per customer in the segment", fr: "offre de reconquête par client du segment"),
                                     actionID: actionID)
        } else {
            cost = input.contacts(audience, touches: content.touches, item: content.title, actionID: actionID)
        }
        let value: Double, basis: LocalizedText
        if content.forwardLooking, let clv = segment.predictedCLV, clv.isFinite {
            // What the customers are expected to spend, which the action protects or grows; their
            // past revenue is already earned.
            value = clv * input.effect
            basis = LocalizedText(en: "segment's predicted CLV × expected win-back rate", fr: "CLV prédite du segment × taux de reconquête attendu")
        } else if audience < segment.customers {
            value = Money.value(segment.revenue) * Double(audience) / Double(segment.customers) * input.effect
            basis = LocalizedText(en: "customers who entered the segment × its revenue per customer × expected win-back rate",
                                  fr: "clients entrés dans le segment × son CA par client × taux de reconquête attendu")
        } else {
            value = Money.value(segment.revenue) * input.effect
            basis = LocalizedText(en: "segment revenue × expected win-back rate", fr: "CA du segment × taux de reconquête attendu")
        }
        return PlanAction(
            id: actionID, topic: content.topic, title: content.title, rationale: rationale,
            evidence: [PlanEvidence(kind: .segment(id), measure: .rate, value: segment.share, previous: previous)],
            audience: audience, value: value, basis: basis, cost: cost)
    }
}
