import Foundation

/// Month-end snapshots derived from a transaction ledger (input.md, kind 2).
///
/// Snapshots run from the first purchase month to the as-of date (default: the last date in the
/// ledger; later lines are ignored). Each carries first/last order date, orders and revenue, plus the
/// purchase-day detail the predictive model uses. Snapshots must be read in order.
public struct LedgerSource: SnapshotSource {
    public let periods: [SnapshotPeriod]
    /// Long runs of months without any purchase line (`LedgerSource.gapWarnings`).
    public let warnings: [String]
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
    /// Set once a customer's amounts overflowed: the later month ends cannot be derived, and their
    /// error was said once.
    private var failed = false
    private var digests: [String]?

    private struct CustomerState {
        var cursor: [Int]
        /// The day of each customer's next line (`lineDay[cursor]`; `Int32.max` past its last), read
        /// in customer order so that a month end finds the customers it changes without touching
        /// the lines of the others.
        var nextDay: [Int32]
        var orders: [Int32]
        var revenue: [Int64]
        var first: [Int32]
        var last: [Int32]
        var days: [Int32]
        var repeatSpend: [Int64]
    }

    /// `digests`: work out `periodDigests()` (a pass over the lines, for the build cache).
    public init(path: String, asOf: Day?, dialect: InputDialect, digests: Bool = false) throws(InputErrors) {
        let display = (path as NSString).lastPathComponent
        let file: MappedFile
        do { file = try MappedFile(path: path, displayName: display) } catch let e as InputError { throw InputErrors([e]) } catch {
            throw InputErrors([InputError(file: display, line: 0, column: 0, message: "\(error)", expected: "a readable file")])
        }
        var parsed = try withExtendedLifetime(file) { () throws(InputErrors) -> LedgerReader.Lines in
            try LedgerReader(dialect: dialect).read(bytes: file.bytes, name: display, consumed: { file.discard(before: $0) },
                                             released: { file.discard($0) })
        }
        name = display
        guard let maxDay = parsed.parts.compactMap({ $0.day.max() }).max() else {
            throw InputErrors([InputError(file: display, line: 2, column: 0, message: "the ledger has no purchase line", expected: "at least one row after the header")])
        }
        let cut = asOf ?? Day(ordinal: maxDay)
        // Lines after the as-of date are ignored (that is how a calibration period is cut).
        if parsed.parts.contains(where: { $0.day.contains { $0 > cut.ordinal } }) {
            parsed.parts = parsed.parts.map { $0.through(cut.ordinal) }
        }
        guard let firstDay = parsed.parts.compactMap({ $0.day.min() }).min() else {
            throw InputErrors([InputError(file: display, line: 0, column: 0, message: "no purchase on or before the as-of date \(cut)", expected: "an --as-of date after the first purchase")])
        }
        let firstMonth = Day(ordinal: firstDay).month
        let monthEnds = cut.month.index - firstMonth.index + 1
        if monthEnds > LedgerSource.maxMonthEnds { throw InputErrors([LedgerSource.spanError(parsed, file: display, monthEnds: monthEnds)]) }
        warnings = monthEnds > LedgerSource.gapWarningMonths ? LedgerSource.gapWarnings(parsed, file: display, from: firstMonth, to: cut.month) : []
        let customerCount = parsed.customers.count
        let sorted = LedgerSource.sortedByCustomer(&parsed.parts, customers: customerCount, hasOrderID: parsed.hasOrderID)
        (lineDay, lineAmount, startsOrder) = (sorted.day, sorted.amount, sorted.startsOrder)
        let start = sorted.start
        // Every id is interned: month ends go by customer index (16 MB less at 1 M customers, through
        // the last month ends where a ledger build's memory peaks).
        parsed.customers.releaseTable()
        lines = parsed
        customerStart = start
        let nextDay = (0..<customerCount).map { c in start[c] < start[c + 1] ? sorted.day[start[c]] : Int32.max }
        state = CustomerState(cursor: Array(start.dropLast()), nextDay: nextDay, orders: .init(repeating: 0, count: customerCount),
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
        if digests { self.digests = LedgerSource.digests(periods: list, customers: parsed.customers.ids, start: start, day: sorted.day, amount: sorted.amount, order: sorted.order) }
    }

    /// The digest of each snapshot's lines, when asked for at `init`.
    public func periodDigests() -> [String]? { digests }

    /// A digest of each snapshot's lines (those of its month; for the last, up to the as-of date):
    /// the multiset of (customer id, day, amount, order id) and their count, whatever the lines'
    /// order in the file. A month end is derived from the lines up to it alone, so a ledger that
    /// grows by a month keeps the digests of the months before it. `order` is empty without an
    /// `order_id` column (every line is then an order).
    static func digests(periods: [SnapshotPeriod], customers ids: CustomerIDs, start: [Int], day: [Int32], amount: [Int64], order: [Int64]) -> [String] {
        let firstMonth = periods[0].asOf.month.index
        let firstOrdinal = Month(index: firstMonth).firstDay.ordinal
        let lastOrdinal = periods[periods.count - 1].asOf.ordinal
        // The snapshot of each day, worked out once per day.
        var periodOfDay = [Int32](repeating: 0, count: Int(lastOrdinal - firstOrdinal) + 1)
        for offset in periodOfDay.indices {
            periodOfDay[offset] = Int32(Day(ordinal: firstOrdinal + Int32(offset)).month.index - firstMonth)
        }
        @inline(__always) func mix(_ x: UInt64) -> UInt64 { SampleRandom.mix(x &+ 0x9E37_79B9_7F4A_7C15) }
        var sumA = [UInt64](repeating: 0, count: periods.count), sumB = sumA, count = [Int](repeating: 0, count: periods.count)
        for c in 0..<(start.count - 1) {
            var idHash = ContentHash()
            ids.withBytes(Int32(c)) { idHash.update($0) }
            let (ia, ib) = idHash.words
            for k in start[c]..<start[c + 1] {
                let p = Int(periodOfDay[Int(day[k] - firstOrdinal)])
                let d = UInt64(bitPattern: Int64(day[k])), m = UInt64(bitPattern: amount[k])
                let o = order.isEmpty ? 0 : UInt64(bitPattern: order[k])
                sumA[p] &+= mix(mix(mix(mix(ia) &+ d) &+ m) &+ o)
                sumB[p] &+= mix(mix(mix(mix(ib ^ 0x5851_F42D_4C95_7F2D) ^ (d &* 0xD6E8_FEB8_6659_FD93)) ^ (m &* 0xA076_1D64_78BD_642F)) ^ (o &* 0xE703_7ED1_A0B4_28DB))
                count[p] += 1
            }
        }
        return periods.indices.map { p in ContentHash.hex(sumA[p]) + ContentHash.hex(sumB[p]) + "-" + String(count[p]) }
    }

    /// Most month ends a ledger may span (100 years): more is a mistyped or placeholder date (a
    /// 9999-12-31 line in a 2024 ledger would make 95,700 month ends: hours of work, tens of GB of site).
    static let maxMonthEnds = 1_200

    /// The earliest and the latest line, by day and customer (ties: the first in file order).
    static func extremeLines(_ lines: LedgerReader.Lines) -> (earliest: (day: Int32, customer: Int32), latest: (day: Int32, customer: Int32)) {
        var earliest = (day: Int32.max, customer: Int32(-1)), latest = (day: Int32.min, customer: Int32(-1))
        for part in lines.parts {
            for (k, day) in part.day.enumerated() {
                if day < earliest.day { earliest = (day, part.customer[k]) }
                if day > latest.day { latest = (day, part.customer[k]) }
            }
        }
        return (earliest, latest)
    }

    /// The error for a ledger spanning more than `maxMonthEnds` month ends, naming its earliest and
    /// latest lines (on or before the as-of date) by date and customer.
    static func spanError(_ lines: LedgerReader.Lines, file: String, monthEnds: Int) -> InputError {
        let (earliest, latest) = extremeLines(lines)
        func describe(_ line: (day: Int32, customer: Int32)) -> String { "\(Day(ordinal: line.day)), customer \(lines.customers.id(line.customer))" }
        return InputError(file: file, line: 0, column: 0,
                          message: "the ledger spans \(monthEnds) month ends, from its earliest line (\(describe(earliest))) to the as-of date; latest line: \(describe(latest))",
                          expected: "at most \(maxMonthEnds) month ends (100 years): check for a mistyped or placeholder date, or cut the ledger with --as-of")
    }

    /// Months in a row without a purchase line from which a ledger is worth a warning.
    static let gapWarningMonths = 12

    /// Warnings for `gapWarningMonths` or more months in a row, between `first` and the as-of month
    /// `last`, without a purchase line: every one of them still gets a month end (input.md), so one
    /// mistyped year (1990 for 2024) makes hundreds of empty-looking snapshots. A gap between lines
    /// names the earliest line's date and customer; a gap after the last line names the as-of date.
    /// Every line lies between `first` and `last` (the ledger is cut at the as-of date).
    static func gapWarnings(_ lines: LedgerReader.Lines, file: String, from first: Month, to last: Month) -> [String] {
        let span = last.index - first.index + 1
        let (earliest, latest) = extremeLines(lines)
        // Days with a line, then months (a day's month worked out once per day, not per line).
        let firstOrdinal = first.firstDay.ordinal
        var dayHasLine = [Bool](repeating: false, count: Int(last.lastDay.ordinal - firstOrdinal) + 1)
        for part in lines.parts { for day in part.day { dayHasLine[Int(day - firstOrdinal)] = true } }
        var bought = [Bool](repeating: false, count: span)
        for (offset, has) in dayHasLine.enumerated() where has {
            bought[Day(ordinal: firstOrdinal + Int32(offset)).month.index - first.index] = true
        }
        var warnings: [String] = []
        let lastLine = Day(ordinal: latest.day)
        var longest = (start: 0, count: 0), run = 0
        for m in 0...(lastLine.month.index - first.index) {
            run = bought[m] ? 0 : run + 1
            if run > longest.count { longest = (m - run + 1, run) }
        }
        if longest.count >= gapWarningMonths {
            let gapFirst = Month(index: first.index + longest.start), gapLast = Month(index: first.index + longest.start + longest.count - 1)
            warnings.append("\(file): \(longest.count) months without a purchase line (\(gapFirst) to \(gapLast)) each get a month end, "
                + "\(span) in all from \(first); the earliest line is dated \(Day(ordinal: earliest.day)) "
                + "(customer \(lines.customers.id(earliest.customer))): check for a mistyped date")
        }
        let trailing = last.index - lastLine.month.index
        if trailing >= gapWarningMonths {
            warnings.append("\(file): the last line is dated \(lastLine), and the as-of date adds \(trailing) month end(s) after it "
                + "without any purchase line: check --as-of")
        }
        return warnings
    }

    /// The lines sorted by customer, then by day (ties in file order), as columns, and whether each
    /// starts a new order for its customer; `start[c]` is where customer c's lines begin
    /// (`customers + 1` entries). Each column of `parts` is freed as soon as it is moved.
    ///
    /// A counting sort: each line's place is worked out once, then every column is moved there in
    /// one sequential read, so that sorting each customer's few lines by day and finding its orders
    /// read lines next to each other. (Sorting line numbers, then gathering every column through
    /// them and comparing order ids through them, was a scattered read per line and column: 0.8 s
    /// of reading a 5 M-line ledger, all of it before a second thread has work.)
    static func sortedByCustomer(_ parts: inout [LedgerLineColumns], customers customerCount: Int, hasOrderID: Bool)
        -> (day: [Int32], amount: [Int64], startsOrder: [Bool], start: [Int], order: [Int64]) {
        let n = parts.reduce(0) { $0 + $1.count }
        precondition(n < Int(Int32.max), "a ledger of 2^31 lines or more")
        var start = [Int](repeating: 0, count: customerCount + 1)
        for part in parts { for c in part.customer { start[Int(c) + 1] += 1 } }
        for c in 0..<customerCount { start[c + 1] += start[c] }
        // The place of each line, in file order.
        var place = [Int32](repeating: 0, count: n)
        do {
            var fill = start.map { Int32(truncatingIfNeeded: $0) }
            var line = 0
            place.withUnsafeMutableBufferPointer { place in
                fill.withUnsafeMutableBufferPointer { fill in
                    for k in parts.indices {
                        parts[k].customer.withUnsafeBufferPointer { customers in
                            for c in customers {
                                place[line] = fill[Int(c)]
                                fill[Int(c)] &+= 1
                                line += 1
                            }
                        }
                        parts[k].customer = []
                    }
                }
            }
        }
        func moved<T>(_ column: WritableKeyPath<LedgerLineColumns, [T]>) -> [T] {
            [T](unsafeUninitializedCapacity: n) { out, initialized in
                place.withUnsafeBufferPointer { place in
                    var line = 0
                    for k in parts.indices {
                        parts[k][keyPath: column].withUnsafeBufferPointer { values in
                            for v in values {
                                (out.baseAddress! + Int(place[line])).initialize(to: v)
                                line += 1
                            }
                        }
                        parts[k][keyPath: column] = []
                    }
                }
                initialized = n
            }
        }
        var order = hasOrderID ? moved(\.order) : []
        var amount = moved(\.amount)
        var day = moved(\.day)
        place = []
        // Each customer's lines by day, ties kept in file order (an insertion sort: a ledger in date
        // order needs no move at all).
        day.withUnsafeMutableBufferPointer { day in
            amount.withUnsafeMutableBufferPointer { amount in
                order.withUnsafeMutableBufferPointer { order in
                    for c in 0..<customerCount where start[c + 1] - start[c] > 1 {
                        let lower = start[c], upper = start[c + 1]
                        for k in (lower + 1)..<upper where day[k] < day[k - 1] {
                            let (d, a) = (day[k], amount[k])
                            let o = hasOrderID ? order[k] : 0
                            var j = k
                            while j > lower && day[j - 1] > d {
                                day[j] = day[j - 1]
                                amount[j] = amount[j - 1]
                                if hasOrderID { order[j] = order[j - 1] }
                                j -= 1
                            }
                            day[j] = d
                            amount[j] = a
                            if hasOrderID { order[j] = o }
                        }
                    }
                }
            }
        }
        // Which lines start an order: the first line (by day) of each distinct order id of a customer,
        // found within each customer's few lines (a global sort of 5 M lines cost 80 MB and ~1 s).
        var starts = [Bool](repeating: true, count: n)
        if hasOrderID {
            // Lines without an order id (-2) are orders of their own. A customer's few lines are
            // compared with the earlier ones directly; a `Set` per customer (hashing, clearing) was a
            // tenth of reading a 500 k-customer ledger and is kept for customers with many lines.
            var seen = Set<Int64>()
            order.withUnsafeBufferPointer { order in
                for c in 0..<customerCount where start[c + 1] - start[c] > 1 {
                    let range = start[c]..<start[c + 1]
                    if range.count <= 32 {
                        for k in range where order[k] != -2 {
                            var j = range.lowerBound
                            while j < k && order[j] != order[k] { j += 1 }
                            if j < k { starts[k] = false }
                        }
                        continue
                    }
                    seen.removeAll(keepingCapacity: true)
                    for k in range where order[k] != -2 && !seen.insert(order[k]).inserted { starts[k] = false }
                }
            }
        }
        return (day, amount, starts, start, order)
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
        // After an overflow no later month end can be derived; its error is not repeated for each.
        guard !failed else { return SnapshotOutcome(name: name, table: nil, errors: InputErrors(), unknownColumns: [], byteCount: 0) }
        let cut = period.asOf.ordinal
        // No status, vip, survey, complaint, refund or points columns: left empty (see `SnapshotTable`).
        // Customers with a purchase so far, in index order: the table's rows.
        let customerCount = customerStart.count - 1
        var table = SnapshotTable(period: period, columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue], capacity: 0, reusing: spare)
        table.derivedFromLedger = true
        var rows = table.customer
        table.customer = []
        rows.removeAll(keepingCapacityFor: customerCount)
        // A customer whose next line is after the cut is looked at through `nextDay` alone: reading
        // its next line instead was a cache miss per customer and month end (500 k-customer ledger,
        // 63 month ends: month ends 3,048 -> 2,363 perf samples, `validate --parse-only` 1.37-1.50 s
        // -> 1.23-1.30 s in alternating runs).
        for c in 0..<customerCount {
            if state.nextDay[c] > cut {
                if state.first[c] != SnapshotTable.missingDay { rows.append(Int32(c)) }
                continue
            }
            var k = state.cursor[c]
            let end = customerStart[c + 1]
            while k < end {
                let day = lineDay[k]
                guard day <= cut else { break }
                if startsOrder[k] { state.orders[c] += 1 }
                let (sum, overflow) = state.revenue[c].addingReportingOverflow(lineAmount[k])
                if overflow || abs(sum) > Money.maxTotal {
                    failed = true
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
            state.nextDay[c] = k < end ? lineDay[k] : Int32.max
            if state.first[c] != SnapshotTable.missingDay { rows.append(Int32(c)) }
        }
        // The columns gathered from the per-customer state (seven appends per row were 5 % of a ledger
        // build) into the table's storage: copied even when every customer is a row, since sharing
        // the state's arrays made the next month end copy them on its first write.
        func gather<T: BitwiseCopyable>(_ column: [T], into out: inout [T]) {
            column.withUnsafeBufferPointer { column in
                if rows.count == customerCount {
                    out.removeAll(keepingCapacityFor: rows.count)
                    out.append(contentsOf: column)
                    return
                }
                rows.withUnsafeBufferPointer { rows in out.refill(gathering: column, at: rows) }
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
