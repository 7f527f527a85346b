/// A structural CSV problem that stops reading a file.
public struct CSVSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
    public var expected: String

    /// Locates the problem in a named file.
    public func located(in file: String) -> InputError {
        InputError(file: file, line: line, column: column, message: message, expected: expected)
    }
}
