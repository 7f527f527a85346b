import ReportModel

/// A report on its way to the page thread, from which that thread takes the buyer table back out
/// once the pages are written (so that the table's storage has no other owner).
/// (`@unchecked Sendable`: used by the page thread alone once submitted.)
final class PendingReport: @unchecked Sendable {
    var report: SnapshotReport

    init(_ report: SnapshotReport) { self.report = report }

    /// The report's buyer table, moved out (the report keeps an empty one).
    func takeBuyers() -> BuyerTable {
        var buyers = BuyerTable()
        swap(&buyers, &report.buyers)
        return buyers
    }
}
