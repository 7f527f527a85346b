/// Reads the plainly valid rows of a ledger's second half on a second thread while `LedgerReader`
/// reads the first half, then, while the first half still has enough left, the back half of what
/// it has left (internal).
///
/// The tail starts at a line start near the middle and runs until the end or the first row the
/// one-pass decoder does not take. Each part's lines are used only when the first half's reading
/// stops exactly at that part's start (a quoted field with a line break across it makes it go on
/// past): then the parts are the same lines, ids and index as one pass (`LedgerLinesBuilder.append`).
/// With `LedgerSource.sortedByCustomer`, `validate --parse-only` of the 500 k-customer, 5 M-line
/// sample ledger (reading, sorting and deriving its 63 month ends): 1.88 → 1.35–1.50 s.
///
/// Halves of equal size did not take equal times: in three perf runs of that ledger's parse the
/// first half ended 0.015, 0.020 and 0.138 s after the second (one core then idle), with the same
/// lines in each. Taking over the back half of the first half's rest (`LedgerSplit`) evens them.
final class LedgerTailReader: Sendable {
    /// A part read here: where it starts (a line start), its lines, the offset where it stopped and
    /// the rows (one line each) it read.
    struct Part {
        var start: Int
        var lines: LedgerLinesBuilder
        var reached: Int
        var rows: Int
    }

    /// Where the tail starts (a line start).
    let start: Int
    private let task: BackgroundTask<[Part]>

    /// Starts reading `bytes` from `start` with `decoder`, then parts taken from `split` while it
    /// leaves at least `stealsFrom` bytes to each side. `release` is told, from the background
    /// thread, of byte ranges read and no longer needed.
    init(decoder: LedgerRowDecoder, bytes: UnsafeRawBufferPointer, from start: Int, hasOrderID: Bool, split: LedgerSplit, stealsFrom: Int,
         release: @escaping @Sendable (Range<Int>) -> Void) {
        self.start = start
        let count = bytes.count
        nonisolated(unsafe) let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        task = BackgroundTask {
            var parts: [Part] = []
            var range = start..<count
            while true {
                let part = LedgerTailReader.read(range, decoder: decoder, base: base, count: count, hasOrderID: hasOrderID, release: release)
                parts.append(part)
                guard part.reached >= range.upperBound, let next = split.steal(base, minimum: stealsFrom) else { break }
                range = next
            }
            // Taken from the back of what the first half had left: the last one comes first.
            return parts.reversed()
        }
    }

    /// The lines of `range` (from its line start, up to the first line start at or past its end),
    /// until a row the one-pass decoder does not take.
    private static func read(_ range: Range<Int>, decoder: LedgerRowDecoder, base: UnsafePointer<UInt8>, count: Int, hasOrderID: Bool,
                             release: @Sendable (Range<Int>) -> Void) -> Part {
        var builder = LedgerLinesBuilder(hasOrderID: hasOrderID, expectedLines: LedgerLinesBuilder.expectedLines(bytes: range.count))
        var offset = range.lowerBound, released = range.lowerBound, total = 0
        while true {
            // Stop every 16 MB to flush the batch and let go of the bytes read.
            let (next, decoded) = builder.decodePlainRows(decoder, base, from: offset, count: count, limit: min(offset + (16 << 20), range.upperBound), keep: true)
            offset = next
            total += decoded
            builder.flush()
            release(released..<offset)
            released = offset
            if decoded == 0 || offset >= range.upperBound { break }
        }
        return Part(start: range.lowerBound, lines: builder, reached: offset, rows: total)
    }

    /// Waits for the second thread: its parts in file order. Call once: the lines are handed
    /// over, not kept.
    func wait() -> [Part] { task.take() }
}
