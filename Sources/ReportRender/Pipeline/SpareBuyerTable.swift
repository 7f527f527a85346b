import ReportModel
import Synchronization

/// A snapshot's buyer table handed back by the page thread once the snapshot's pages are written,
/// for a later snapshot's figures to be written into its storage
/// (`ReportEngine.process(reusingBuyers:)`). Holds one table at most.
final class SpareBuyerTable: Sendable {
    private let slot = Mutex<BuyerTable?>(nil)

    /// Keeps `table` (in place of any kept before).
    func put(_ table: BuyerTable) {
        slot.withLock { $0 = table }
    }

    /// The kept table, if any, leaving none.
    func take() -> BuyerTable? {
        slot.withLock { $0.take() }
    }
}

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
