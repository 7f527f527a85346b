import ReportModel

/// What a build reads.
public enum ReportInput: Sendable, Equatable {
    /// A folder of snapshot CSVs (input.md kind 1).
    case snapshots(String)
    /// A transaction ledger (input.md kind 2), cut at an optional as-of date.
    case transactions(String, asOf: Day?)

    /// Whether it is a ledger, whose month ends the deliverables name it as their source (a snapshot
    /// file with a ledger's columns, from sql/snapshots.sql, is still a snapshot).
    public var isLedger: Bool {
        if case .transactions = self { return true }
        return false
    }
}
