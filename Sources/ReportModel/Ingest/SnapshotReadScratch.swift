/// Per-customer arrays that `SnapshotReader` needs while it reads a file, kept for the next file of
/// the same source: allocated afresh for each file, their memory was faulted in again every time
/// (two arrays of 4 MB per file at 1 M customers, about 24 k of the 89 k page faults of parsing
/// the 1 M × 12 sample snapshots).
public final class SnapshotReadScratch {
    /// The line where each customer was met in the file being read (0 = not yet).
    var seenLine: [Int32] = []
    /// Each customer's position in the previous file's row order (-1 = none).
    var hintPosition: [Int32] = []

    public init() {}

    /// The array at `path` taken out (so that it is uniquely held), holding `count` times `value`
    /// (`Array.refill`). Put it back when done.
    func emptied(_ path: ReferenceWritableKeyPath<SnapshotReadScratch, [Int32]>, count: Int, filledWith value: Int32) -> [Int32] {
        var array = self[keyPath: path]
        self[keyPath: path] = []
        array.refill(value, count: count)
        return array
    }
}
