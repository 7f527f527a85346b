import Dispatch

/// Fits the predictive-value models on each snapshot's buyers and predicts per row, snapshot after
/// snapshot in as-of order: the only state carried over is the earliest purchase day seen per
/// customer (the first purchase of a customer whose file has no `first_order_date`).
///
/// The figures of a snapshot need nothing else from the engine, so a build predicts on the reader
/// thread, one snapshot ahead of the other figures (`ReportEngine.process(_:customers:lifetime:)`):
/// the fit is most of a snapshot's figures (6.2 of 8.6 s over a 63-month-end ledger).
public struct LifetimePredictor: Sendable {
    public let settings: LifetimeValueSettings
    /// Earliest purchase day known per customer from the snapshots predicted so far.
    private var earliestPurchase: [Int32] = []
    /// Storage reused from snapshot to snapshot.
    private var scratch = LifetimeScratch()

    public init(settings: LifetimeValueSettings) {
        self.settings = settings
    }

    /// The prediction for the next snapshot (after the previous one in as-of order); `customerCount`
    /// is the number of customers interned so far (every id of `table` is below it). The per-row
    /// arrays are built in the storage of `spare`, an earlier prediction no longer needed, when it
    /// is its only owner (two arrays of 8 bytes per row, mapped in afresh for every snapshot
    /// otherwise: 15 % of the page faults left in a 63-month-end ledger build).
    public mutating func predict(_ table: SnapshotTable, customerCount: Int, reusing spare: consuming LifetimePrediction? = nil) -> LifetimePrediction {
        let start = DispatchTime.now().uptimeNanoseconds
        grow(to: customerCount)
        var alive: [Double] = [], clv: [Double] = []
        if var spare = spare.take() {
            swap(&alive, &spare.probabilityAlive)
            swap(&clv, &spare.predictedCLV)
        }
        let summary = LifetimeStage.run(table: table, earliestPurchase: earliestPurchase, settings: settings, scratch: &scratch,
                                        probabilityAlive: &alive, predictedCLV: &clv)
        remember(table)
        return LifetimePrediction(summary: summary, probabilityAlive: alive, predictedCLV: clv,
                                  seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Passes over a snapshot whose predictions are not needed (a build reusing its pages from the
    /// site it replaces), keeping what the snapshots after it need: the models are not fitted and
    /// every row's values are NaN.
    public mutating func skip(_ table: SnapshotTable, customerCount: Int) -> LifetimePrediction {
        grow(to: customerCount)
        remember(table)
        let none = [Double](repeating: .nan, count: table.count)
        return LifetimePrediction(summary: .notComputed(reason: .pagesReused), probabilityAlive: none, predictedCLV: none, seconds: 0)
    }

    /// Makes room for the customers interned so far.
    private mutating func grow(to customerCount: Int) {
        if earliestPurchase.count < customerCount {
            earliestPurchase.append(contentsOf: repeatElement(Int32.max, count: customerCount - earliestPurchase.count))
        }
    }

    /// Keeps this snapshot's first (or else last) order days, for the snapshots after it.
    /// (Through buffers: the array's uniqueness was checked at every row, 0.7 % of a 1 M × 12 build's
    /// CPU samples with the loop.)
    private mutating func remember(_ table: SnapshotTable) {
        let missing = SnapshotTable.missingDay
        earliestPurchase.withUnsafeMutableBufferPointer { earliest in
            table.customer.withUnsafeBufferPointer { customer in
                table.firstOrder.withUnsafeBufferPointer { firstOrder in
                    table.lastOrder.withUnsafeBufferPointer { lastOrder in
                        for row in 0..<customer.count {
                            let c = Int(customer[row])
                            precondition(c >= 0 && c < earliest.count, "customer index out of range")
                            let first = firstOrder[row] != missing ? firstOrder[row] : lastOrder[row]
                            if first != missing && first < earliest[c] { earliest[c] = first }
                        }
                    }
                }
            }
        }
    }
}
