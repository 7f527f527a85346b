/// Accumulates cohort sizes and active counts snapshot after snapshot, with memory per customer
/// (one cohort month each) and per cohort × snapshot, never per row.
public struct CohortTracker: Sendable {
    /// Cohort month index per customer; `Int32.min` while unknown.
    private var cohortOf: [Int32] = []
    private var size: [Int: Int] = [:]
    /// active[cohort][snapshot number]
    private var active: [Int: [Int]] = [:]
    /// As-of month of each snapshot so far.
    private var snapshotMonths: [Int] = []
    /// Per customer, the snapshots at which they were active before they had a cohort (a
    /// `status = active` prospect): the head of a list in `earlierActive` (-1: none), credited to
    /// their cohort when their first purchase gives one. metrics.md counts every customer of cohort c
    /// active at the snapshot of month c + k, and a first order can fall after earlier snapshots of
    /// the same month, or be dated back past snapshots that showed no orders. Empty until a snapshot
    /// has a `status` column.
    private var activeBeforeCohort: [Int32] = []
    /// The lists of `activeBeforeCohort`: runs of consecutive snapshot numbers, latest run first,
    /// and the next entry (-1: end). A prospect active snapshot after snapshot keeps one run (12
    /// bytes, however many snapshots); entries of customers who got a cohort are left behind.
    private var earlierActive: [(first: Int32, last: Int32, next: Int32)] = []

    public init() {}

    /// The cohort month of a customer, if known.
    public func cohort(of customer: Int32) -> Month? {
        let c = Int(customer)
        guard c < cohortOf.count, cohortOf[c] != Int32.min else { return nil }
        return Month(index: Int(cohortOf[c]))
    }

    /// Records one snapshot: assigns cohorts to new buyers and counts active customers per cohort.
    public mutating func record(_ table: SnapshotTable, active isActive: [Bool], customerCount: Int) {
        if cohortOf.count < customerCount { cohortOf.append(contentsOf: repeatElement(Int32.min, count: customerCount - cohortOf.count)) }
        // Only a `status` column makes a customer without orders active.
        if table.has(.status) && activeBeforeCohort.count < customerCount {
            activeBeforeCohort.append(contentsOf: repeatElement(-1, count: customerCount - activeBeforeCohort.count))
        }
        let snapshot = snapshotMonths.count
        snapshotMonths.append(table.period.asOf.month.index)
        let fallback = Int32(table.period.asOf.month.index)
        let hasFirst = table.has(.firstOrderDate)
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
        var earlierActivity: [(cohort: Int, snapshot: Int)] = []
        for row in 0..<table.count {
            let c = Int(table.customer[row])
            if cohortOf[c] == Int32.min && table.orders[row] >= 1 {
                let first = table.firstOrder[row]
                let month: Int32 = hasFirst && first != SnapshotTable.missingDay ? Int32(Day(ordinal: first).month.index) : fallback
                cohortOf[c] = month
                ensure(month)
                newSizes[Int(month - lowest)] += 1
                if c < activeBeforeCohort.count {
                    var entry = activeBeforeCohort[c]
                    while entry >= 0 {
                        let run = earlierActive[Int(entry)]
                        // Only snapshots from the cohort month on have a cell (k >= 0).
                        for earlier in Int(run.first)...Int(run.last) where snapshotMonths[earlier] >= Int(month) {
                            earlierActivity.append((Int(month), earlier))
                        }
                        entry = run.next
                    }
                    activeBeforeCohort[c] = -1
                }
            }
            let cohort = cohortOf[c]
            if cohort != Int32.min {
                // Counted without a branch on the activity, which falls either way from one row to
                // the next (a dense array over more months is harmless: only counts above 0 are kept).
                ensure(cohort)
                activeCounts[Int(cohort - lowest)] += isActive[row].bit
            } else if isActive[row] {
                if c < activeBeforeCohort.count {
                    let head = activeBeforeCohort[c]
                    if head >= 0 && earlierActive[Int(head)].last == Int32(snapshot - 1) {
                        earlierActive[Int(head)].last = Int32(snapshot)
                    } else {
                        earlierActive.append((Int32(snapshot), Int32(snapshot), head))
                        activeBeforeCohort[c] = Int32(earlierActive.count - 1)
                    }
                }
            }
        }
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
        for (cohort, earlier) in earlierActivity {
            var column = active[cohort] ?? []
            if column.count < snapshot + 1 { column.append(contentsOf: repeatElement(0, count: snapshot + 1 - column.count)) }
            column[earlier] += 1
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
