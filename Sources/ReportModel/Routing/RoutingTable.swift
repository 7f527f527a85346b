/// Keywords per specialist area, in tie-break order (earlier rows win ties).
public struct RoutingTable: Sendable, Equatable {
    public var keywords: [(area: SpecialistArea, words: [String])]

    public init(keywords: [(area: SpecialistArea, words: [String])]) { self.keywords = keywords }

    /// The seed's table (metrics.md). English equivalents may be added by config.
    public static let seed = RoutingTable(keywords: [
        (.lifecycleManagement, ["onboarding", "activation", "parcours client", "cycle de vie"]),
        (.loyaltyPrograms, ["points", "récompenses", "tiers", "VIP", "gamification", "fidélité"]),
        (.churnPrevention, ["churn", "attrition", "désengagement", "risque", "réactivation"]),
        (.customerSuccess, ["NPS", "satisfaction", "CSAT", "CES", "accompagnement", "succès"]),
    ])

    /// Adds keywords to an area (config `routing.keywords`).
    public mutating func add(_ words: [String], to area: SpecialistArea) {
        guard let i = keywords.firstIndex(where: { $0.area == area }) else { return }
        keywords[i].words.append(contentsOf: words)
    }

    public static func == (lhs: RoutingTable, rhs: RoutingTable) -> Bool {
        lhs.keywords.map(\.area) == rhs.keywords.map(\.area) && lhs.keywords.map(\.words) == rhs.keywords.map(\.words)
    }
}
