/// Where a snapshot's figures were read from, for the deliverables' provenance line (a file
/// forwarded without the site says what it was made from).
public struct ReportSource: Sendable, Equatable {
    /// The file's name: the snapshot export, or the ledger the snapshot was derived from ("" when
    /// not known).
    public var file: String
    /// Data rows read from it (a snapshot export's customers).
    public var rows: Int
    /// Whether the snapshot was derived from a transaction ledger.
    public var fromLedger: Bool

    public init(file: String = "", rows: Int = 0, fromLedger: Bool = false) {
        self.file = file
        self.rows = rows
        self.fromLedger = fromLedger
    }
}
