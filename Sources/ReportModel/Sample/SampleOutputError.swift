/// The sample files could not be written (the folder is read-only, the disk is full…).
public struct SampleOutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder that could not be written.
    public var path: String
    /// The system's reason (`Permission denied`).
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { bilingual("cannot write \(path): \(reason)", "impossible d'écrire \(path)\u{00A0}: \(reason)") }
}
