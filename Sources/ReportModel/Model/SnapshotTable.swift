/// One snapshot's rows, stored column by column. Row `i` of every array describes one customer.
///
/// Missing values: `Day`-valued columns hold `SnapshotTable.missingDay`, score columns hold -1,
/// `status` holds -1 (missing), 0 (churned) or 1 (active). Money columns are fixed-point `Money` units.
///
/// The optional fixed-width columns (`status`, `vip`, `nps`, `csat`, `ces`, `publicComplaint`) hold
/// one entry per row, or none when every row would hold the missing value: month ends derived from
/// a ledger leave them empty (22 bytes a row that were allocated and filled for each of 63 month
/// ends, then scanned). `refund_requested` and `points_balance` keep only what the figures read:
/// the rows with a refund request, and the points' total. (One amount per row each took 16 bytes a
/// row in every table alive: 32 MB of the peak of a 1 M × 12 build.)
public struct SnapshotTable: Sendable {
    public static let missingDay = Int32.min

    public var period: SnapshotPeriod
    /// Which optional columns the file has.
    public var columns: Set<SnapshotColumn>

    public var customer: [Int32] = []
    public var firstOrder: [Int32] = []
    public var lastOrder: [Int32] = []
    public var orders: [Int32] = []
    /// Cumulative revenue in `Money` units.
    public var revenue: [Int64] = []
    public var status: [Int8] = []
    public var vip: [Bool] = []
    public var nps: [Int8] = []
    public var csat: [Int8] = []
    public var ces: [Int8] = []
    public var publicComplaint: [Bool] = []
    /// The rows whose refund requested is above zero, with the amount in `Money` units, in row order.
    public var refunds: [(row: Int32, amount: Int64)] = []
    /// The sum of the points balances given (`Money` units; 0 without the column). The reader
    /// rejects a file whose total passes `Money.maxTotal`.
    public var pointsOutstanding: Int64 = 0
    /// Sparse text columns: (row, text).
    public var feedback: [(row: Int32, text: String)] = []
    /// Loyalty tier by row, dictionary-encoded: 0 = none, k = `tierTexts[k - 1]` (one entry per row
    /// when the file has a tier column, none otherwise).
    public var tierCodes: [UInt32] = []
    /// The distinct tier texts, by code - 1.
    public var tierTexts: [String] = []
    /// Ledger-derived snapshots (or files with `purchase_days`): distinct purchase days up to the as-of date.
    public var purchaseDays: [Int32] = []
    /// Ledger-derived snapshots (or files with `repeat_revenue`): money spent after the first purchase day (`Money` units).
    public var repeatSpend: [Int64] = []
    /// True when the snapshot sees single purchase days: derived from a ledger, or read from a file
    /// with `purchase_days` and `repeat_revenue` (sql/snapshots.sql).
    public var derivedFromLedger = false

    public init(period: SnapshotPeriod, columns: Set<SnapshotColumn>, capacity: Int = 0) {
        self.period = period
        self.columns = columns
        customer.reserveCapacity(capacity)
        firstOrder.reserveCapacity(capacity)
        lastOrder.reserveCapacity(capacity)
        orders.reserveCapacity(capacity)
        revenue.reserveCapacity(capacity)
        // The other fixed-width columns too (every row appends to each): growing them by doubling
        // copied 2 % of a read's instructions in memcpy.
        status.reserveCapacity(capacity)
        vip.reserveCapacity(capacity)
        nps.reserveCapacity(capacity)
        csat.reserveCapacity(capacity)
        ces.reserveCapacity(capacity)
        publicComplaint.reserveCapacity(capacity)
        if columns.contains(.tier) { tierCodes.reserveCapacity(capacity) }
    }

    /// An empty table for `period` and `columns` that keeps the column storage of `spare`, a table
    /// no longer needed (its rows are dropped; a table whose columns are still shared gets new ones).
    /// Fresh memory costs a page fault per 4 KiB page on its first write: parsing the 1 M × 12 sample
    /// snapshots, reusing each table for the next file took 133 k → 89 k page faults and 0.38–0.52 →
    /// 0.30–0.34 s of system time. Where a column must grow it gets a quarter more than `capacity`
    /// (also when there is no spare), so that later, usually slightly larger, snapshots fit in it:
    /// pages never written are never mapped in.
    public init(period: SnapshotPeriod, columns: Set<SnapshotColumn>, capacity: Int, reusing spare: consuming SnapshotTable?) {
        guard var table = consume spare else {
            self.init(period: period, columns: columns, capacity: capacity + capacity / 4)
            return
        }
        let n = capacity
        table.customer.removeAll(keepingCapacityFor: n); table.firstOrder.removeAll(keepingCapacityFor: n)
        table.lastOrder.removeAll(keepingCapacityFor: n); table.orders.removeAll(keepingCapacityFor: n)
        table.revenue.removeAll(keepingCapacityFor: n); table.status.removeAll(keepingCapacityFor: n)
        table.vip.removeAll(keepingCapacityFor: n); table.nps.removeAll(keepingCapacityFor: n)
        table.csat.removeAll(keepingCapacityFor: n); table.ces.removeAll(keepingCapacityFor: n)
        table.publicComplaint.removeAll(keepingCapacityFor: n)
        table.refunds.removeAll(keepingCapacity: true)
        table.pointsOutstanding = 0
        table.tierCodes.removeAll(keepingCapacityFor: columns.contains(.tier) ? n : 0)
        table.purchaseDays.removeAll(keepingCapacity: true)
        table.repeatSpend.removeAll(keepingCapacity: true)
        table.feedback.removeAll(keepingCapacity: true)
        table.tierTexts = []
        table.derivedFromLedger = false
        table.period = period
        table.columns = columns
        self = table
    }

    /// Number of rows (customers in the file).
    public var count: Int { customer.count }

    public func has(_ column: SnapshotColumn) -> Bool { columns.contains(column) }

    /// The rows that have a tier, with its text.
    public var tier: [(row: Int32, text: String)] {
        tierCodes.enumerated().compactMap { $0.element == 0 ? nil : (Int32($0.offset), tierTexts[Int($0.element) - 1]) }
    }
}
