import Dispatch

/// A value worked out on a thread of its own, started at once and awaited with `wait()` or handed
/// over with `take()`: the fits, reads and routing that run beside other work of a build.
///
/// Sendable by hand: `value` is written once, by the job or the initializer, and read only after
/// `group.wait()`; `take()`, which clears it, is for the one owner that awaits the task last.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the job or the initializer, read only after `group.wait()`; nil once taken.
    private var value: Value?

    /// Starts `work` on a thread of the global queue.
    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in value = work() }
    }

    /// A value known already (no thread started).
    public init(value: Value) {
        self.value = value
    }

    /// Waits for the value. Not after `take()`, which has handed it over (a precondition).
    public func wait() -> Value {
        group.wait()
        guard let value else { preconditionFailure("BackgroundTask.wait() after take(): the value was handed over") }
        return value
    }

    /// Waits for the value and hands it over: the task keeps no reference, so that the caller holds
    /// the only one (and can change its storage in place). Once only, and no `wait()` after it (a
    /// precondition).
    public func take() -> Value {
        group.wait()
        guard let taken = value.take() else { preconditionFailure("BackgroundTask.take() called twice: the value was handed over") }
        return taken
    }
}
