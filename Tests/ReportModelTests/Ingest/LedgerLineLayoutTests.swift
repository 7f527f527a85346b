import Testing
@testable import ReportModel

/// A ledger's lines ordered by customer (`LedgerSource.sortedByCustomer`), grouped by month end
/// (`groupedByPeriod`) and digested (`digests`), with the lines read in one part or several and the
/// work split into any number of chunks of customers: each against a plain stable sort of the same
/// lines, and the digests against themselves.
@Suite("Ingest: a ledger's lines ordered in parts and chunks")
struct LedgerLineLayoutTests {
    /// The first day of the generated lines: 2025-01-01, as in `LedgerMonthEndTests`.
    static let firstDay = IngestSupport.day("2025-01-01")

    /// `count` lines in file order of `customers` customers over about 14 months: small customer
    /// counts and days so that ties are many; order ids drawn from a few per customer, some empty
    /// (-2); some customers with more than 32 lines (their orders are found through a table).
    static func lines(count: Int, customers: Int, seed: UInt64) -> LedgerLineColumns {
        var random = SampleRandom(seed: seed, 3, salt: 79)
        var lines = LedgerLineColumns()
        for _ in 0..<count {
            // A tenth of the lines go to the first five customers: they have many lines each.
            let c = random.below(10) == 0 ? random.below(5) : random.below(customers)
            lines.customer.append(Int32(c))
            lines.day.append(firstDay.ordinal + Int32(random.below(420)))
            lines.amount.append(Int64(random.below(40_000)) - 10_000)
            lines.order.append(random.below(7) == 0 ? -2 : Int64(c * 1_000 + random.below(40)))
        }
        return lines
    }

    /// `lines` cut into `parts` parts of random lengths (some maybe empty), in file order.
    static func parts(_ lines: LedgerLineColumns, count parts: Int, seed: UInt64) -> [LedgerLineColumns] {
        var random = SampleRandom(seed: seed, 4, salt: 80)
        var cuts = (0..<(parts - 1)).map { _ in random.below(lines.count + 1) }.sorted()
        cuts = [0] + cuts + [lines.count]
        return (0..<parts).map { k in
            let range = cuts[k]..<cuts[k + 1]
            return LedgerLineColumns(customer: Array(lines.customer[range]), day: Array(lines.day[range]),
                                     amount: Array(lines.amount[range]), order: Array(lines.order[range]))
        }
    }

    /// The lines (their file positions) by customer, then day, then file order; and whether each
    /// starts an order: the first of its order id among its customer's lines in that order, a line
    /// without an order id (or every line, without the column) always.
    static func reference(_ lines: LedgerLineColumns, hasOrderID: Bool) -> (order: [Int], starts: [Bool]) {
        let order = lines.customer.indices.sorted { (lines.customer[$0], lines.day[$0], $0) < (lines.customer[$1], lines.day[$1], $1) }
        var seen = Set<[Int64]>()
        let starts = order.map { k in
            !hasOrderID || lines.order[k] == -2 || seen.insert([Int64(lines.customer[k]), lines.order[k]]).inserted
        }
        return (order, starts)
    }

    /// The first position where `a` and `b` differ (nil when equal): failures name a place rather
    /// than print thousands of values.
    static func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
        a.count != b.count ? min(a.count, b.count) : a.indices.first { a[$0] != b[$0] }
    }

    @Test("ordered by customer: the same lines, orders and customer starts, in any parts and chunks",
          arguments: [1, 2, 3, 4])
    func sortedByCustomer(parts partCount: Int) {
        let customers = 400
        let lines = Self.lines(count: 6_000, customers: customers, seed: UInt64(partCount))
        for hasOrderID in [true, false] {
            let expected = Self.reference(lines, hasOrderID: hasOrderID)
            var expectedStart = [Int](repeating: 0, count: customers + 1)
            for c in lines.customer { expectedStart[Int(c) + 1] += 1 }
            for c in 0..<customers { expectedStart[c + 1] += expectedStart[c] }
            for chunks in [1, 2, 3, 7] {
                var parts = Self.parts(lines, count: partCount, seed: UInt64(chunks))
                if !hasOrderID { for k in parts.indices { parts[k].order = [] } }
                let sorted = LedgerSource.sortedByCustomer(&parts, customers: customers, hasOrderID: hasOrderID, chunks: chunks)
                #expect(Self.firstDifference(sorted.start, expectedStart) == nil, "\(partCount) parts, \(chunks) chunks")
                #expect(Self.firstDifference(sorted.day, expected.order.map { lines.day[$0] }) == nil, "\(partCount) parts, \(chunks) chunks")
                #expect(Self.firstDifference(sorted.amount, expected.order.map { lines.amount[$0] }) == nil, "\(partCount) parts, \(chunks) chunks")
                #expect(Self.firstDifference(sorted.order, hasOrderID ? expected.order.map { lines.order[$0] } : []) == nil, "\(partCount) parts, \(chunks) chunks")
                #expect(Self.firstDifference(sorted.startsOrder, expected.starts) == nil, "\(partCount) parts, \(chunks) chunks, order ids: \(hasOrderID)")
                #expect(parts.allSatisfy { $0.count == 0 && $0.customer.isEmpty && $0.order.isEmpty }, "every part's columns freed")
            }
        }
    }

    /// A ledger exported newest first: every customer's lines in reverse day order, those of the first
    /// five customers (hundreds each) sorted by their keys, the others by insertion. Ties keep file
    /// order, as in the reference.
    @Test("ordered by customer: a ledger newest first")
    func sortedByCustomerNewestFirst() {
        let customers = 400
        let drawn = Self.lines(count: 6_000, customers: customers, seed: 5)
        let byDayDescending = drawn.day.indices.sorted { (drawn.day[$1], $0) < (drawn.day[$0], $1) }
        let lines = LedgerLineColumns(customer: byDayDescending.map { drawn.customer[$0] }, day: byDayDescending.map { drawn.day[$0] },
                                      amount: byDayDescending.map { drawn.amount[$0] }, order: byDayDescending.map { drawn.order[$0] })
        let expected = Self.reference(lines, hasOrderID: true)
        for chunks in [1, 3] {
            var parts = Self.parts(lines, count: 2, seed: UInt64(chunks))
            let sorted = LedgerSource.sortedByCustomer(&parts, customers: customers, hasOrderID: true, chunks: chunks)
            #expect(Self.firstDifference(sorted.day, expected.order.map { lines.day[$0] }) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(sorted.amount, expected.order.map { lines.amount[$0] }) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(sorted.order, expected.order.map { lines.order[$0] }) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(sorted.startsOrder, expected.starts) == nil, "\(chunks) chunks")
        }
    }

    @Test("grouped by month end: each month end's lines in customer order, in any chunks")
    func groupedByPeriod() {
        let customers = 300
        let lines = Self.lines(count: 5_000, customers: customers, seed: 9)
        let last = Day(ordinal: lines.day.max()!)
        let periods = LedgerDayPeriods(from: Self.firstDay.month, through: last)
        let periodCount = last.month.index - Self.firstDay.month.index + 1
        let expected = Self.reference(lines, hasOrderID: true)
        // The reference: the customer-ordered lines stably by period.
        let byPeriod = expected.order.indices.sorted { (periods[lines.day[expected.order[$0]]], $0) < (periods[lines.day[expected.order[$1]]], $1) }
        var expectedStart = [Int](repeating: 0, count: periodCount + 1)
        for d in lines.day { expectedStart[periods[d] + 1] += 1 }
        for p in 0..<periodCount { expectedStart[p + 1] += expectedStart[p] }
        for chunks in [1, 2, 3, 7] {
            var parts = [lines]
            var sorted = LedgerSource.sortedByCustomer(&parts, customers: customers, hasOrderID: true, chunks: 2)
            let grouped = LedgerSource.groupedByPeriod(&sorted, periodOfDay: periods, periods: periodCount, chunks: chunks)
            #expect(Self.firstDifference(grouped.start, expectedStart) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(grouped.customer, byPeriod.map { r in
                UInt32(lines.customer[expected.order[r]]) | (expected.starts[r] ? LedgerSource.startsOrderBit : 0)
            }) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(grouped.amount, byPeriod.map { lines.amount[expected.order[$0]] }) == nil, "\(chunks) chunks")
            #expect(Self.firstDifference(grouped.dayInMonth, byPeriod.map { r in
                let day = lines.day[expected.order[r]]
                return UInt8(day - Day(ordinal: day).month.firstDay.ordinal)
            }) == nil, "\(chunks) chunks")
        }
    }

    @Test("month digests: the same in any chunks and line order; a changed line changes its month's digest only")
    func digests() throws {
        let customers = 300
        var lines = Self.lines(count: 5_000, customers: customers, seed: 12)
        let last = Day(ordinal: lines.day.max()!)
        let dayPeriods = LedgerDayPeriods(from: Self.firstDay.month, through: last)
        var list: [SnapshotPeriod] = []
        var month = Self.firstDay.month
        while month.lastDay < last { list.append(SnapshotPeriod(monthEnd: month)); month = Month(index: month.index + 1) }
        list.append(SnapshotPeriod(asOf: last))
        var index = CustomerIndex()
        for c in 0..<customers { _ = index.intern("C\(c)") }
        func digests(_ lines: LedgerLineColumns, chunks: Int) -> [String] {
            var parts = [lines]
            let sorted = LedgerSource.sortedByCustomer(&parts, customers: customers, hasOrderID: true, chunks: chunks)
            return LedgerSource.digests(periods: list, periodOfDay: dayPeriods, customers: index.ids, start: sorted.start,
                                        day: sorted.day, amount: sorted.amount, order: sorted.order, chunks: chunks)
        }
        let reference = digests(lines, chunks: 1)
        #expect(reference.count == list.count && Set(reference).count == list.count, "a digest per month end, all different")
        var reversed = lines
        reversed.customer.reverse(); reversed.day.reverse(); reversed.amount.reverse(); reversed.order.reverse()
        for chunks in [2, 3, 7] {
            #expect(digests(lines, chunks: chunks) == reference, "\(chunks) chunks")
            #expect(digests(reversed, chunks: chunks) == reference, "lines reversed, \(chunks) chunks")
        }
        // One line's amount changed by a cent: its month end's digest changes, no other.
        let k = 2_500
        let changed = dayPeriods[lines.day[k]]
        lines.amount[k] += Money.scale / 100
        let after = digests(lines, chunks: 2)
        for p in list.indices {
            #expect((after[p] == reference[p]) == (p != changed), "month end \(p)")
        }
    }

    @Test("earliest and latest lines: the first in file order among ties, in any parts")
    func extremeLines() {
        // Few distinct days: many ties for the earliest and the latest.
        var lines = Self.lines(count: 3_000, customers: 200, seed: 21)
        lines.day = lines.day.map { Self.firstDay.ordinal + ($0 - Self.firstDay.ordinal) % 5 }
        let earliestDay = lines.day.min()!, latestDay = lines.day.max()!
        let first = lines.day.firstIndex(of: earliestDay)!, last = lines.day.firstIndex(of: latestDay)!
        for partCount in [1, 2, 3, 4] {
            var read = LedgerReader.Lines()
            read.parts = Self.parts(lines, count: partCount, seed: UInt64(partCount))
            let found = LedgerSource.extremeLines(read)
            #expect(found.earliest == (earliestDay, lines.customer[first]), "\(partCount) parts")
            #expect(found.latest == (latestDay, lines.customer[last]), "\(partCount) parts")
        }
        let none = LedgerSource.extremeLines(LedgerReader.Lines())
        #expect(none.earliest.customer == -1 && none.latest.customer == -1)
    }

    @Test("chunk bounds: ascending from 0 to the count, each chunk's weight within one item of an even share")
    func chunkBounds() {
        var random = SampleRandom(seed: 5, 6, salt: 81)
        for (count, parts) in [(0, 2), (1, 3), (10, 1), (500, 2), (500, 7), (3, 8)] {
            // Item weights 0–9 (some items weigh nothing, as customers with no line do).
            let weights = (0..<count).map { _ in random.below(10) }
            var cumulative = [0]
            for w in weights { cumulative.append(cumulative[cumulative.count - 1] + w) }
            let bounds = ParallelChunks.bounds(count, parts: parts) { cumulative[$0] }
            #expect(bounds.count == parts + 1 && bounds.first == 0 && bounds.last == count, "\(count) items, \(parts) parts")
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 }, "\(count) items, \(parts) parts")
            // The first bound whose weight reaches each share: at most one item's weight past it.
            let total = cumulative[count]
            for j in 1..<parts {
                let goal = total * j / parts
                #expect(cumulative[bounds[j]] >= goal && (bounds[j] == 0 || cumulative[bounds[j] - 1] < goal),
                        "\(count) items, \(parts) parts, bound \(j)")
            }
        }
    }
}
