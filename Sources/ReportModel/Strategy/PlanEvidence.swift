/// A figure behind an action, left unformatted for the renderer.
public struct PlanEvidence: Sendable, Equatable {
    /// What the figure is about.
    public enum Kind: Sendable, Equatable, Hashable {
        case kpi(KPIKey)
        case segment(String)
        case escalation(EscalationKind)
    }

    /// How the renderer should format `value`, `target` and `previous`.
    public enum Measure: String, Sendable, Equatable {
        /// A share in 0...1 (rates, segment shares).
        case rate
        /// A score on its own scale (NPS −100…100, CSAT 1–5, CES).
        case score
        /// An amount in currency units.
        case currency
        /// A number of customers.
        case count
    }

    public var kind: Kind
    public var measure: Measure
    /// The observed figure; nil without data.
    public var value: Double?
    /// The target or threshold it is judged against; nil when none.
    public var target: Double?
    /// Whether the value should be above or below `target`.
    public var direction: KPITarget.Direction?
    /// The same figure at the previous snapshot (segment shares), when known.
    public var previous: Double?

    public init(kind: Kind, measure: Measure, value: Double?, target: Double? = nil, direction: KPITarget.Direction? = nil, previous: Double? = nil) {
        self.kind = kind
        self.measure = measure
        self.value = value
        self.target = target
        self.direction = direction
        self.previous = previous
    }
}
