/// The purchase histories of a snapshot's buyers, worked out from the table's columns each time one
/// is read instead of being stored (internal to `LifetimeStage`).
///
/// The fits read each history three times (the BG/NBD grouping, the Gamma-Gamma grouping, the
/// predictions), in row order. Stored, the histories took 32 bytes per buyer, kept from one
/// snapshot to the next on the reader thread while it read the next file: 27 MB of the peak of a
/// 1 M × 12 build.
///
/// Per buyer (metrics.md "Predictive lifetime value"), in the configured time unit:
/// - ledger-derived snapshots: x = distinct purchase days − 1, m = spend after the first day / x;
/// - CRM snapshots: x = orders − 1, m = revenue / orders;
/// - t_x = last − first purchase day, T = as-of − first purchase day. Without `first_order_date`,
///   the first purchase day is the earliest order date seen in any snapshot so far.
struct BuyerHistories: RandomAccessCollection, Sendable {
    /// The table row of each buyer, in row order.
    let rows: [Int32]
    let table: SnapshotTable
    /// Per customer, the earliest order day seen in the snapshots before (`Int32.max` for none).
    let earliestPurchase: [Int32]
    /// Days per unit of time.
    let unit: Double
    private let asOf: Int32
    private let fromLedger: Bool

    /// The buyers of `table` (rows with at least one order), given their rows.
    init(rows: [Int32], table: SnapshotTable, earliestPurchase: [Int32], unit: Double) {
        self.rows = rows
        self.table = table
        self.earliestPurchase = earliestPurchase
        self.unit = unit
        asOf = table.period.asOf.ordinal
        fromLedger = table.derivedFromLedger
    }

    var startIndex: Int { 0 }
    var endIndex: Int { rows.count }

    /// (Inlined into the three loops that read the histories: as a call it was 1.9 % of the
    /// instructions of `validate` on the 100 k × 12 sample.)
    @inline(__always) subscript(position: Int) -> PurchaseHistory {
        let row = Int(rows[position])
        let last = table.lastOrder[row]
        let first = firstPurchase(row: row, last: last)
        let x: Double
        var m = 0.0
        if fromLedger {
            x = Double(Swift.max(table.purchaseDays[row] - 1, 0))
            if x > 0 { m = Money.value(table.repeatSpend[row]) / x }
        } else {
            x = Double(table.orders[row] - 1)
            m = Money.value(table.revenue[row]) / Double(table.orders[row])
        }
        return PurchaseHistory(x: x, tx: Double(last - first) / unit, T: Double(asOf - first) / unit, meanRepeatSpend: x > 0 ? m : 0)
    }

    /// The buyer's (x, tx, T) in whole days, sanitised as `PurchaseHistory.modelTriple` sanitises
    /// the history `self[position]`: x >= 0, T >= 0, 0 <= tx <= T, and tx = 0 when x = 0. That
    /// history's triple is these values over `unit` (x as is), exactly: the same integers are
    /// converted and divided, and clamping commutes with the division, which keeps order.
    @inline(__always) func wholeDays(_ position: Int) -> (x: Int, tx: Int, age: Int) {
        let row = Int(rows[position])
        let last = table.lastOrder[row]
        let first = firstPurchase(row: row, last: last)
        let x = Swift.max(Int(fromLedger ? table.purchaseDays[row] : table.orders[row]) - 1, 0)
        let age = Swift.max(Int(asOf) - Int(first), 0)
        guard x > 0 else { return (0, 0, age) }
        return (x, Swift.min(Swift.max(Int(last) - Int(first), 0), age), age)
    }

    /// The as-of day of the table.
    var asOfDay: Int32 { asOf }

    /// The buyer's first purchase day: the table's, or else the earliest seen in the snapshots
    /// before (not after its last order).
    @inline(__always) private func firstPurchase(row: Int, last: Int32) -> Int32 {
        let first = table.firstOrder[row]
        return first != SnapshotTable.missingDay ? first : Swift.min(earliestPurchase[Int(table.customer[row])], last)
    }
}
