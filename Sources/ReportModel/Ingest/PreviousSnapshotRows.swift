#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot file read just before the one being read, kept so that a row whose bytes are the
/// same as its customer's row there is not decoded again: its values are copied from that file's
/// table (`SnapshotReader.read(bytes:…)`, internal).
///
/// Monthly exports repeat most customers as they were: 57 % of the rows of the sample's 2026-10
/// file are byte for byte the same customer's 2026-09 row. Decoding was 42 % of a parse's CPU time.
///
/// Exact by construction: a row is taken over only when its bytes, line end included, equal those
/// of a row of the previous file that the one-pass decoder read and kept, under the same header
/// bytes (so the same columns and delimiter) and the same dialect (one reader per source). The
/// decoder is a function of those bytes, so it would give the same values; the rules that depend
/// on the snapshot (its date, duplicates, the file's totals) are checked again on the copied
/// values as on decoded ones. Only for files in the standard column order (`SnapshotRowDecoder`),
/// whose last field, the points balance (kept only as a total by the table), is read from the line.
///
/// The previous file stays mapped while the next one is read; its pages are dropped behind the
/// rows compared (`discard(before:)`), so it costs a window of memory, not the file.
final class PreviousSnapshotRows {
    /// The previous file, mapped (the owner of `bytes`).
    private let file: MappedFile?
    let bytes: UnsafeRawBufferPointer
    /// The offset just past its header row.
    let headerEnd: Int
    /// Its table (shared, read only).
    let table: SnapshotTable
    /// Per table row, where its line lies in `bytes` (`LineSpans.span`), 0 when it was not read by
    /// the one-pass decoder (or not in hint order).
    private(set) var spans: [UInt64]
    /// Cursors into the table's sparse lists, which are in row order; rows are asked for in
    /// ascending order, except where a moved row sends the hint back.
    private var feedbackCursor = 0
    private var refundCursor = 0
    /// The code in the new file's tier dictionary of each code of the previous one (0: not looked up yet).
    private var tierCodeMap: [UInt32] = []
    /// The offset before which the pages were last dropped (`discard(beforeRow:)`).
    private var discarded = 0

    init(file: MappedFile?, bytes: UnsafeRawBufferPointer, headerEnd: Int, table: SnapshotTable, spans: [UInt64]) {
        self.file = file
        self.bytes = bytes
        self.headerEnd = headerEnd
        self.table = table
        self.spans = spans
    }

    /// Whether a file whose header row is `header` (its bytes, line end included) has the same one.
    func hasHeader(_ header: UnsafeRawBufferPointer) -> Bool {
        header.count == headerEnd && header.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd]))
    }

    /// Whether the line at `offset` of `base` (of `count` bytes) is the same, byte for byte and line
    /// end included, as that of table row `row`; returns its length when it is.
    @inline(__always)
    func sameLine(asRow row: Int, _ base: UnsafePointer<UInt8>, at offset: Int, count: Int) -> Int? {
        guard row < spans.count else { return nil }
        let span = spans[row]
        guard span != 0 else { return nil }
        let start = Int(span >> LineSpans.lengthBits), length = Int(span & LineSpans.lengthMask)
        guard offset &+ length <= count, let previous = bytes.baseAddress else { return nil }
        return memcmp(base + offset, previous + start, length) == 0 ? length : nil
    }

    /// Row `row`'s values as the decoder gave them (its offsets left out: the text fields are
    /// taken from the table, see `feedback(ofRow:)` and `tierCode(ofRow:in:)`), with `points`.
    @inline(__always)
    func decodedRow(_ row: Int, points: Int64) -> SnapshotRowDecoder.Row {
        var r = SnapshotRowDecoder.Row()
        r.firstOrder = table.firstOrder[row]
        r.lastOrder = table.lastOrder[row]
        r.orders = table.orders[row]
        r.revenue = table.revenue[row]
        r.status = table.status[row]
        r.vip = table.vip[row]
        r.nps = table.nps[row]
        r.csat = table.csat[row]
        r.ces = table.ces[row]
        r.publicComplaint = table.publicComplaint[row]
        r.refund = entry(ofRow: row, in: table.refunds, rowOf: { $0.row }, cursor: &refundCursor).map { table.refunds[$0].amount } ?? 0
        r.points = points
        return r
    }

    /// Row `row`'s feedback, if it had one.
    func feedback(ofRow row: Int) -> String? {
        entry(ofRow: row, in: table.feedback, rowOf: { $0.row }, cursor: &feedbackCursor).map { table.feedback[$0].text }
    }

    /// Row `row`'s tier as a code of `codes`, the new file's dictionary (added there when new).
    func tierCode(ofRow row: Int, in codes: inout TextCodes) -> UInt32 {
        guard row < table.tierCodes.count else { return 0 }
        let old = Int(table.tierCodes[row])
        guard old > 0 else { return 0 }
        if tierCodeMap.count < old { tierCodeMap.append(contentsOf: repeatElement(0, count: old - tierCodeMap.count)) }
        if tierCodeMap[old - 1] == 0 {
            let text = table.tierTexts[old - 1]
            tierCodeMap[old - 1] = Array(text.utf8).withUnsafeBytes { raw in codes.code(of: raw) { text } }
        }
        return tierCodeMap[old - 1]
    }

    /// Drops the pages of the previous file before row `row`'s line (its rows before it are not
    /// compared again, unless a moved row sends the hint back: those pages are then read again).
    func discard(beforeRow row: Int) {
        guard let file, row < spans.count, spans[row] != 0 else { return }
        let offset = Int(spans[row] >> LineSpans.lengthBits)
        // (By range: the file's own `discard(before:)` went past every page as it was read.)
        if offset > discarded { file.discard(discarded..<offset) }
        discarded = offset
    }

    /// The span storage, taken out for the next file's spans once this file is done with.
    func takeSpans() -> [UInt64] {
        var taken: [UInt64] = []
        swap(&taken, &spans)
        return taken
    }

    /// The index of `row`'s entry in a list sorted by row, found from `cursor` onwards (or, when the
    /// row lies before it, by bisection); the cursor is left at the first entry not before `row`.
    @inline(__always)
    private func entry<Element>(ofRow row: Int, in list: [Element], rowOf: (Element) -> Int32, cursor: inout Int) -> Int? {
        let target = Int32(truncatingIfNeeded: row)
        if cursor > 0 && rowOf(list[cursor - 1]) >= target {
            var low = 0, high = cursor - 1
            while low < high {
                let mid = (low + high) / 2
                if rowOf(list[mid]) < target { low = mid + 1 } else { high = mid }
            }
            cursor = low
        }
        while cursor < list.count && rowOf(list[cursor]) < target { cursor += 1 }
        return cursor < list.count && rowOf(list[cursor]) == target ? cursor : nil
    }
}

/// Where each row's line lies in its file, packed in one word: the offset in the high 48 bits, the
/// length (line end included) in the low 16; 0 for none (internal).
enum LineSpans {
    static let lengthBits: UInt64 = 16
    static let lengthMask: UInt64 = (1 << lengthBits) - 1

    /// The span of a line of `length` bytes at `offset`, or 0 when it does not fit.
    @inline(__always)
    static func span(offset: Int, length: Int) -> UInt64 {
        guard length > 0, UInt64(length) <= lengthMask, offset < 1 << 47 else { return 0 }
        return UInt64(offset) << lengthBits | UInt64(length)
    }
}
