import Synchronization

/// Where the first half's reading (`LedgerReader`) ends and the parts read on the second thread
/// begin (internal): the tail's start at first, moved down each time that thread, done with what it
/// had, takes the back half of what the first half has not started yet.
final class LedgerSplit: Sendable {
    private let state: Mutex<(limit: Int, stepEnd: Int)>

    /// `limit`: where the tail starts; `start`: where the first half starts.
    init(limit: Int, start: Int) {
        state = Mutex((limit, start))
    }

    /// The offset before which the first half reads.
    var limit: Int { state.withLock { $0.limit } }

    /// The end of the first half's next step from `offset`: `step` bytes on at most, not past `cap`
    /// nor the limit. The bytes up to it (and the line that runs across it) are the first half's.
    func headStep(from offset: Int, step: Int, cap: Int) -> Int {
        state.withLock { s in
            let end = min(s.limit, offset + step, cap)
            s.stepEnd = max(s.stepEnd, end)
            return end
        }
    }

    /// The back half of what lies between the first half's current step and the limit, from the
    /// first line start after its middle, which becomes the limit; nil when that is less than twice
    /// `minimum` bytes (or holds no line start).
    func steal(_ base: UnsafePointer<UInt8>, minimum: Int) -> Range<Int>? {
        state.withLock { s in
            let low = s.stepEnd, high = s.limit
            guard high - low >= 2 * max(minimum, 1) else { return nil }
            var start = low + (high - low) / 2
            while start < high && base[start - 1] != UInt8(ascii: "\n") { start += 1 }
            guard start < high else { return nil }
            s.limit = start
            return start..<high
        }
    }
}
