#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Snapshots to process, in as-of order, read one at a time.
public protocol SnapshotSource {
    /// The snapshots, in as-of order.
    var periods: [SnapshotPeriod] { get }
    /// Reads snapshot `index`, interning customer ids into `customers`; the table may be built in
    /// the storage of `spare`, an earlier table no longer needed.
    mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome
    /// Whether reading the next snapshot while this one is computed pays (true for files to parse
    /// and for a ledger's month ends); false where a read is too cheap to be worth an extra table.
    var benefitsFromReadAhead: Bool { get }
    /// Things about the input worth a look that break no rule (printed as warnings).
    var warnings: [String] { get }
    /// A digest per snapshot of what it adds to the earlier ones, when the source can tell (a
    /// ledger's month ends); nil otherwise. A snapshot's figures depend only on its own and the
    /// earlier snapshots' digests, so a build can reuse the pages of a leading run of snapshots whose
    /// digests are those of the previous build. Called before the first `read`.
    func periodDigests() -> [String]?
}

extension SnapshotSource {
    public var benefitsFromReadAhead: Bool { true }
    public var warnings: [String] { [] }
    public func periodDigests() -> [String]? { nil }

    /// Reads snapshot `index` into new storage.
    public mutating func read(_ index: Int, customers: inout CustomerIndex) -> SnapshotOutcome {
        read(index, customers: &customers, reusing: nil)
    }
}

/// One snapshot read from a source: the table when valid, the problems otherwise.
public struct SnapshotOutcome {
    /// The name shown in messages.
    public var name: String
    public var table: SnapshotTable?
    public var errors: InputErrors
    /// Header names that matched no column.
    public var unknownColumns: [String]
    public var byteCount: Int
    /// The input rows this read took in: a snapshot file's rows; for a ledger, its purchase lines,
    /// counted once (with the first month end), not the rows of the month ends derived from them.
    public var rowCount: Int

    /// `rowCount` defaults to the table's rows.
    public init(name: String, table: SnapshotTable?, errors: InputErrors, unknownColumns: [String], byteCount: Int, rowCount: Int? = nil) {
        self.name = name
        self.table = table
        self.errors = errors
        self.unknownColumns = unknownColumns
        self.byteCount = byteCount
        self.rowCount = rowCount ?? table?.count ?? 0
    }
}

/// The snapshot files of a folder.
public struct SnapshotFolderSource: SnapshotSource {
    public let folder: SnapshotFolder
    public let reader: SnapshotReader
    /// The previous file's customer sequence, a hint for the next read.
    private var lastRowOrder: [Int32] = []
    /// The reader's per-customer arrays, kept from one file to the next (a reference: copies of
    /// this source share it, so only one of them may read at a time, as with any single reader).
    private let scratch = SnapshotReadScratch()
    /// The size of the largest file (the reader sizes its storage for it from the first file on).
    private let largestFileBytes: Int

    public init(directory: String, dialect: InputDialect) throws(InputErrors) {
        folder = try SnapshotFolder(directory: directory)
        reader = SnapshotReader(dialect: dialect)
        largestFileBytes = folder.entries.map { entry in
            var info = stat()
            return stat(entry.path, &info) == 0 ? Int(info.st_size) : 0
        }.max() ?? 0
    }

    public var periods: [SnapshotPeriod] { folder.entries.map(\.period) }

    public var warnings: [String] { folder.unreadSnapshots.map(SnapshotFolder.unreadWarning) + SnapshotFolder.missingMonthWarnings(folder.entries) }

    public mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome {
        let entry = folder.entries[index]
        let o = reader.read(path: entry.path, displayName: entry.displayName, period: entry.period, customers: &customers, hint: lastRowOrder, reusing: spare, scratch: scratch,
                            largestFileBytes: largestFileBytes)
        lastRowOrder = o.rowOrder
        return SnapshotOutcome(name: entry.displayName, table: o.table, errors: o.errors, unknownColumns: o.unknownColumns, byteCount: o.byteCount)
    }
}
