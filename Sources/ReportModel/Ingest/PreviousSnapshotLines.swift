#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file read just before the one being read, from the same export: its bytes, the table made
/// from them and where each of the table's rows has its line. A row whose line is, byte for byte,
/// the line its customer had in that file (same header too) takes the values decoded then instead
/// of being decoded again; it still goes through every check that depends on the file being read
/// (the snapshot date, a customer met twice, the revenue total).
///
/// Monthly exports repeat most of their lines (a customer who neither bought nor answered a survey
/// that month): 48–57 % of each month's lines in the 1 M × 12 sample snapshots. The lines are
/// compared with `memcmp`, not through a hash, so a row is never taken from a line that differs.
public final class PreviousSnapshotLines: @unchecked Sendable {
    /// The earlier file (kept mapped: its pages are read again where lines are compared).
    let file: MappedFile
    /// Its header line, line end (and byte order mark) included.
    let header: UnsafeRawBufferPointer
    /// Its table: row `k` is the customer of `hint[k]` in the next read.
    let table: SnapshotTable
    /// Per row of `table`: the offset where the row's line starts (its line end found by the
    /// comparison), or `none` when the row cannot be taken again (read by the general path, a
    /// feedback text, a file of 4 GiB or more). Taken out (`takeLines`) once the next file is read.
    private(set) var lines: [UInt32]

    /// The line record of a row that cannot be taken again.
    static let none = UInt32.max

    init(file: MappedFile, headerLength: Int, table: SnapshotTable, lines: [UInt32]) {
        self.file = file
        self.header = UnsafeRawBufferPointer(rebasing: file.bytes[0..<headerLength])
        self.table = table
        self.lines = lines
    }

    /// The line record of a line starting at `start`.
    @inline(__always)
    static func record(start: Int) -> UInt32 {
        start < Int(none) ? UInt32(truncatingIfNeeded: start) : none
    }

    /// Whether the line of `count` bytes at `line` (its line end left out) is the one at `start` in
    /// the earlier file: the same bytes, then that line's end (`\n` or `\r\n`: a line the decoder
    /// took holds neither `\n` nor `\r` inside, and a line ending in `\r` before its line end is
    /// not one it took).
    @inline(__always)
    func hasLine(_ line: UnsafePointer<UInt8>, count: Int, at start: Int) -> Bool {
        let bytes = file.bytes
        guard count > 0, start &+ count < bytes.count, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        // The line end first: most lines that changed changed length.
        let end = base[start &+ count]
        guard end == UInt8(ascii: "\n") || (end == UInt8(ascii: "\r") && start &+ count &+ 1 < bytes.count && base[start &+ count &+ 1] == UInt8(ascii: "\n")) else {
            return false
        }
        return line[count &- 1] != UInt8(ascii: "\r") && memcmp(line, base + start, count) == 0
    }

    /// The line records, left empty here: their storage serves the file after the next one
    /// (allocated afresh for each file, its pages were faulted in each time).
    func takeLines() -> [UInt32] {
        var taken: [UInt32] = []
        swap(&taken, &lines)
        return taken
    }

    /// Whether `order` is this file's row order (`SnapshotReader.Outcome.rowOrder`, which shares
    /// the table's storage), so that `order[k]` is the customer of row `k`.
    func hasRowOrder(_ order: [Int32]) -> Bool {
        order.count == table.count && order.withUnsafeBufferPointer { o in table.customer.withUnsafeBufferPointer { $0.baseAddress == o.baseAddress } }
    }

    /// Whether a file whose header is `header` can take rows from this one.
    func hasHeader(_ header: UnsafeRawBufferPointer) -> Bool {
        header.count == self.header.count && (header.count == 0 || memcmp(header.baseAddress!, self.header.baseAddress!, header.count) == 0)
    }
}
