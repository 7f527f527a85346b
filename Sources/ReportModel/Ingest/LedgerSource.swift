import Foundation

/// Month-end snapshots derived from a transaction ledger (input.md, kind 2).
///
/// Snapshots run from the first purchase month to the as-of date (default: the last date in the
/// ledger; later lines are ignored). Each carries first/last order date, orders and revenue, plus the
/// purchase-day detail the predictive model uses. Snapshots must be read in order.
public struct LedgerSource: SnapshotSource {
    public let periods: [SnapshotPeriod]
    private let name: String
    private let lines: LedgerReader.Lines
    /// The lines sorted by (customer, day), as columns: day, amount, and whether the line starts a
    /// new order for its customer. (Kept by line with an index sorted by customer, each month end
    /// read one scattered line per customer still to come: a cache miss each, 6 % of a ledger build.)
    private let lineDay: [Int32]
    private let lineAmount: [Int64]
    private let startsOrder: [Bool]
    /// Start of each customer's lines in the sorted columns (customers.count + 1 entries).
    private let customerStart: [Int]
    private var state: CustomerState
    private var nextIndex = 0

    private struct CustomerState {
        var cursor: [Int]
        var orders: [Int32]
        var revenue: [Int64]
        var first: [Int32]
        var last: [Int32]
        var days: [Int32]
        var repeatSpend: [Int64]
    }

    public init(path: String, asOf: Day?, dialect: InputDialect) throws(InputErrors) {
        let display = (path as NSString).lastPathComponent
        let file: MappedFile
        do { file = try MappedFile(path: path, displayName: display) } catch let e as InputError { throw InputErrors([e]) } catch {
            throw InputErrors([InputError(file: display, line: 0, column: 0, message: "\(error)", expected: "a readable file")])
        }
        var parsed = try withExtendedLifetime(file) { () throws(InputErrors) -> LedgerReader.Lines in
            try LedgerReader(dialect: dialect).read(bytes: file.bytes, name: display, consumed: { file.discard(before: $0) })
        }
        name = display
        guard let maxDay = parsed.day.max() else {
            throw InputErrors([InputError(file: display, line: 2, column: 0, message: "the ledger has no purchase line", expected: "at least one row after the header")])
        }
        let cut = asOf ?? Day(ordinal: maxDay)
        // Lines after the as-of date are ignored (that is how a calibration period is cut).
        if parsed.day.contains(where: { $0 > cut.ordinal }) {
            let keep = parsed.day.indices.filter { parsed.day[$0] <= cut.ordinal }
            parsed.customer = keep.map { parsed.customer[$0] }
            parsed.amount = keep.map { parsed.amount[$0] }
            if parsed.hasOrderID { parsed.order = keep.map { parsed.order[$0] } }
            parsed.day = keep.map { parsed.day[$0] }
        }
        // The reader's arrays grew by doubling; these two live for the whole build, so keep exact-size
        // copies (up to 48 MB less for 5 M lines).
        parsed.day = parsed.day.withUnsafeBufferPointer { Array($0) }
        parsed.amount = parsed.amount.withUnsafeBufferPointer { Array($0) }
        guard let firstDay = parsed.day.min() else {
            throw InputErrors([InputError(file: display, line: 0, column: 0, message: "no purchase on or before the as-of date \(cut)", expected: "an --as-of date after the first purchase")])
        }
        let n = parsed.customer.count
        let customerCount = parsed.customers.count

        // Counting sort by customer, then by day within each customer.
        var start = [Int](repeating: 0, count: customerCount + 1)
        for c in parsed.customer { start[Int(c) + 1] += 1 }
        for c in 0..<customerCount { start[c + 1] += start[c] }
        var fill = start
        var sorted = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let c = Int(parsed.customer[i])
            sorted[fill[c]] = Int32(i)
            fill[c] += 1
        }
        for c in 0..<customerCount where start[c + 1] - start[c] > 1 {
            sorted[start[c]..<start[c + 1]].sort { parsed.day[Int($0)] != parsed.day[Int($1)] ? parsed.day[Int($0)] < parsed.day[Int($1)] : $0 < $1 }
        }
        // Which lines start an order: the first line (by day) of each distinct order id of a customer,
        // found within each customer's few lines (a global sort of 5 M lines cost 80 MB and ~1 s).
        var starts = [Bool](repeating: true, count: n)
        if parsed.hasOrderID {
            // Lines without an order id (-2) are orders of their own. A customer's few lines are
            // compared with the earlier ones directly; a `Set` per customer (hashing, clearing) was a
            // tenth of reading a 500 k-customer ledger and is kept for customers with many lines.
            var seen = Set<Int64>()
            for c in 0..<customerCount where start[c + 1] - start[c] > 1 {
                let range = start[c]..<start[c + 1]
                if range.count <= 32 {
                    for k in range {
                        let orderID = parsed.order[Int(sorted[k])]
                        guard orderID != -2 else { continue }
                        var j = range.lowerBound
                        while j < k && parsed.order[Int(sorted[j])] != orderID { j += 1 }
                        if j < k { starts[Int(sorted[k])] = false }
                    }
                    continue
                }
                seen.removeAll(keepingCapacity: true)
                for k in range {
                    let line = Int(sorted[k])
                    let orderID = parsed.order[line]
                    if orderID != -2 && !seen.insert(orderID).inserted { starts[line] = false }
                }
            }
        }
        // The columns in sorted order, each original freed as soon as it is copied.
        parsed.customer = []
        parsed.order = []
        startsOrder = sorted.map { starts[Int($0)] }
        starts = []
        lineDay = sorted.map { parsed.day[Int($0)] }
        parsed.day = []
        lineAmount = sorted.map { parsed.amount[Int($0)] }
        parsed.amount = []
        lines = parsed
        customerStart = start
        state = CustomerState(cursor: Array(start.dropLast()), orders: .init(repeating: 0, count: customerCount),
                              revenue: .init(repeating: 0, count: customerCount), first: .init(repeating: SnapshotTable.missingDay, count: customerCount),
                              last: .init(repeating: SnapshotTable.missingDay, count: customerCount), days: .init(repeating: 0, count: customerCount),
                              repeatSpend: .init(repeating: 0, count: customerCount))
        // Month ends from the first purchase month, then the as-of date itself.
        var list: [SnapshotPeriod] = []
        var month = Day(ordinal: firstDay).month
        while month.lastDay < cut {
            list.append(SnapshotPeriod(monthEnd: month))
            month = Month(index: month.index + 1)
        }
        list.append(SnapshotPeriod(asOf: cut))
        periods = list
    }

    /// A derived snapshot is a pass over lines already in memory, but a pass over every customer:
    /// 63 month ends of 500 k customers took 1.4 s of CPU on the thread that computes the figures,
    /// the critical path of a ledger build (read ahead: 16.5–17.6 → 14.2–14.7 s, peak 270 → 294 MB).
    /// The extra table grows with customers, so beyond `readAheadCustomers` month ends are derived
    /// when asked (a 1 M-customer ledger read ahead peaked at 434 MB instead of 353 MB).
    public var benefitsFromReadAhead: Bool { customerStart.count - 1 <= LedgerSource.readAheadCustomers }

    /// A month end is a pass over lines in memory (0.02 s for 500 k customers), against 0.1–0.2 s to fit it.
    public var readsAreLight: Bool { true }

    /// The most customers for which month ends are derived ahead (see `benefitsFromReadAhead`).
    public static let readAheadCustomers = 600_000

    public mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome {
        precondition(index == nextIndex, "ledger snapshots are derived in order")
        nextIndex += 1
        if index == 0 { customers = lines.customers }
        let period = periods[index]
        let cut = period.asOf.ordinal
        // No status, vip, survey, complaint, refund or points columns: left empty (see `SnapshotTable`).
        // Customers with a purchase so far, in index order: the table's rows.
        let customerCount = customerStart.count - 1
        var table = SnapshotTable(period: period, columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue], capacity: 0, reusing: spare)
        table.derivedFromLedger = true
        var rows = table.customer
        table.customer = []
        rows.removeAll(keepingCapacityFor: customerCount)
        for c in 0..<customerCount {
            var k = state.cursor[c]
            let end = customerStart[c + 1]
            while k < end {
                let day = lineDay[k]
                guard day <= cut else { break }
                if startsOrder[k] { state.orders[c] += 1 }
                let (sum, overflow) = state.revenue[c].addingReportingOverflow(lineAmount[k])
                if overflow || abs(sum) > Money.maxTotal {
                    return SnapshotOutcome(name: name, table: nil, errors: InputErrors([InputError(
                        file: name, line: 0, column: 0,
                        message: "the amounts of customer \(customers.id(Int32(c))) add up past \(Money.maxTotal / Money.scale) currency units",
                        expected: "amounts a report can sum exactly")]), unknownColumns: [], byteCount: 0)
                }
                state.revenue[c] = sum
                if state.first[c] == SnapshotTable.missingDay { state.first[c] = day }
                if day != state.last[c] { state.days[c] += 1 }
                if day != state.first[c] { state.repeatSpend[c] += lineAmount[k] }
                state.last[c] = day
                k += 1
            }
            state.cursor[c] = k
            if state.first[c] != SnapshotTable.missingDay { rows.append(Int32(c)) }
        }
        // The columns gathered from the per-customer state (seven appends per row were 5 % of a ledger
        // build) into the table's storage: copied even when every customer is a row, since sharing
        // the state's arrays made the next month end copy them on its first write.
        func gather<T>(_ column: [T], into out: inout [T]) {
            out.removeAll(keepingCapacityFor: rows.count)
            column.withUnsafeBufferPointer { column in
                if rows.count == customerCount { out.append(contentsOf: column); return }
                rows.withUnsafeBufferPointer { rows in out.append(contentsOf: rows.lazy.map { column[Int($0)] }) }
            }
        }
        gather(state.first, into: &table.firstOrder)
        gather(state.last, into: &table.lastOrder)
        gather(state.orders, into: &table.orders)
        gather(state.revenue, into: &table.revenue)
        gather(state.days, into: &table.purchaseDays)
        gather(state.repeatSpend, into: &table.repeatSpend)
        table.customer = rows
        var total: Int64 = 0
        for r in table.revenue {
            let (sum, overflow) = total.addingReportingOverflow(r)
            if overflow || abs(sum) > Money.maxTotal {
                return SnapshotOutcome(name: name, table: nil, errors: InputErrors([InputError(
                    file: name, line: 0, column: 0, message: "the amounts up to \(period.asOf) add up past \(Money.maxTotal / Money.scale) currency units",
                    expected: "amounts a report can sum exactly")]), unknownColumns: [], byteCount: 0)
            }
            total = sum
        }
        return SnapshotOutcome(name: name, table: table, errors: InputErrors(), unknownColumns: index == 0 ? lines.unknownColumns : [], byteCount: index == 0 ? lines.byteCount : 0)
    }
}
