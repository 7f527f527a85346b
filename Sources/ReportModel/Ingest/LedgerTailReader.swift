/// Reads the plainly valid rows of a ledger's second half on a second thread while `LedgerReader`
/// reads the first half (internal).
///
/// The tail starts at a line start near the middle and runs until the end or the first row the
/// one-pass decoder does not take. Its lines are used only when the first half's reading stops
/// exactly at that line start (a quoted field with a line break across it makes it go on past):
/// then the two parts are the same lines, ids and index as one pass (`LedgerLinesBuilder.append`).
/// With `LedgerSource.sortedByCustomer`, `validate --parse-only` of the 500 k-customer, 5 M-line
/// sample ledger (reading, sorting and deriving its 63 month ends): 1.88 → 1.35–1.50 s.
final class LedgerTailReader: Sendable {
    /// Where the tail starts (a line start).
    let start: Int
    private let task: BackgroundTask<Tail>

    /// What the tail's thread hands over. Sendable by hand: the builder is not (its batch is a
    /// scratch class of raw buffers that its copies would share), but it is made and filled on the
    /// task's thread alone and then handed over whole by `BackgroundTask.take()`, never copied.
    private struct Tail: @unchecked Sendable {
        var lines: LedgerLinesBuilder
        var offset: Int
        var rows: Int
    }

    /// Starts reading `bytes` from `start` with `decoder`. `release` is told, from the background
    /// thread, of byte ranges read and no longer needed.
    init(decoder: LedgerRowDecoder, bytes: UnsafeRawBufferPointer, from start: Int, hasOrderID: Bool,
         release: @escaping @Sendable (Range<Int>) -> Void) {
        self.start = start
        let count = bytes.count
        nonisolated(unsafe) let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        task = BackgroundTask {
            var builder = LedgerLinesBuilder(hasOrderID: hasOrderID, expectedLines: LedgerLinesBuilder.expectedLines(bytes: count - start))
            var offset = start, released = start, total = 0
            while true {
                // Stop every 16 MB to flush the batch and let go of the bytes read.
                let (next, decoded) = builder.decodePlainRows(decoder, base, from: offset, count: count, limit: offset + (16 << 20), keep: true)
                offset = next
                total += decoded
                builder.flush()
                release(released..<offset)
                released = offset
                if decoded == 0 || offset >= count { break }
            }
            return Tail(lines: builder, offset: offset, rows: total)
        }
    }

    /// Waits for the tail: its lines, the offset where it stopped, and the rows (one line each) it read.
    /// Call once: the lines are handed over, not kept.
    func wait() -> (lines: LedgerLinesBuilder, offset: Int, rows: Int) {
        let tail = task.take()
        return (tail.lines, tail.offset, tail.rows)
    }
}
