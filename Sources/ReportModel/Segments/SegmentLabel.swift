/// How a segment is shown, given in the config (keys `name` and `action` of a segment rule): its
/// name and priority action in each language. A segment id of the user's own without them is shown
/// as its id, with no action; the seed's six have theirs in `SegmentCatalog`, which these replace.
public struct SegmentLabel: Sendable, Equatable {
    /// The display name (at most `maximumNameLength` characters).
    public var name: LocalizedText?
    /// The priority action shown beside the segment.
    public var action: LocalizedText?

    public init(name: LocalizedText? = nil, action: LocalizedText? = nil) {
        self.name = name
        self.action = action
    }

    /// Longest name accepted: a table cell holds it.
    public static let maximumNameLength = 40
    /// Longest name the charts show whole (the segment chart's labels, the migration matrix's
    /// rows); a longer one is warned about.
    public static let chartNameLength = 20
    /// Longest action accepted: a table cell holds it.
    public static let maximumActionLength = 80
}
