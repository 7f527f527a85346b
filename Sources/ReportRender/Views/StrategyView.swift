import ReportModel

/// The « Stratégie fidélisation » pieces of a snapshot's view: the seed's diagnostic rows, the ranked
/// action plan per horizon, the budget with its computation, tools and team — every figure formatted
/// for the locale. Templates read it under `plan`.
struct StrategyView {
    let report: SnapshotReport
    /// The snapshot before (tells the planner which segments grow); nil on the first snapshot.
    let previous: SnapshotReport?
    let config: ReportConfig
    let format: ReportFormatter
    /// The snapshot's proposed loyalty programme, when the caller has made it (the planner makes it otherwise).
    var design: LoyaltyProgramDesign? = nil

    private var locale: ReportLocale { config.locale }
    /// The text in the report's language (French with its no-break spaces).
    private func t(_ en: String, _ fr: String) -> String { format.text(en, fr) }

    func dictionary() -> [String: Any] {
        let plan = StrategyPlanner.plan(report, previous: previous, config: config, design: design)
        let rank = Dictionary(plan.actions.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let distinct = StrategyView.distinctValues(plan.actions)
        var v: [String: Any] = [
            "diagnostic": diagnostic(),
            "ltv_growth_known": report.kpi(.ltvGrowthYoY).value != nil,
            "count": format.integer(plan.actions.count),
            "count_one": format.isSingular(plan.actions.count),
            "has_actions": !plan.actions.isEmpty,
            // The values as shown (whole currency units), each counted once: an escalation's action
            // and a KPI's can value the same customers on the same basis (the churn crisis and the
            // win-back of lapsed customers; critical NPS and closing the loop with detractors).
            "value_total": format.money(distinct.reduce(0, +), decimals: 0),
            "value_shared": plan.actions.count != distinct.count,
            "revenue_per_buyer": format.money(report.kpi(.ltv).value),
        ]
        for (key, horizon) in [("short", PlanHorizon.shortTerm), ("medium", .mediumTerm), ("long", .longTerm)] {
            let actions = plan.actions(horizon)
            v[key] = [
                "actions": actions.enumerated().map { action($1, n: $0 + 1, rank: rank[$1.id] ?? 0) },
                "has_actions": !actions.isEmpty,
                "count": format.integer(actions.count),
                "value": format.money(actions.reduce(0) { $0 + $1.valueAtStake.rounded() }, decimals: 0),
            ] as [String: Any]
        }
        v["budget"] = [
            "lines": budgetByHorizon(plan).map { budgetLine($0, plan: plan) },
            "has_lines": !plan.budget.isEmpty,
            // The sum of the lines as shown (whole currency units), as the plan's total.
            "total": format.money(plan.budget.reduce(0) { $0 + $1.amount.rounded() }, decimals: 0),
        ] as [String: Any]
        v["tools"] = plan.tools.map { ["text": format.text($0)] }
        v["has_tools"] = !plan.tools.isEmpty
        v["team"] = plan.team.map { role in
            [
                "area": AreaText.name(role.area, locale),
                "role": format.text(role.role),
                "load": format.text(role.load),
                "actions": format.integer(role.actions),
                "horizons": role.horizons.map { format.text($0.label) }.joined(separator: ", "),
            ]
        }
        v["has_team"] = !plan.team.isEmpty
        v["settings"] = [
            "win_back_incentive": format.money(config.actionPlan.winBackIncentive),
            "contact_cost": format.money(config.actionPlan.contactCost),
            "personal_intervention_cost": format.money(config.actionPlan.personalInterventionCost),
            "expected_win_back_rate": format.percent(config.actionPlan.expectedWinBackRate, decimals: 0),
        ]
        return v
    }

    /// The actions' values as shown, one per distinct (basis, audience, value): the same customers
    /// valued the same way by two actions count once.
    static func distinctValues(_ actions: [PlanAction]) -> [Double] {
        var seen = Set<String>()
        return actions.compactMap { a in
            let value = a.valueAtStake.rounded()
            return seen.insert("\(a.valueBasis.en)|\(a.audience.map(String.init) ?? "-")|\(value)").inserted ? value : nil
        }
    }

    // MARK: - Diagnostic (the seed's table)

    /// Retention, churn, LTV, NPS, CSAT and repeat purchase: current value against target.
    func diagnostic() -> [[String: Any]] {
        var rows: [[String: Any]] = []
        /// `missing`: the input column whose absence is why the KPI has no value (a ledger's), said
        /// instead of "no data", as the dashboard says it.
        func row(_ name: String, _ value: String, _ target: String, _ status: KPIStatus, missing: SnapshotColumn? = nil) {
            rows.append(["name": name, "value": value, "target": target, "status": missing.map { "— " + KPIText.noColumn($0, locale) } ?? icon(status)])
        }
        for key in [KPIKey.retentionRate, .churnRate] {
            let k = report.kpi(key)
            row(KPIText.name(key, locale), KPIText.format(key, k.value, format), KPIText.target(key, k.target, format), k.status)
        }
        // LTV: the seed's target is growth; when the value of a year ago is known, it becomes an amount.
        let ltv = report.kpi(.ltv), growth = report.kpi(.ltvGrowthYoY)
        var value = KPIText.format(.ltv, ltv.value, format)
        var target = growth.target.value == nil ? "—" : KPIText.target(.ltvGrowthYoY, growth.target, format) + t(" in a year", " sur un an")
        if let g = growth.value, let now = ltv.value, g > -1 {
            value += " (" + format.signedPercent(g) + t(" in a year", " sur un an") + ")"
            if let goal = growth.target.value {
                let sign = growth.target.direction == .above ? "> " : "< "
                target = sign + format.money(now / (1 + g) * (1 + goal)) + " (" + format.signedPercent(goal, decimals: 0) + t(" in a year", " sur un an") + ")"
            }
        }
        if growth.status == .noData && ltv.value != nil && growth.target.value != nil {
            // The LTV is known; its growth needs a snapshot about a year earlier.
            rows.append(["name": t("Historical LTV", "LTV historique"), "value": value, "target": target,
                         "status": t("— no snapshot a year earlier to compare", "— pas de relevé un an plus tôt pour comparer")])
        } else {
            row(t("Historical LTV", "LTV historique"), value, target, growth.status)
        }
        for key in [KPIKey.nps, .csat, .repeatPurchaseRate] {
            let k = report.kpi(key)
            row(KPIText.name(key, locale), KPIText.format(key, k.value, format), KPIText.target(key, k.target, format), k.status,
                missing: KPIText.missingColumn(k, report.missingInputColumns))
        }
        return rows
    }

    func icon(_ s: KPIStatus) -> String {
        switch s {
        case .onTarget: return t("✓ on target", "✓ dans la cible")
        case .offTarget: return t("⚠ off target", "⚠ hors cible")
        case .noData: return t("— no data", "— pas de données")
        case .noTarget: return "—"
        }
    }

    // MARK: - Actions

    func action(_ a: PlanAction, n: Int, rank: Int) -> [String: Any] {
        let evidence = a.evidence.map(evidenceText)
        // The rationale and the evidence follow a label's colon (« Pourquoi : », « Constat : »),
        // after which French takes a lower-case letter (« Pourquoi : le churn… »); English keeps
        // the capital of a sentence ("Why: The churn…"). Acronyms stay as they are (« NPS »).
        func afterColon(_ text: String) -> String { locale == .fr ? KPIText.inSentence(text) : text }
        return [
            "n": String(n),
            "rank": String(rank),
            "id": a.id,
            "title": format.text(a.title),
            "rationale": afterColon(format.text(a.rationale)),
            "owner": AreaText.name(a.owner, locale),
            // Items after the first start lower-case, as after any semicolon ("…; retention rate 81.5%").
            "evidence": evidence.enumerated().map { $0.offset == 0 ? afterColon($0.element) : KPIText.inSentence($0.element) }.joined(separator: t("; ", "\u{202F}; ")),
            "has_evidence": !evidence.isEmpty,
            "audience": a.audience.map { format.integer($0) } ?? "—",
            "has_audience": a.audience != nil,
            "value": format.money(a.valueAtStake, decimals: 0),
            "value_basis": format.text(a.valueBasis),
            "has_cost": a.cost != nil,
            "cost": a.cost.map { format.money($0.amount, decimals: 0) } ?? "—",
            "cost_computation": a.cost.map(computation) ?? "",
            "cost_basis": a.cost.map { format.text($0.basis) } ?? "",
            "is_escalation": a.escalation != nil,
            "escalation": a.escalation.map { EscalationText.name($0, locale) } ?? "",
        ]
    }

    /// One figure behind an action, e.g. `Churn rate 18.5% (target < 5.0%)`.
    func evidenceText(_ e: PlanEvidence) -> String {
        switch e.kind {
        case .kpi(let key):
            // The target the action was judged against, as the evidence carries it.
            let target = KPITarget(e.target, e.direction ?? report.kpi(key).target.direction)
            return KPIText.name(key, locale) + " " + KPIText.format(key, e.value, format) + " (" + t("target ", "cible ") + KPIText.target(key, target, format) + ")"
        case .segment(let id):
            // "holds", not a colon: the text follows "Evidence:" (it read "Evidence: At risk: 11.3%").
            var text = t("The ", "Le segment ") + config.segments.displayName(id, locale) + t(" segment", "") + t(" holds ", " regroupe ") + measure(e.value, e.measure) + t(" of buyers", " des acheteurs")
            if let before = e.previous {
                text += " (" + t("previously ", "précédemment ") + measure(before, e.measure) + ")"
            }
            return text
        case .escalation(let kind):
            // A dash, not a colon: the text follows "Evidence:" (it read "Evidence: Churn crisis: churn …").
            let name = EscalationText.name(kind, locale) + " — "
            switch kind {
            case .npsCritical:
                return name + "NPS " + measure(e.value, e.measure) + " (" + t("critical threshold ", "seuil critique ") + measure(e.target, e.measure) + ")"
            case .churnCrisis:
                return name + "churn " + measure(e.value, e.measure) + " (" + t("crisis threshold ", "seuil de crise ") + measure(e.target, e.measure) + ")"
            case .vipAtRisk, .publicComplaint, .largeRefund:
                return name + format.counted(Int(e.value ?? 0), ("customer", "customers"), ("client", "clients"))
            }
        }
    }

    func measure(_ value: Double?, _ m: PlanEvidence.Measure) -> String {
        switch m {
        case .rate: return format.percent(value)
        case .score: return format.number(value, decimals: 1)
        case .currency: return format.money(value)
        case .count: return value.map { format.integer(Int($0.rounded())) } ?? format.missing
        }
    }

    // MARK: - Budget

    /// The budget lines grouped by horizon (0–30 days first), the programme's rewards last; plan order within.
    func budgetByHorizon(_ plan: StrategyPlan) -> [BudgetLine] {
        func group(_ line: BudgetLine) -> Int {
            guard let id = line.actionID, id != PlanAction.loyaltyProgrammeID, let action = plan.actions.first(where: { $0.id == id }) else { return PlanHorizon.allCases.count }
            return PlanHorizon.allCases.firstIndex(of: action.horizon) ?? PlanHorizon.allCases.count
        }
        return plan.budget.enumerated().sorted { a, b in
            let ga = group(a.element), gb = group(b.element)
            return ga != gb ? ga < gb : a.offset < b.offset
        }.map(\.element)
    }

    func budgetLine(_ line: BudgetLine, plan: StrategyPlan) -> [String: Any] {
        let horizon = line.actionID.flatMap { id in plan.actions.first { $0.id == id }?.horizon }
        // The programme's rewards (no action, or the programme launch, which has no cost of its own).
        let when = line.actionID == nil || line.actionID == PlanAction.loyaltyProgrammeID
            ? t("first year of the programme", "première année du programme")
            : horizon.map { format.text($0.label) } ?? "—"
        return [
            "item": format.text(line.item),
            "when": when,
            "quantity": quantity(line.quantity),
            "unit_cost": format.preciseMoney(line.unitCost),
            "computation": computation(line),
            "basis": format.text(line.basis),
            "amount": format.money(line.amount, decimals: 0),
        ]
    }

    /// `quantity × unit cost`, e.g. `28 × €10.00`.
    func computation(_ line: BudgetLine) -> String {
        quantity(line.quantity) + " × " + format.preciseMoney(line.unitCost)
    }

    func quantity(_ q: Double) -> String { format.number(q, decimals: 0) }
}
