import Foundation
import Testing
@testable import ReportModel

/// The BG/NBD grouping carried from snapshot to snapshot (`IncrementalTripleGrouping`) against the
/// grouping from scratch (`BGNBDData.init`) of the same buyers, field for field, over simulated
/// months: buyers buying again, new buyers, buyers missing from a month, shuffled rows, missing first
/// orders, out-of-range dates, ledger month ends, weeks and days.
@Suite struct IncrementalTripleGroupingTests {
    /// A simulated customer base: per customer its first and last order day and its orders.
    struct Base {
        var first: [Int32] = [], last: [Int32] = [], orders: [Int32] = []
        var g: LifetimeTestRNG

        init(seed: UInt64) { g = LifetimeTestRNG(seed: seed) }

        /// One month ending on `asOf`: a share of the customers buy again, `joining` new ones buy first.
        mutating func month(asOf: Int32, buying share: Double, joining: Int) {
            for c in orders.indices where g.uniform() < share {
                last[c] = asOf - Int32(g.uniform() * 30)
                orders[c] += 1 + Int32(g.uniform() * 3)
            }
            for _ in 0..<joining {
                let day = asOf - Int32(g.uniform() * 30)
                first.append(day)
                last.append(day)
                orders.append(1 + Int32(g.uniform() * 2))
            }
        }

        /// The month's table: every customer but a few, in shuffled order when asked, some without
        /// their first order day, a few prospects and a few rows with dates out of order.
        mutating func table(_ period: SnapshotPeriod, shuffled: Bool, ledger: Bool) -> SnapshotTable {
            var table = SnapshotTable(period: period, columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue])
            table.derivedFromLedger = ledger
            var customers = Array(orders.indices)
            if shuffled {
                for i in customers.indices.reversed() where i > 0 { customers.swapAt(i, Int(g.next() % UInt64(i + 1))) }
            }
            for c in customers where g.uniform() > 0.03 {
                let odd = g.uniform()
                table.customer.append(Int32(c))
                table.firstOrder.append(odd < 0.08 ? SnapshotTable.missingDay : odd < 0.09 ? period.asOf.ordinal + 5 : first[c])
                table.lastOrder.append(odd > 0.995 ? first[c] - 3 : last[c])
                table.orders.append(odd > 0.98 ? 0 : orders[c])
                table.revenue.append(Int64(orders[c]) * 10 * Money.scale)
                if ledger {
                    table.purchaseDays.append(max(orders[c] - Int32(c % 2), 0))
                    table.repeatSpend.append(Int64(orders[c]) * 5 * Money.scale)
                }
            }
            return table
        }
    }

    /// The buyers of `table` (rows with an order), as `LifetimeStage` takes them.
    static func buyers(_ table: SnapshotTable, earliest: [Int32], unit: Double) -> BuyerHistories {
        BuyerHistories(rows: (0..<table.count).filter { table.orders[$0] >= 1 }.map(Int32.init), table: table, earliestPurchase: earliest, unit: unit)
    }

    /// The grouping from scratch of the same buyers.
    static func fromScratch(_ buyers: BuyerHistories) -> BGNBDData {
        var scratch = BGNBDScratch()
        return BGNBDData(buyers, scratch: &scratch)
    }

    /// Every field of two groupings, doubles to the bit.
    static func expectSame(_ a: BGNBDData, _ b: BGNBDData, _ label: String) {
        func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }
        #expect(bits(a.ages) == bits(b.ages), "ages, \(label)")
        #expect(bits(a.recencies) == bits(b.recencies), "recencies, \(label)")
        #expect(a.zeroAge == b.zeroAge && bits(a.zeroWeight) == bits(b.zeroWeight), "x = 0, \(label)")
        #expect(bits(a.counts) == bits(b.counts) && bits(a.countWeight) == bits(b.countWeight) && a.groupStart == b.groupStart, "counts, \(label)")
        #expect(a.entryRecency == b.entryRecency && a.entryAge == b.entryAge && bits(a.entryWeight) == bits(b.entryWeight), "entries, \(label)")
        #expect(a.customers == b.customers && a.repeatBuyers == b.repeatBuyers, "customers, \(label)")
        #expect(a.totalRepeats.bitPattern == b.totalRepeats.bitPattern && a.totalAge.bitPattern == b.totalAge.bitPattern, "totals, \(label)")
        #expect(a.tripleKeys.count == b.tripleKeys.count && zip(a.tripleKeys, b.tripleKeys).allSatisfy { $0 == $1 }, "triples, \(label)")
        #expect(a.historyTriple == b.historyTriple, "each history's triple, \(label)")
    }

    @Test(arguments: [(1.0, false, false), (7.0, false, false), (7.0, true, false), (1.0, true, true), (7.0, false, true)])
    func monthAfterMonthEqualsGroupingFromScratch(unit: Double, shuffled: Bool, ledger: Bool) {
        var base = Base(seed: UInt64(unit) * 10 + (shuffled ? 1 : 0) + (ledger ? 2 : 0))
        var grouping = IncrementalTripleGrouping()
        var scratch = BGNBDScratch()
        var earliest: [Int32] = []
        var month = Month(year: 2025, month: 1)
        var incremental = 0
        for m in 0..<9 {
            let period = SnapshotPeriod(monthEnd: month)
            base.month(asOf: period.asOf.ordinal, buying: m == 0 ? 0 : 0.2, joining: m == 0 ? 3000 : 300)
            let table = base.table(period, shuffled: shuffled, ledger: ledger)
            earliest += repeatElement(Int32.max, count: base.orders.count - earliest.count)
            let buyers = Self.buyers(table, earliest: earliest, unit: unit)
            let expected = Self.fromScratch(buyers)
            guard let grouped = grouping.group(buyers, scratch: &scratch) else {
                Issue.record("month \(m): not grouped")
                return
            }
            Self.expectSame(grouped, expected, "month \(m)")
            scratch.reclaim(grouped)
            if m > 0 {
                // A fifth of the buyers buy again, a tenth are new: fewer than half are sorted again.
                #expect(grouping.changedBuyers < buyers.count / 2, "month \(m): \(grouping.changedBuyers) of \(buyers.count) changed")
                incremental += 1
            } else {
                #expect(grouping.changedBuyers == buyers.count)
            }
            // The next months' missing first orders: the earliest order day seen so far.
            for row in 0..<table.count where table.orders[row] >= 1 {
                let c = Int(table.customer[row])
                let day = table.firstOrder[row] != SnapshotTable.missingDay ? table.firstOrder[row] : table.lastOrder[row]
                earliest[c] = min(earliest[c], day)
            }
            month = Month(index: month.index + 1)
        }
        #expect(incremental == 8)
    }

    /// Months out of order, a change of time unit and a month with no earlier grouping to start from
    /// give the grouping from scratch too.
    @Test func monthsOutOfOrderAndAChangedUnit() {
        var base = Base(seed: 77)
        var grouping = IncrementalTripleGrouping()
        var scratch = BGNBDScratch()
        var month = Month(year: 2025, month: 1)
        var tables: [SnapshotTable] = []
        for _ in 0..<4 {
            let period = SnapshotPeriod(monthEnd: month)
            base.month(asOf: period.asOf.ordinal, buying: 0.3, joining: 500)
            tables.append(base.table(period, shuffled: true, ledger: false))
            month = Month(index: month.index + 1)
        }
        let earliest = [Int32](repeating: Int32.max, count: base.orders.count)
        for (i, unit) in [(3, 7.0), (1, 7.0), (2, 7.0), (2, 1.0), (0, 1.0), (3, 1.0)] {
            let buyers = Self.buyers(tables[i], earliest: earliest, unit: unit)
            guard let grouped = grouping.group(buyers, scratch: &scratch) else {
                Issue.record("table \(i): not grouped")
                return
            }
            Self.expectSame(grouped, Self.fromScratch(buyers), "table \(i), unit \(unit)")
            scratch.reclaim(grouped)
        }
    }

    /// A buyer with more repeat purchases than a packed triple holds: not grouped here (the caller
    /// groups from scratch), and the next month is grouped right without that month to start from.
    @Test func aBuyerBeyondThePackedTriplesIsLeftToTheGroupingFromScratch() {
        var base = Base(seed: 5)
        var grouping = IncrementalTripleGrouping()
        var scratch = BGNBDScratch()
        var month = Month(year: 2025, month: 1)
        let unit = 7.0
        for m in 0..<3 {
            let period = SnapshotPeriod(monthEnd: month)
            base.month(asOf: period.asOf.ordinal, buying: 0.2, joining: 400)
            var table = base.table(period, shuffled: false, ledger: false)
            if m == 1 { table.orders[0] = Int32(IncrementalTripleGrouping.countLimit) + 1 }
            let earliest = [Int32](repeating: Int32.max, count: base.orders.count)
            let buyers = Self.buyers(table, earliest: earliest, unit: unit)
            let grouped = grouping.group(buyers, scratch: &scratch)
            if m == 1 {
                #expect(grouped == nil)
            } else if let grouped {
                Self.expectSame(grouped, Self.fromScratch(buyers), "month \(m)")
                scratch.reclaim(grouped)
            } else {
                Issue.record("month \(m): not grouped")
            }
            month = Month(index: month.index + 1)
        }
    }

    /// A table naming a customer beyond those the predictor knows (its per-customer arrays too short)
    /// is left to the grouping from scratch rather than read out of bounds.
    @Test func aCustomerBeyondTheKnownOnesIsLeftToTheGroupingFromScratch() {
        var base = Base(seed: 8)
        let period = SnapshotPeriod(monthEnd: Month(year: 2025, month: 3))
        base.month(asOf: period.asOf.ordinal, buying: 0, joining: 50)
        var table = base.table(period, shuffled: false, ledger: false)
        for row in 0..<table.count where table.firstOrder[row] == SnapshotTable.missingDay { table.firstOrder[row] = table.lastOrder[row] }
        var grouping = IncrementalTripleGrouping()
        var scratch = BGNBDScratch()
        let known = Int(table.customer.max()!)
        #expect(grouping.group(Self.buyers(table, earliest: [Int32](repeating: Int32.max, count: known), unit: 7), scratch: &scratch) == nil)
        #expect(grouping.group(Self.buyers(table, earliest: [Int32](repeating: Int32.max, count: known + 1), unit: 7), scratch: &scratch) != nil)
    }

    /// Day ranks: dense below the limit, a sorted list beyond it, the same ranks either way.
    @Test func dayRanksDenseAndSparse() {
        let days = [5, 3, 3, 9, 0, 5]
        let dense = DayRanks(days)
        #expect(dense.days == [0, 3, 5, 9])
        #expect([0, 3, 5, 9].map { dense.rank(of: $0) } == [0, 1, 2, 3])
        let far = DayRanks(days + [DayRanks.denseLimit + 7])
        #expect(far.days == [0, 3, 5, 9, DayRanks.denseLimit + 7])
        #expect([0, 3, 5, 9, DayRanks.denseLimit + 7].map { far.rank(of: $0) } == [0, 1, 2, 3, 4])
        #expect(DayRanks([Int]()).days.isEmpty)
    }
}
