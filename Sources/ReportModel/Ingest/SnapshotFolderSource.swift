#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The config's `cadence`, for the missing months' warnings (nil: the folder's usual gap).
    public let cadence: SnapshotCadence?

    public init(directory: String, dialect: InputDialect, cadence: SnapshotCadence? = nil) throws(InputErrors) {
        folder = try SnapshotFolder(directory: directory)
        self.cadence = cadence
        reader = SnapshotReader(dialect: dialect)
        largestFileBytes = folder.entries.map { entry in
            var info = stat()
            return stat(entry.path, &info) == 0 ? Int(info.st_size) : 0
        }.max() ?? 0
    }

    public var periods: [SnapshotPeriod] { folder.entries.map(\.period) }

    public var warnings: [String] { folder.unreadSnapshots.map(SnapshotFolder.unreadWarning) + SnapshotFolder.missingMonthWarnings(folder.entries, cadence: cadence) }

    public mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome {
        let entry = folder.entries[index]
        let o = reader.read(path: entry.path, displayName: entry.displayName, period: entry.period, customers: &customers, hint: lastRowOrder, reusing: spare, scratch: scratch,
                            largestFileBytes: largestFileBytes)
        lastRowOrder = o.rowOrder
        return SnapshotOutcome(name: entry.displayName, table: o.table, errors: o.errors, unknownColumns: o.unknownColumns, byteCount: o.byteCount)
    }
}
