import Foundation

/// Names and seed actions of the seed's six segments, in French and English. The profiles are
/// metrics.md's, but at risk's: its default rules take a low recency with a high frequency *or* a
/// high monetary score (half the sample's at-risk buyers have one order), so `R↓ F↑/M↑`, not `R↓ F↑ M↑`.
public enum SegmentCatalog {
    public struct Entry: Sendable {
        public var fr: String, en: String, profile: String, actionFR: String, actionEN: String
    }

    public static let entries: [String: Entry] = [
        "champions": Entry(fr: "Champions", en: "Champions", profile: "R↑ F↑ M↑", actionFR: "Récompenser", actionEN: "Reward"),
        "loyal": Entry(fr: "Loyaux", en: "Loyal", profile: "R↑ F↑ M→", actionFR: "Faire monter en gamme", actionEN: "Upsell"),
        "potential": Entry(fr: "Potentiels", en: "Potential", profile: "R↑ F→ M→", actionFR: "Fidéliser", actionEN: "Nurture"),
        "at_risk": Entry(fr: "À risque", en: "At risk", profile: "R↓ F↑/M↑", actionFR: "Reconquérir", actionEN: "Win-back"),
        "hibernating": Entry(fr: "Endormis", en: "Hibernating", profile: "R↓ F↓ M→", actionFR: "Réactiver", actionEN: "Reactivate"),
        "lost": Entry(fr: "Perdus", en: "Lost", profile: "R↓ F↓ M↓", actionFR: "Lâcher ou réactiver", actionEN: "Let go or reactivate"),
    ]

    /// The six ids in metrics.md's order, best to worst.
    public static let seedOrder = ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"]

    /// The seed id that `name` spells another way (another case, a display name such as "Loyaux" or
    /// "At risk", spaces or hyphens for underscores, accents left out), or nil when `name` is a seed
    /// id as it stands or names no seed segment. A rule table with `id: Champions` would otherwise
    /// add a seventh segment beside an empty `champions`.
    public static func seedID(spelledAs name: String) -> String? {
        guard entries[name] == nil else { return nil }
        func normalized(_ s: String) -> String {
            s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        }
        let wanted = normalized(name)
        return seedOrder.first { id in
            let e = entries[id]!
            return [id, e.fr, e.en].contains { normalized($0) == wanted }
        }
    }

    /// Display name of a segment id (the id itself for user-defined segments).
    public static func name(_ id: String, _ locale: ReportLocale) -> String {
        guard let e = entries[id] else { return id }
        return locale == .fr ? e.fr : e.en
    }

    /// The seed's action for a segment id, if it is one of the six.
    public static func action(_ id: String, _ locale: ReportLocale) -> String? {
        guard let e = entries[id] else { return nil }
        return locale == .fr ? e.actionFR : e.actionEN
    }
}
