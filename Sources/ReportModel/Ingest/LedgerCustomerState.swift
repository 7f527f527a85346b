/// Each customer's figures so far while a ledger's month ends are derived in order (internal to
/// `LedgerSource`), in raw storage: a month end's loop over every customer reads and writes them
/// with no array bounds or uniqueness checks. A reference, so that copies of a source share one
/// derivation; `nextPeriod` makes a second pass over the same state stop at its first read.
final class LedgerCustomerState: @unchecked Sendable {
    let count: Int
    /// The next snapshot to derive.
    var nextPeriod = 0
    /// Set once a customer's amounts overflowed (`advance` returned it): the later month ends
    /// cannot be derived, and their error was said once.
    var failed = false
    /// Each customer's next line in the lines sorted by customer.
    let cursor: UnsafeMutablePointer<Int>
    /// The day of each customer's next line (`Int32.max` past its last), read in customer order so
    /// that a month end finds the customers it changes without touching the lines of the others.
    let nextDay: UnsafeMutablePointer<Int32>
    let orders: UnsafeMutablePointer<Int32>
    let revenue: UnsafeMutablePointer<Int64>
    let first: UnsafeMutablePointer<Int32>
    let last: UnsafeMutablePointer<Int32>
    let days: UnsafeMutablePointer<Int32>
    let repeatSpend: UnsafeMutablePointer<Int64>
    /// The customers with a purchase so far, written by `advance` (then appended to its `rows` in
    /// one copy: an array append per customer was an array check each).
    private let buyers: UnsafeMutablePointer<Int32>

    /// The state before any line: customer c's lines start at `start[c]` in `day` (`start` has one
    /// entry more than there are customers).
    init(start: [Int], day: [Int32]) {
        let n = start.count - 1
        count = n
        cursor = .allocate(capacity: n)
        nextDay = .allocate(capacity: n)
        orders = .allocate(capacity: n)
        revenue = .allocate(capacity: n)
        first = .allocate(capacity: n)
        last = .allocate(capacity: n)
        days = .allocate(capacity: n)
        repeatSpend = .allocate(capacity: n)
        buyers = .allocate(capacity: max(n, 1))
        for c in 0..<n {
            cursor[c] = start[c]
            nextDay[c] = start[c] < start[c + 1] ? day[start[c]] : Int32.max
        }
        orders.initialize(repeating: 0, count: n)
        revenue.initialize(repeating: 0, count: n)
        first.initialize(repeating: SnapshotTable.missingDay, count: n)
        last.initialize(repeating: SnapshotTable.missingDay, count: n)
        days.initialize(repeating: 0, count: n)
        repeatSpend.initialize(repeating: 0, count: n)
    }

    deinit {
        cursor.deallocate(); nextDay.deallocate(); orders.deallocate(); revenue.deallocate()
        first.deallocate(); last.deallocate(); days.deallocate(); repeatSpend.deallocate(); buyers.deallocate()
    }

    /// Takes in every line up to `cut` (lines sorted by customer, then day: `day`, `amount`,
    /// `startsOrder`, each customer's from `start[c]`) and appends to `rows` the customers with a
    /// purchase so far, in index order. Returns a customer whose amounts add up past what a report
    /// can sum exactly (the state is then unusable), nil otherwise.
    func advance(to cut: Int32, day: UnsafeBufferPointer<Int32>, amount: UnsafeBufferPointer<Int64>, startsOrder: UnsafeBufferPointer<Bool>,
                 start: UnsafeBufferPointer<Int>, rows: inout [Int32]) -> Int32? {
        let missing = SnapshotTable.missingDay
        var n = 0
        defer { rows.append(contentsOf: UnsafeBufferPointer(start: buyers, count: n)) }
        for c in 0..<count {
            if nextDay[c] > cut {
                if first[c] != missing { buyers[n] = Int32(truncatingIfNeeded: c); n += 1 }
                continue
            }
            var k = cursor[c]
            let end = start[c + 1]
            while k < end {
                let d = day[k]
                guard d <= cut else { break }
                if startsOrder[k] { orders[c] += 1 }
                let a = amount[k]
                let (sum, overflow) = revenue[c].addingReportingOverflow(a)
                if overflow || abs(sum) > Money.maxTotal { return Int32(truncatingIfNeeded: c) }
                revenue[c] = sum
                if first[c] == missing { first[c] = d }
                if d != last[c] { days[c] += 1 }
                if d != first[c] { repeatSpend[c] += a }
                last[c] = d
                k += 1
            }
            cursor[c] = k
            nextDay[c] = k < end ? day[k] : Int32.max
            if first[c] != missing { buyers[n] = Int32(truncatingIfNeeded: c); n += 1 }
        }
        return nil
    }
}
