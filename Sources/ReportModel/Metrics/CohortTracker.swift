/// Accumulates cohort sizes and active counts snapshot after snapshot, with memory per customer
/// (a cohort month and the first-order day it came from), a bit per customer and snapshot, and a
/// count per cohort × snapshot, never per row.
///
/// A customer's cohort is the month of the `first_order_date` of the latest snapshot that gives one
/// (metrics.md), else the month of the first snapshot in which the customer has orders: a column that
/// appears in a later snapshot, or a corrected date, moves the customer to its cohort, with its
/// activity at the earlier snapshots (the cells of months from the cohort's on).
public struct CohortTracker: Sendable {
    /// Cohort month index per customer; `Int32.min` while unknown.
    private var cohortOf: [Int32] = []
    /// The first-order day each customer's cohort was taken from (`SnapshotTable.missingDay`: the
    /// snapshot month it was first seen with orders), so that an unchanged date costs one comparison.
    private var cohortDay: [Int32] = []
    private var size: [Int: Int] = [:]
    /// active[cohort][snapshot number]
    private var active: [Int: [Int]] = [:]
    /// As-of month of each snapshot so far.
    private var snapshotMonths: [Int] = []
    /// Per snapshot, its active customers as bits (customer index order): what a customer who gets a
    /// cohort, or moves to another, brings to the earlier snapshots' cells.
    private var activeBits: [[UInt64]] = []
    /// Whether a snapshot so far had a `status` column: only then can a customer be active before it
    /// has orders (a `status = active` prospect), whose first cohort must look at earlier snapshots.
    private var hadStatus = false

    public init() {}

    /// The cohort month of a customer, if known.
    public func cohort(of customer: Int32) -> Month? {
        let c = Int(customer)
        guard c < cohortOf.count, cohortOf[c] != Int32.min else { return nil }
        return Month(index: Int(cohortOf[c]))
    }

    /// Records one snapshot: assigns cohorts to new buyers, moves buyers whose first order date says
    /// another cohort, and counts active customers per cohort.
    public mutating func record(_ table: SnapshotTable, active isActive: [Bool], customerCount: Int) {
        if cohortOf.count < customerCount {
            cohortOf.append(contentsOf: repeatElement(Int32.min, count: customerCount - cohortOf.count))
            cohortDay.append(contentsOf: repeatElement(SnapshotTable.missingDay, count: customerCount - cohortDay.count))
        }
        hadStatus = hadStatus || table.has(.status)
        let snapshot = snapshotMonths.count
        snapshotMonths.append(table.period.asOf.month.index)
        let fallback = Int32(table.period.asOf.month.index)
        let hasFirst = table.has(.firstOrderDate)
        let missing = SnapshotTable.missingDay
        // Per-row tallies in dense arrays over the months up to this snapshot's (a cohort is never
        // later than its snapshot: first order <= last order <= as-of); hashing a month per row
        // cost more than the rest of the loop. Resized when an older cohort shows up.
        var lowest = fallback
        var newSizes = [Int](repeating: 0, count: 1)
        var activeCounts = [Int](repeating: 0, count: 1)
        func ensure(_ month: Int32) {
            guard month < lowest else { return }
            // Grown at least twofold each time, so rows walking back month by month stay linear.
            let extra = Int(max(lowest - month, min(Int32(newSizes.count), lowest - month + 1_200)))
            newSizes.insert(contentsOf: repeatElement(0, count: extra), at: 0)
            activeCounts.insert(contentsOf: repeatElement(0, count: extra), at: 0)
            lowest -= Int32(extra)
        }
        // A ledger's month ends never move a customer (its first purchase day is the earliest of its
        // lines up to the month end, and later month ends only add later lines) and have no status:
        // no bits.
        let keepsActivity = !table.derivedFromLedger
        var bits = [UInt64](repeating: 0, count: keepsActivity ? (customerCount + 63) / 64 : 0)
        // What customers who got or changed a cohort bring to, or take from, the earlier snapshots.
        var earlierShifts: [Int: [Int]] = [:]
        var leaving: [Int: Int] = [:]
        var activeAt: [Int] = []
        for row in 0..<table.count {
            let c = Int(table.customer[row])
            if table.orders[row] >= 1 {
                let old = cohortOf[c]
                var month = old
                if hasFirst, case let first = table.firstOrder[row], first != missing {
                    if first != cohortDay[c] {
                        cohortDay[c] = first
                        month = Int32(Day(ordinal: first).month.index)
                    }
                } else if old == Int32.min {
                    month = fallback
                }
                if month != old {
                    cohortOf[c] = month
                    ensure(month)
                    newSizes[Int(month - lowest)] += 1
                    if old != Int32.min { leaving[Int(old), default: 0] += 1 }
                    if old != Int32.min || hadStatus {
                        activeAt.removeAll(keepingCapacity: true)
                        for s in 0..<snapshot {
                            let words = activeBits[s]
                            if c >> 6 < words.count && (words[c >> 6] >> UInt64(c & 63)) & 1 != 0 { activeAt.append(s) }
                        }
                        // Only snapshots from a cohort's month on have a cell (k >= 0).
                        for (cohort, delta) in [(Int(old), -1), (Int(month), 1)] where cohort != Int(Int32.min) {
                            let cells = activeAt.filter { snapshotMonths[$0] >= cohort }
                            guard !cells.isEmpty else { continue }
                            earlierShifts[cohort, default: [Int](repeating: 0, count: snapshot)].withUnsafeMutableBufferPointer { column in
                                for s in cells { column[s] += delta }
                            }
                        }
                    }
                }
            }
            let activeBit = UInt64(isActive[row].bit)
            if keepsActivity { bits[c >> 6] |= activeBit << UInt64(c & 63) }
            let cohort = cohortOf[c]
            if cohort != Int32.min {
                // Counted without a branch on the activity, which falls either way from one row to
                // the next (a dense array over more months is harmless: only counts above 0 are kept).
                ensure(cohort)
                activeCounts[Int(cohort - lowest)] += Int(activeBit)
            }
        }
        activeBits.append(bits)
        for (cohort, n) in leaving { size[cohort, default: 0] -= n }
        var counts: [Int: Int] = [:]
        for offset in newSizes.indices {
            let month = Int(lowest) + offset
            if newSizes[offset] > 0 { size[month, default: 0] += newSizes[offset] }
            if activeCounts[offset] > 0 { counts[month] = activeCounts[offset] }
        }
        for (cohort, n) in counts {
            var column = active[cohort] ?? []
            if column.count < snapshot + 1 { column.append(contentsOf: repeatElement(0, count: snapshot + 1 - column.count)) }
            column[snapshot] = n
            active[cohort] = column
        }
        for (cohort, shifts) in earlierShifts {
            var column = active[cohort] ?? []
            if column.count < snapshot + 1 { column.append(contentsOf: repeatElement(0, count: snapshot + 1 - column.count)) }
            for (s, delta) in shifts.enumerated() { column[s] += delta }
            active[cohort] = column
        }
    }

    /// The matrix as of the latest recorded snapshot, cohorts in month order.
    public func matrix() -> [CohortRow] {
        guard let lastMonth = snapshotMonths.last else { return [] }
        // The latest snapshot of each month.
        var snapshotInMonth: [Int: Int] = [:]
        for (i, m) in snapshotMonths.enumerated() { snapshotInMonth[m] = i }
        return size.keys.sorted().compactMap { cohort in
            guard cohort <= lastMonth, let n = size[cohort], n > 0 else { return nil }
            let column = active[cohort] ?? []
            let retention: [Double?] = (0...(lastMonth - cohort)).map { k in
                guard let s = snapshotInMonth[cohort + k] else { return nil }
                return Double(s < column.count ? column[s] : 0) / Double(n)
            }
            return CohortRow(cohort: Month(index: cohort), size: n, retention: retention)
        }
    }
}
