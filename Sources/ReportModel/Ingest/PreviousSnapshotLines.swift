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
    /// Per row of `table`: `start << 16 | length` of the row's line (the line end left out), or -1
    /// when the row cannot be taken again (read by the general path, a feedback text, a line of
    /// 64 KB or more). Taken out (`takeLines`) once the next file is read, to be filled again.
    private(set) var lines: [Int]

    init(file: MappedFile, headerLength: Int, table: SnapshotTable, lines: [Int]) {
        self.file = file
        self.header = UnsafeRawBufferPointer(rebasing: file.bytes[0..<headerLength])
        self.table = table
        self.lines = lines
    }

    /// The packed line record of a line from `start` to `end` (exclusive), or -1 when too long.
    @inline(__always)
    static func record(start: Int, end: Int) -> Int {
        let length = end &- start
        return length < 1 << 16 ? start << 16 | length : -1
    }

    /// The line records, left empty here: their storage serves the file after the next one
    /// (allocated afresh for each file, its 8 MB at 1 M rows were faulted in each time).
    func takeLines() -> [Int] {
        var taken: [Int] = []
        swap(&taken, &lines)
        return taken
    }

    /// Whether a file whose header is `header` can take rows from this one.
    func hasHeader(_ header: UnsafeRawBufferPointer) -> Bool {
        header.count == self.header.count && (header.count == 0 || memcmp(header.baseAddress!, self.header.baseAddress!, header.count) == 0)
    }
}
