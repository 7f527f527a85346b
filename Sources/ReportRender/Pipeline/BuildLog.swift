import ReportModel

/// Progress lines of a build (`[i/n] step`), written to standard error unless quiet, and the
/// warnings that must be said before work that may not finish (`warnUpFront`), quiet or not.
public struct BuildLog: Sendable {
    private let sink: @Sendable (String) -> Void
    private let upFront: @Sendable (String) -> Void
    /// The words of its lines, in the messages' language (`MessageLanguage`).
    public var wording: RunWording { RunWording() }

    /// A log writing every line to `sink`, a warning said up front as a note.
    public init(_ sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        upFront = { sink("      " + MessageLanguage.warningPrefix + $0) }
    }

    /// `3 buyers`, `1 buyer`: a count and its English noun, for the console's lines.
    public static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A quiet log: no progress, only the warnings said up front, each given to `warnings`.
    public static func quiet(warnings: @escaping @Sendable (String) -> Void) -> BuildLog {
        BuildLog(sink: { _ in }, upFront: warnings)
    }

    private init(sink: @escaping @Sendable (String) -> Void, upFront: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        self.upFront = upFront
    }

    /// A log that prints nothing.
    public static let silent = BuildLog { _ in }

    public func step(_ index: Int, _ total: Int, _ text: String) { sink("[\(index)/\(total)] \(text)") }
    public func note(_ text: String) { sink("      \(text)") }
    /// A warning about the machine that must be said before the work it is about starts, as the
    /// run may be stopped without a word of its own (a ledger too large for the memory this
    /// process may use, which the kernel then kills): under `--quiet` too.
    public func warnUpFront(_ text: String) { upFront(text) }
}
