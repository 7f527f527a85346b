/// The first-match table that assigns an RFM score triple to a segment.
///
/// Built once into a 125-entry lookup; a table that leaves a triple unmatched is rejected.
public struct SegmentTable: Sendable, Equatable {
    public let rules: [SegmentRule]
    /// Segment ids: the seed's six in metrics.md's order, whether or not a rule names them (so that
    /// `metrics.json` and the migration matrix always carry the six keys, zero when a user table
    /// leaves one out), then any user-defined ids in the order they first appear in the rules.
    public let segments: [String]
    private let lookup: [Int8]
    /// Names and actions given in the config, by segment id (see `name`, `action`).
    public var labels: [String: SegmentLabel] = [:]

    /// A triple no rule matches.
    public struct Gap: Error, Equatable, Sendable {
        public var r: Int, f: Int, m: Int
    }

    /// Most segment ids a table may name, the seed's six included (indexes are kept in `Int8`).
    public static let maximumSegments = 100

    /// The `segments` of a table with these rules: the seed's six, then the rules' other ids in
    /// order of first appearance.
    public static func segmentIDs(_ rules: [SegmentRule]) -> [String] {
        var ids = SegmentCatalog.seedOrder
        for rule in rules where !ids.contains(rule.segment) { ids.append(rule.segment) }
        return ids
    }

    public init(rules: [SegmentRule]) throws(Gap) {
        let ids = SegmentTable.segmentIDs(rules)
        precondition(ids.count <= SegmentTable.maximumSegments, "more than \(SegmentTable.maximumSegments) segment ids (ConfigLoader rejects them)")
        var table = [Int8](repeating: -1, count: 125)
        for r in 1...5 {
            for f in 1...5 {
                for m in 1...5 {
                    guard let rule = rules.first(where: { $0.matches(r: r, f: f, m: m) }) else { throw Gap(r: r, f: f, m: m) }
                    table[SegmentTable.slot(r, f, m)] = Int8(ids.firstIndex(of: rule.segment)!)
                }
            }
        }
        self.rules = rules
        self.segments = ids
        self.lookup = table
    }

    @inline(__always) static func slot(_ r: Int, _ f: Int, _ m: Int) -> Int { (r - 1) * 25 + (f - 1) * 5 + (m - 1) }

    /// The index (into `segments`) of the segment for a score triple.
    @inline(__always) public func segmentIndex(r: Int, f: Int, m: Int) -> Int { Int(lookup[SegmentTable.slot(r, f, m)]) }

    /// The seed's table (metrics.md).
    public static let seed: SegmentTable = try! SegmentTable(rules: [
        SegmentRule("champions", r: .init(3, 5), f: .init(4, 5), m: .init(4, 5)),
        SegmentRule("loyal", r: .init(3, 5), f: .init(4, 5), m: .init(1, 5)),
        SegmentRule("potential", r: .init(3, 5), f: .init(1, 5), m: .init(1, 5)),
        SegmentRule("at_risk", r: .init(1, 2), f: .init(4, 5), m: .init(1, 5)),
        SegmentRule("at_risk", r: .init(1, 2), f: .init(1, 5), m: .init(4, 5)),
        SegmentRule("hibernating", r: .init(1, 2), f: .init(3, 5), m: .init(1, 5)),
        SegmentRule("hibernating", r: .init(1, 2), f: .init(1, 5), m: .init(3, 5)),
        SegmentRule("lost", r: .init(1, 2), f: .init(1, 5), m: .init(1, 5)),
    ])
}
