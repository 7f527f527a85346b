/// Rows kept by `SnapshotRowDecoder`'s path, waiting to reach a `SnapshotTable` a column at a time:
/// one bulk copy per column every `capacity` rows instead of fourteen single appends per row, each
/// with its own uniqueness and capacity checks (those were 12 % of a parse of the 1 M × 12 sample).
final class SnapshotRowBlock {
    static let capacity = 1024
    /// Rows waiting. Only the reading thread touches a block, so the run-time exclusivity check of
    /// a class property is left out (it was 2 % of a parse: a check per row).
    @exclusivity(unchecked) private(set) var count = 0
    private let customer = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let firstOrder = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let lastOrder = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let orders = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let revenue = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
    private let status = UnsafeMutablePointer<Int8>.allocate(capacity: capacity)
    private let vip = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
    private let nps = UnsafeMutablePointer<Int8>.allocate(capacity: capacity)
    private let csat = UnsafeMutablePointer<Int8>.allocate(capacity: capacity)
    private let ces = UnsafeMutablePointer<Int8>.allocate(capacity: capacity)
    private let publicComplaint = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
    private let purchaseDays = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    private let repeatSpend = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
    private let tierCode = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)

    /// True when no more rows fit before a `flush`.
    var isFull: Bool { count == SnapshotRowBlock.capacity }

    /// Adds a decoded row of `customer`, with its tier code (0 = none).
    @inline(__always)
    func add(_ r: SnapshotRowDecoder.Row, customer id: Int32, tierCode code: UInt32) {
        let k = count
        customer[k] = id
        firstOrder[k] = r.firstOrder
        lastOrder[k] = r.lastOrder
        orders[k] = r.orders
        revenue[k] = r.revenue
        status[k] = r.status
        vip[k] = r.vip
        nps[k] = r.nps
        csat[k] = r.csat
        ces[k] = r.ces
        publicComplaint[k] = r.publicComplaint
        purchaseDays[k] = r.purchaseDays
        repeatSpend[k] = r.repeatSpend
        tierCode[k] = code
        count = k + 1
    }

    /// Appends the waiting rows to `table` (the purchase-day and tier columns only where the table
    /// has them) and empties the block.
    func flush(into table: inout SnapshotTable) {
        guard count > 0 else { return }
        func copy<T>(_ column: UnsafeMutablePointer<T>, _ array: inout [T]) {
            array.append(contentsOf: UnsafeBufferPointer(start: column, count: count))
        }
        copy(customer, &table.customer)
        copy(firstOrder, &table.firstOrder)
        copy(lastOrder, &table.lastOrder)
        copy(orders, &table.orders)
        copy(revenue, &table.revenue)
        copy(status, &table.status)
        copy(vip, &table.vip)
        copy(nps, &table.nps)
        copy(csat, &table.csat)
        copy(ces, &table.ces)
        copy(publicComplaint, &table.publicComplaint)
        if table.derivedFromLedger {
            copy(purchaseDays, &table.purchaseDays)
            copy(repeatSpend, &table.repeatSpend)
        }
        if table.has(.tier) { copy(tierCode, &table.tierCodes) }
        count = 0
    }

    deinit {
        customer.deallocate(); firstOrder.deallocate(); lastOrder.deallocate(); orders.deallocate()
        revenue.deallocate(); status.deallocate(); vip.deallocate(); nps.deallocate(); csat.deallocate()
        ces.deallocate(); publicComplaint.deallocate()
        purchaseDays.deallocate(); repeatSpend.deallocate(); tierCode.deallocate()
    }
}
