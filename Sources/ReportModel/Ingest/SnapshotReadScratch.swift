/// Per-customer arrays that `SnapshotReader` needs while it reads a file, kept for the next file of
/// the same source: allocated afresh for each file, their memory was faulted in again every time
/// (two arrays of 4 MB per file at 1 M customers, about 24 k of the 89 k page faults of parsing
/// the 1 M × 12 sample snapshots).
public final class SnapshotReadScratch {
    /// The line where each customer was met in the file being read (0 = not yet). Raw storage, so
    /// that the write per row needs no array uniqueness check (a run-time call per row: 1.5 % of a
    /// parse); see `seenLines(count:)` and `growSeenLines(toHold:)`.
    private var seenLine = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    /// Each customer's position in the previous file's row order (-1 = none).
    var hintPosition: [Int32] = []

    public init() {}

    deinit { seenLine.deallocate() }

    /// The seen-line storage, all zero, with room for at least `count` customers.
    func seenLines(count: Int) -> UnsafeMutableBufferPointer<Int32> {
        if seenLine.count < count {
            seenLine.deallocate()
            seenLine = .allocate(capacity: count + count / 4)
        }
        seenLine.update(repeating: 0)
        return seenLine
    }

    /// The seen-line storage grown to hold customer `index` (the values kept, new entries zero).
    func growSeenLines(toHold index: Int) -> UnsafeMutableBufferPointer<Int32> {
        let old = seenLine
        guard index >= old.count else { return old }
        let grown = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(index + 1, 2 * old.count))
        grown.update(repeating: 0)
        if let source = old.baseAddress { grown.baseAddress!.update(from: source, count: old.count) }
        old.deallocate()
        seenLine = grown
        return grown
    }

    /// The array at `path` taken out (so that it is uniquely held), holding `count` times `value`
    /// (`Array.refill`). Put it back when done.
    func emptied(_ path: ReferenceWritableKeyPath<SnapshotReadScratch, [Int32]>, count: Int, filledWith value: Int32) -> [Int32] {
        var array = self[keyPath: path]
        self[keyPath: path] = []
        array.refill(value, count: count)
        return array
    }
}
