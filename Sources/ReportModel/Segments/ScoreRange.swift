/// An inclusive range of RFM scores (1...5).
public struct ScoreRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ score: Int) -> Bool { score >= lower && score <= upper }
    public var description: String { lower == upper ? "\(lower)" : "\(lower)–\(upper)" }
}
