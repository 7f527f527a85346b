/// A role the plan needs, one per specialist area that owns actions.
public struct TeamRole: Sendable, Equatable {
    /// How much of the role the plan takes.
    public enum Load: String, Sendable, Equatable {
        /// One action.
        case light
        /// Two actions.
        case medium
        /// Three or more actions, or a raised escalation to handle.
        case high
    }

    public var area: SpecialistArea
    /// Who, and what they do.
    public var role: LocalizedText
    public var level: Load
    /// The load in words.
    public var load: LocalizedText
    /// Actions the area owns.
    public var actions: Int
    /// Horizons in which it owns actions, in horizon order.
    public var horizons: [PlanHorizon]

    public init(area: SpecialistArea, role: LocalizedText, level: Load, load: LocalizedText, actions: Int, horizons: [PlanHorizon]) {
        self.area = area
        self.role = role
        self.level = level
        self.load = load
        self.actions = actions
        self.horizons = horizons
    }
}
