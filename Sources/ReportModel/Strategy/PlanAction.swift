/// One action of the strategy plan, triggered by an off-target KPI, a large or growing segment or a
/// raised escalation.
public struct PlanAction: Sendable, Equatable {
    /// Stable machine id, e.g. `winback-at_risk`.
    public var id: String
    /// The id of the action that launches (or redesigns) the loyalty programme, whose rewards the
    /// budget lists on a line of their own.
    public static let loyaltyProgrammeID = "launch-loyalty-programme"
    public var horizon: PlanHorizon
    /// What the action is about (decides `owner` and, outside escalations, `horizon`).
    public var topic: PlanTopic
    /// The specialist area that owns it, by `DecisionTree`.
    public var owner: SpecialistArea
    /// Imperative title without figures.
    public var title: LocalizedText
    /// Why the action is in the plan; its counts are in `evidence` and `audience`, which the views
    /// format (a share of revenue, a whole percent, is the one figure it may hold).
    public var rationale: LocalizedText
    /// The figures that triggered it.
    public var evidence: [PlanEvidence]
    /// Customers targeted; nil when the action is not about a customer list.
    public var audience: Int?
    /// Value at stake in currency units, the ranking key (descending).
    public var valueAtStake: Double
    /// How `valueAtStake` was computed, without figures.
    public var valueBasis: LocalizedText
    /// Estimated cost; nil for internal work with no direct spend.
    public var cost: BudgetLine?
    /// The escalation behind it, if any.
    public var escalation: EscalationKind?

    public init(id: String, horizon: PlanHorizon, topic: PlanTopic, owner: SpecialistArea, title: LocalizedText, rationale: LocalizedText,
                evidence: [PlanEvidence], audience: Int?, valueAtStake: Double, valueBasis: LocalizedText, cost: BudgetLine?, escalation: EscalationKind? = nil) {
        self.id = id
        self.horizon = horizon
        self.topic = topic
        self.owner = owner
        self.title = title
        self.rationale = rationale
        self.evidence = evidence
        self.audience = audience
        self.valueAtStake = valueAtStake
        self.valueBasis = valueBasis
        self.cost = cost
        self.escalation = escalation
    }
}

extension PlanAction {
    /// An action whose owner and horizon follow `DecisionTree` (escalations always run in 0–30 days);
    /// a negative or non-finite value at stake counts as 0.
    init(id: String, topic: PlanTopic, title: LocalizedText, rationale: LocalizedText, evidence: [PlanEvidence], audience: Int?,
         value: Double, basis: LocalizedText, cost: BudgetLine?, escalation: EscalationKind? = nil) {
        self.init(id: id, horizon: escalation == nil ? DecisionTree.horizon(forTopic: topic) : .shortTerm, topic: topic,
                  owner: escalation?.owner ?? DecisionTree.owner(forTopic: topic),
                  title: title, rationale: rationale, evidence: evidence, audience: audience,
                  valueAtStake: value.isFinite ? max(0, value) : 0, valueBasis: basis, cost: cost, escalation: escalation)
    }
}
