/// One problem found in an input file, located as `FILE:LINE:COLUMN`.
///
/// `column` is the 1-based field number in the CSV record (0 when the problem is about the whole file or line).
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// What is wrong.
    public var message: String
    /// What was expected instead.
    public var expected: String

    public init(file: String, line: Int, column: Int, message: String, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.expected = expected
    }

    /// `FILE:LINE:COLUMN: what is wrong (expected what)`; in French `(attendu : …)`.
    public var description: String {
        "\(file):\(line):\(column): \(message) (" + bilingual("expected ", "attendu\u{00A0}: ") + "\(expected))"
    }
}

/// The problems found in an input, capped for display: the first `limit` are kept, the rest counted.
public struct InputErrors: Error, Equatable, Sendable, CustomStringConvertible {
    /// How many errors are kept for display.
    public static let limit = 20

    public private(set) var first: [InputError] = []
    public private(set) var total = 0

    public init() {}
    public init(_ errors: [InputError]) { errors.forEach { append($0) } }

    public var isEmpty: Bool { total == 0 }
    /// True once more errors are pointless to collect (the display is full).
    public var isFull: Bool { total >= InputErrors.limit }

    public mutating func append(_ error: InputError) {
        total += 1
        if first.count < InputErrors.limit { first.append(error) }
    }

    public mutating func append(contentsOf other: InputErrors) {
        for e in other.first { append(e) }
        total += other.total - other.first.count
    }

    /// The kept problems one per line, each file's in line and column order (a row's checks do not
    /// run in column order: a bad `first_order_date` was listed after a bad `last_order_date`), files
    /// in the order they were read; then how many more there are.
    public var description: String {
        var fileOrder: [String: Int] = [:]
        for e in first where fileOrder[e.file] == nil { fileOrder[e.file] = fileOrder.count }
        let ordered = first.enumerated().sorted { a, b in
            (fileOrder[a.element.file]!, a.element.line, a.element.column, a.offset) < (fileOrder[b.element.file]!, b.element.line, b.element.column, b.offset)
        }
        var lines = ordered.map(\.element.description)
        if total > first.count { lines.append(bilingual("… and \(total - first.count) more problem(s)", "… et \(total - first.count) autre(s) problème(s)")) }
        return lines.joined(separator: "\n")
    }
}
