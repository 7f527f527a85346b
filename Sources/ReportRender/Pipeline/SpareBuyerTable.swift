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
