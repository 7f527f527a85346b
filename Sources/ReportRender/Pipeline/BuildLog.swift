/// Progress lines of a build (`[i/n] step`), written to standard error unless quiet.
public struct BuildLog: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// A log that prints nothing.
    public static let silent = BuildLog { _ in }

    public func step(_ index: Int, _ total: Int, _ text: String) { sink("[\(index)/\(total)] \(text)") }
    public func note(_ text: String) { sink("      \(text)") }
}
