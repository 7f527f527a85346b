/// A problem with the sample settings or with writing the sample files.
public struct SampleError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in one sentence.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
