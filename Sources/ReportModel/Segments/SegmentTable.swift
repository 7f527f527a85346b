/// The first-match table that assigns an RFM score triple to a segment.
///
/// Built once into a 125-entry lookup; a table that leaves a triple unmatched is rejected.
public struct SegmentTable: Sendable, Equatable {
    public let rules: [SegmentRule]
    /// Segment ids: the seed's six in metrics.md's order, whether or not a rule names them (so that
    /// `metrics.json` and the migration matrix always carry the six keys, zero when a user table
    /// leaves one out), and the user-defined ids among them where the rules put them (see
    /// `segmentIDs`). Every table, chart and list shows the segments in this order.
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

    /// The `segments` of a table with these rules: the seed's six in their order, each id of the
    /// user's own just before the first seed segment whose first rule comes after its first rule
    /// (rules run from the best customers down, so `vip` above `champions` is listed first, and a
    /// `vip_watch` among the low-recency rules before `at_risk`), the others last; user ids keep
    /// the order of their first rules. A seed id no rule names (an empty segment) stands where the
    /// next one that a rule names does. (Listed after the six, a VIP segment came below Lost.)
    public static func segmentIDs(_ rules: [SegmentRule]) -> [String] {
        var firstRule: [String: Int] = [:]
        for (i, rule) in rules.enumerated() where firstRule[rule.segment] == nil { firstRule[rule.segment] = i }
        var own = ArraySlice(rules.map(\.segment).enumerated().filter { i, id in firstRule[id] == i && SegmentCatalog.entries[id] == nil }.map(\.element))
        var position: [String: Int] = [:], next = Int.max
        for seed in SegmentCatalog.seedOrder.reversed() {
            next = firstRule[seed] ?? next
            position[seed] = next
        }
        var ids: [String] = []
        for seed in SegmentCatalog.seedOrder {
            while let id = own.first, firstRule[id]! < position[seed]! { ids.append(id); own.removeFirst() }
            ids.append(seed)
        }
        return ids + own
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
