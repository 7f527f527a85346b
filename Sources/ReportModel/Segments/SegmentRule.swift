/// One row of the segment table: a segment id and the R, F and M score ranges it covers.
public struct SegmentRule: Sendable, Equatable {
    public var segment: String
    public var recency: ScoreRange
    public var frequency: ScoreRange
    public var monetary: ScoreRange

    public init(_ segment: String, r: ScoreRange, f: ScoreRange, m: ScoreRange) {
        self.segment = segment
        self.recency = r
        self.frequency = f
        self.monetary = m
    }

    public func matches(r: Int, f: Int, m: Int) -> Bool {
        recency.contains(r) && frequency.contains(f) && monetary.contains(m)
    }
}
