/// Builds the « Stratégie fidélisation » plan from a snapshot's KPIs, segments and escalations.
///
/// Rules: each off-target KPI yields its lever's actions (`KPIActionRules`); each segment with a share of
/// buyers ≥ `largeSegmentShare`, or up ≥ `growingSegmentPoints` since `previous`, or a share of
/// revenue ≥ `valuableSegmentRevenueShare`, yields its action
/// (`SegmentActionRules`); each raised escalation yields a 0–30 day action (`EscalationActionRules`).
/// Owners and horizons follow `DecisionTree`. Actions are ranked by value at stake, then id.
/// The budget is the actions' costs plus the proposed programme's yearly reward cost.
public enum StrategyPlanner {
    /// A segment holding at least this share of buyers is large.
    public static let largeSegmentShare = 0.15
    /// A segment whose share rose by at least this much (0.02 = 2 points) is growing.
    public static let growingSegmentPoints = 0.02
    /// A segment holding at least this share of cumulative revenue is valuable: its action is
    /// planned even when it holds few buyers (the at-risk segment: 11 % of the examples' buyers
    /// but 12 % of their revenue, whose win-back the plan left out).
    public static let valuableSegmentRevenueShare = 0.10

    /// The plan for `report`; `previous` (the snapshot before) tells which segments grow. `design`:
    /// the snapshot's proposed loyalty programme when the caller has it already (its reward cost is
    /// budgeted); made here otherwise.
    public static func plan(_ report: SnapshotReport, previous: SnapshotReport?, config: ReportConfig,
                            design: LoyaltyProgramDesign? = nil) -> StrategyPlan {
        let design = design ?? LoyaltyProgramDesigner.design(
            report, config: config, daysSincePrevious: previous.map { report.period.asOf.days(since: $0.period.asOf) })
        let input = PlanInputs(report: report, previous: previous, config: config, design: design)
        let actions = rank(KPIActionRules.actions(input) + SegmentActionRules.actions(input) + EscalationActionRules.actions(input))

        var budget = actions.compactMap(\.cost)
        let redeemed = design.pointsIssued * design.redemptionRate
        if redeemed > 0, design.burnRate > 0 {
            budget.append(BudgetLine(
                item: LocalizedText(en: "Loyalty programme rewards (first year)", fr: "Récompenses du programme de fidélité (première année)"),
                quantity: redeemed, unitCost: design.burnRate,
                basis: LocalizedText(en: "points expected to be redeemed, at the point value", fr: "points dont l'échange est attendu, à la valeur du point"),
                actionID: actions.contains { $0.id == PlanAction.loyaltyProgrammeID } ? PlanAction.loyaltyProgrammeID : nil))
        }
        let total = budget.reduce(0) { $0 + $1.amount }
        return StrategyPlan(actions: actions, budget: budget, budgetTotal: total,
                            tools: StrategyResources.tools(actions, cadence: SnapshotCadence.of(report, config: config)), team: StrategyResources.team(actions))
    }

    /// Value at stake descending, ties by id.
    static func rank(_ actions: [PlanAction]) -> [PlanAction] {
        actions.sorted { $0.valueAtStake != $1.valueAtStake ? $0.valueAtStake > $1.valueAtStake : $0.id < $1.id }
    }
}
