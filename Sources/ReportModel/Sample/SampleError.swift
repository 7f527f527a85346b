/// A problem with the sample settings or with writing the sample files.
public struct SampleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in one sentence.
    public var message: String
    /// When a setting is out of range: its name (`customers`, `months`) and what it must be
    /// (`at least 1`, in the messages' language), for a caller to word the problem in its own
    /// terms (a command-line option).
    public var setting: String?
    public var requirement: String?

    public init(_ message: String) { self.message = message }

    /// `setting` out of range: "customers must be at least 1 (got 0)".
    public init(setting: String, requirement: String, got value: Int) {
        self.init(bilingual("\(setting) must be \(requirement) (got \(value))", "\(setting) doit être \(requirement) (reçu\u{00A0}: \(value))"))
        self.setting = setting
        self.requirement = requirement
    }

    public var description: String { message }
}
