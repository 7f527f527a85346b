import Testing
@testable import ReportModel

/// Each buyer's history worked out from its table row (`BuyerHistories`), against values computed
/// by hand (metrics.md "Predictive lifetime value"), in weeks.
@Suite struct BuyerHistoriesTests {
    static let period = SnapshotPeriod(monthEnd: Month(year: 2026, month: 1))
    static var asOf: Int32 { period.asOf.ordinal }

    /// A table of `rows` (first order day or nil, last order day, orders, revenue in currency units),
    /// all days counted back from the as-of date.
    static func table(_ rows: [(first: Int32?, last: Int32, orders: Int32, revenue: Int64)]) -> SnapshotTable {
        var table = SnapshotTable(period: period, columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue])
        for (i, r) in rows.enumerated() {
            table.customer.append(Int32(i))
            table.firstOrder.append(r.first.map { asOf - $0 } ?? SnapshotTable.missingDay)
            table.lastOrder.append(asOf - r.last)
            table.orders.append(r.orders)
            table.revenue.append(r.revenue * Money.scale)
        }
        return table
    }

    @Test func crmRowsGiveRepeatOrdersSpendPerOrderAndWeeks() {
        let table = Self.table([
            (first: 70, last: 14, orders: 3, revenue: 300),   // x = 2, tx = 56 / 7, T = 70 / 7, m = 300 / 3
            (first: 40, last: 40, orders: 0, revenue: 0),     // a prospect: not a buyer
            (first: nil, last: 7, orders: 1, revenue: 45),    // first order: the earliest seen before (35 days)
            (first: nil, last: 21, orders: 4, revenue: 80),   // none seen before: the last order
        ])
        let earliest: [Int32] = [Int32.max, Int32.max, Self.asOf - 35, Int32.max]
        let histories = BuyerHistories(rows: [0, 2, 3], table: table, earliestPurchase: earliest, unit: 7)
        #expect(histories.count == 3)
        #expect(histories[0] == PurchaseHistory(x: 2, tx: 8, T: 10, meanRepeatSpend: 100))
        #expect(histories[1] == PurchaseHistory(x: 0, tx: 4, T: 5, meanRepeatSpend: 0), "no repeat purchase: no spend")
        #expect(histories[2] == PurchaseHistory(x: 3, tx: 0, T: 3, meanRepeatSpend: 20))
        #expect(Array(histories) == [histories[0], histories[1], histories[2]])
    }

    @Test func ledgerRowsGivePurchaseDaysAndSpendAfterTheFirstDay() {
        var table = Self.table([
            (first: 28, last: 7, orders: 5, revenue: 500),    // 3 purchase days, 50 spent after the first: x = 2, m = 25
            (first: 14, last: 14, orders: 2, revenue: 90),    // 1 purchase day: x = 0
        ])
        table.derivedFromLedger = true
        table.purchaseDays = [3, 1]
        table.repeatSpend = [50 * Money.scale, 0]
        let histories = BuyerHistories(rows: [0, 1], table: table, earliestPurchase: [Int32.max, Int32.max], unit: 1)
        #expect(histories[0] == PurchaseHistory(x: 2, tx: 21, T: 28, meanRepeatSpend: 25))
        #expect(histories[1] == PurchaseHistory(x: 0, tx: 0, T: 14, meanRepeatSpend: 0))
    }
}
