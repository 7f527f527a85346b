/// One 0–30 day action per raised escalation, with the seed's follow-up.
///
/// Value at stake: VIPs at risk and public complaints = the customers' revenue × expected win-back rate;
/// critical NPS = detractors × revenue per buyer × expected win-back rate; churn crisis = lapsed customers ×
/// revenue per buyer × expected win-back rate; large refunds = the refunds requested.
/// Cost: a personal intervention per VIP or complaining customer; none for internal reviews.
enum EscalationActionRules {
    static func actions(_ input: PlanInputs) -> [PlanAction] {
        let report = input.report
        let e = input.effect
        let l = input.customerValue
        var actions: [PlanAction] = []
        for kind in EscalationKind.allCases {
            guard let result = report.escalations.first(where: { $0.kind == kind }), result.raised else { continue }
            let id = "escalate-" + kind.rawValue
            let revenue = result.customers.reduce(0.0) { $0 + Money.value($1.revenue) }
            let title = EscalationContent.title(kind)
            let evidence: PlanEvidence
            let audience: Int?
            let value: Double
            let basis: LocalizedText
            var cost: BudgetLine?
            switch kind {
            case .vipAtRisk, .publicComplaint:
                evidence = PlanEvidence(kind: .escalation(kind), measure: .count, value: Double(result.count))
                audience = result.count
                value = revenue * e
                basis = LocalizedText(en: "customers' revenue × expected win-back rate", fr: "CA des clients × taux de reconquête attendu")
                cost = input.perCustomer(result.count, unitCost: input.config.actionPlan.personalInterventionCost, item: title,
                                         basis: LocalizedText(en: "personal intervention per customer", fr: "intervention personnelle par client"), actionID: id)
            case .npsCritical:
                evidence = PlanEvidence(kind: .escalation(kind), measure: .score, value: result.value, target: result.threshold, direction: .above)
                audience = report.nps.detractors
                value = Double(report.nps.detractors) * l * e
                basis = LocalizedText(en: "detractors × revenue per buyer × expected win-back rate", fr: "détracteurs × CA par acheteur × taux de reconquête attendu")
            case .churnCrisis:
                evidence = PlanEvidence(kind: .escalation(kind), measure: .rate, value: result.value, target: result.threshold, direction: .below)
                audience = report.counts.lost
                value = Double(report.counts.lost) * l * e
                basis = LocalizedText(en: "lapsed customers × revenue per buyer × expected win-back rate", fr: "clients devenus inactifs × CA par acheteur × taux de reconquête attendu")
            case .largeRefund:
                evidence = PlanEvidence(kind: .escalation(kind), measure: .count, value: Double(result.count))
                audience = result.count
                value = result.customers.reduce(0.0) { $0 + Money.value($1.triggerValue) }
                basis = LocalizedText(en: "refunds requested", fr: "remboursements demandés")
            }
            actions.append(PlanAction(id: id, topic: DecisionTree.topic(forEscalation: kind), title: title, rationale: EscalationContent.rationale(kind),
                                      evidence: [evidence], audience: audience, value: value, basis: basis, cost: cost, escalation: kind))
        }
        return actions
    }
}
