/// How a segment is shown, given in the config (keys `name` and `action` of a segment rule): its
/// name and priority action in each language. A segment id of the user's own without them is shown
/// as its id, with no action; the seed's six have theirs in `SegmentCatalog`, which these replace.
public struct SegmentLabel: Sendable, Equatable {
    /// The display name (at most `maximumNameLength` characters, so that charts' legends hold it).
    public var name: LocalizedText?
    /// The priority action shown beside the segment.
    public var action: LocalizedText?

    public init(name: LocalizedText? = nil, action: LocalizedText? = nil) {
        self.name = name
        self.action = action
    }

    /// Longest name accepted: a chart legend or axis label fits it.
    public static let maximumNameLength = 40
    /// Longest action accepted: a table cell holds it.
    public static let maximumActionLength = 80
}
