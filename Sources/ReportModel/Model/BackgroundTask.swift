import Dispatch

/// A value worked out on a thread of its own, started at once and awaited with `wait()` or handed
/// over with `take()`: the fits, reads and routing that run beside other work of a build.
public final class BackgroundTask<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the job or the initializer, read only after `group.wait()`.
    private var value: Value?

    /// Starts `work` on a thread of the global queue.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in value = work() }
    }

    /// A value known already (no thread started).
    public init(value: Value) {
        self.value = value
    }

    /// Waits for the value.
    public func wait() -> Value {
        group.wait()
        return value!
    }

    /// Waits for the value and hands it over: the task keeps no reference, so that the caller holds
    /// the only one (and can change its storage in place). Call once.
    public func take() -> Value {
        group.wait()
        defer { value = nil }
        return value!
    }
}
