/// One field of a CSV record: a byte range into the file, without copying.
public struct CSVField: Sendable, Equatable {
    /// Offset of the first content byte (after an opening quote).
    public var start: Int
    /// Offset one past the last content byte (before a closing quote).
    public var end: Int
    /// Physical line on which the field starts (1-based).
    public var line: Int
    /// The field was enclosed in quotes.
    public var quoted: Bool
    /// The field holds `""` pairs that stand for one quote each.
    public var hasEscapedQuotes: Bool

    public var isEmpty: Bool { start == end }
    public var count: Int { end - start }
}
