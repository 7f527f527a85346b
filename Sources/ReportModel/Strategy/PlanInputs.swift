/// Figures derived once from a snapshot for the action rules.
struct PlanInputs {
    let report: SnapshotReport
    let previous: SnapshotReport?
    let config: ReportConfig
    let design: LoyaltyProgramDesign
    /// Share of the targeted value a campaign is assumed to move (`expectedWinBackRate`).
    let effect: Double
    /// Revenue per buyer (the `ltv` KPI), currency units.
    let customerValue: Double
    /// Revenue per order over the buyers (from the segments' mean frequency), else `customerValue`.
    let orderValue: Double

    init(report: SnapshotReport, previous: SnapshotReport?, config: ReportConfig, design: LoyaltyProgramDesign) {
        self.report = report
        self.previous = previous
        self.config = config
        self.design = design
        effect = config.actionPlan.expectedWinBackRate
        let buyers = report.counts.buyers
        let revenue = Money.value(report.revenueTotal)
        let ltv = report.kpis.first { $0.key == .ltv }?.value
        let value = ltv ?? (buyers > 0 ? revenue / Double(buyers) : 0)
        customerValue = value
        let orders = report.segments.reduce(0.0) { $0 + ($1.meanFrequency ?? 0) * Double($1.customers) }
        orderValue = orders > 0 ? revenue / orders : value
    }

    func kpi(_ key: KPIKey) -> KPIValue? { report.kpis.first { $0.key == key } }

    /// How far an off-target KPI is from its target, in its own unit (≥ 0); 0 when on target or unknown.
    func gap(_ key: KPIKey) -> Double {
        guard let k = kpi(key), k.status == .offTarget, let v = k.value, let t = k.target.value else { return 0 }
        return k.target.direction == .above ? max(0, t - v) : max(0, v - t)
    }

    static func measure(_ key: KPIKey) -> PlanEvidence.Measure {
        switch key {
        case .retentionRate, .churnRate, .ltvGrowthYoY, .csatSatisfiedShare, .repeatPurchaseRate: return .rate
        case .nps, .csat, .ces: return .score
        case .ltv: return .currency
        }
    }

    /// Evidence for each of `keys` that is off target.
    func offTargetEvidence(_ keys: [KPIKey]) -> [PlanEvidence] {
        keys.compactMap { key in
            guard let k = kpi(key), k.status == .offTarget else { return nil }
            return PlanEvidence(kind: .kpi(key), measure: Self.measure(key), value: k.value, target: k.target.value, direction: k.target.direction)
        }
    }

    /// A CRM contact cost line: `customers × touches` contacts at `contactCost`; nil when nothing to pay.
    func contacts(_ customers: Int, touches: Int, item: LocalizedText, actionID: String) -> BudgetLine? {
        let quantity = Double(customers * touches)
        guard quantity > 0, config.actionPlan.contactCost > 0 else { return nil }
        return BudgetLine(item: item, quantity: quantity, unitCost: config.actionPlan.contactCost,
                          basis: touches == 1
                            ? LocalizedText(en: "CRM contact, one per targeted customer", fr: "contact CRM, un par client ciblé")
                            : LocalizedText(en: "CRM contacts, \(touches) per targeted customer along the journey", fr: "contacts CRM, \(touches) par client ciblé au fil du parcours"),
                          actionID: actionID)
    }

    /// A per-customer cost line (`customers × unitCost`); nil when nothing to pay.
    func perCustomer(_ customers: Int, unitCost: Double, item: LocalizedText, basis: LocalizedText, actionID: String) -> BudgetLine? {
        guard customers > 0, unitCost > 0 else { return nil }
        return BudgetLine(item: item, quantity: Double(customers), unitCost: unitCost, basis: basis, actionID: actionID)
    }
}
