/// The feedback of one snapshot routed to the specialist areas.
public struct FeedbackRouting: Sendable, Equatable {
    /// Verbatims per area.
    public var counts: [SpecialistArea: Int] = [:]
    public var unrouted = 0
    /// A few verbatims per area (the first by customer id), with the customer id; "unrouted" is nil.
    public var samples: [SpecialistArea?: [(customer: String, text: String)]] = [:]

    /// How many verbatims are kept per area for display.
    public static let samplesPerArea = 5

    public init() {}

    public var total: Int { counts.values.reduce(0, +) + unrouted }

    public static func == (lhs: FeedbackRouting, rhs: FeedbackRouting) -> Bool {
        lhs.counts == rhs.counts && lhs.unrouted == rhs.unrouted
    }
}
