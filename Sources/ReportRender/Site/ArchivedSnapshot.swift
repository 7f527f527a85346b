import Foundation
import ReportModel

/// What a snapshot folder keeps for a later build that reuses it (`.fidelis-views.json`, written
/// with `ViewArchive`): the template views its HTML pages are rendered from, and its feedback
/// routing counts, all that the later snapshots' trend tables need of its routing (its sample
/// verbatims only show on its own pages), so that a reused snapshot is not routed again.
struct ArchivedSnapshot {
    static let fileName = ".fidelis-views.json"

    /// The snapshot's view (`SnapshotView.dictionary()` with its customers).
    var base: [String: Any]
    /// Its dashboard charts (`SnapshotPages.charts`).
    var charts: [[String: Any]]
    /// Its routing counts, without sample verbatims.
    var feedback: FeedbackRouting

    init(base: [String: Any], charts: [[String: Any]], feedback: FeedbackRouting) {
        self.base = base
        self.charts = charts
        var counts = FeedbackRouting()
        counts.counts = feedback.counts
        counts.unrouted = feedback.unrouted
        self.feedback = counts
    }

    /// Reads an archive back; nil when it is incomplete or damaged (its snapshot is then rebuilt).
    init?(data: Data) {
        guard let views = ViewArchive.views(data), let base = views["base"] as? [String: Any], let charts = views["charts"] as? [[String: Any]],
              let feedback = views["feedback"] as? [String: Any], let counts = feedback["counts"] as? [String: Any],
              let unrouted = feedback["unrouted"] as? Int else { return nil }
        var routing = FeedbackRouting()
        routing.unrouted = unrouted
        for (key, value) in counts {
            guard let area = SpecialistArea(rawValue: key), let n = value as? Int else { return nil }
            routing.counts[area] = n
        }
        self.base = base
        self.charts = charts
        self.feedback = routing
    }

    /// The archive's bytes; nil when a view holds a value `ViewArchive` cannot keep.
    var data: Data? {
        let feedback: [String: Any] = [
            "counts": Dictionary(uniqueKeysWithValues: self.feedback.counts.map { ($0.key.rawValue, $0.value) }),
            "unrouted": self.feedback.unrouted,
        ]
        return ViewArchive.archive(["base": base, "charts": charts, "feedback": feedback])
    }
}
