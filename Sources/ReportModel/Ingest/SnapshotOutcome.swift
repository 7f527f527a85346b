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
    /// Of `rowCount`, the rows read and left out: a ledger's lines dated after the as-of date
    /// (counted with the first month end, as `rowCount` is).
    public var rowsLeftOut = 0

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
