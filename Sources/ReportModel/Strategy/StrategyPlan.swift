/// The « Stratégie fidélisation » deliverable: ranked actions, budget, tools and team.
public struct StrategyPlan: Sendable {
    /// Ranked by `valueAtStake` descending, ties by id.
    public var actions: [PlanAction]
    /// Action costs in action order, then the loyalty programme's yearly reward cost.
    public var budget: [BudgetLine]
    /// Sum of the budget lines' amounts.
    public var budgetTotal: Double
    /// Tools the owning areas need, in area order.
    public var tools: [LocalizedText]
    /// One role per area that owns actions, in area order.
    public var team: [TeamRole]

    public init(actions: [PlanAction], budget: [BudgetLine], budgetTotal: Double, tools: [LocalizedText], team: [TeamRole]) {
        self.actions = actions
        self.budget = budget
        self.budgetTotal = budgetTotal
        self.tools = tools
        self.team = team
    }

    /// The actions of one horizon, still ranked.
    public func actions(_ horizon: PlanHorizon) -> [PlanAction] { actions.filter { $0.horizon == horizon } }
}
