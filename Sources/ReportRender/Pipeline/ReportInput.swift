import ReportModel

/// What a build reads.
public enum ReportInput: Sendable, Equatable {
    /// A folder of snapshot CSVs (input.md kind 1).
    case snapshots(String)
    /// A transaction ledger (input.md kind 2), cut at an optional as-of date.
    case transactions(String, asOf: Day?)
}
