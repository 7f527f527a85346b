import Foundation
import Testing
@testable import ReportModel

/// The `purchase_days` / `repeat_revenue` extension columns that sql/snapshots.sql writes.
@Suite("Ingest: purchase-day columns")
struct IngestPurchaseDayColumnTests {
    typealias S = IngestSupport
    static let header = "customer_id,first_order_date,last_order_date,orders,revenue,purchase_days,repeat_revenue"

    @Test("both columns are read into the table, which then sees single purchase days")
    func readsBothColumns() throws {
        let r = S.read(Self.header + "\nA,2026-01-03,2026-09-10,3,120.50,2,-4.25\nB,,,0,0,0,\nC,2026-10-01,2026-10-01,1,9.99,1,0\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.derivedFromLedger)
        #expect(t.purchaseDays == [2, 0, 1])
        #expect(t.repeatSpend == [S.units(-4) - 2500, 0, 0])
    }

    @Test("without them the table uses orders and revenue, as metrics.md says for snapshots")
    func absentColumnsKeepTheSnapshotRule() throws {
        let r = S.read(S.minimalHeader + "\n")
        #expect(r.errors.isEmpty)
        #expect(try #require(r.table).derivedFromLedger == false)
    }

    @Test("one column without the other is refused on the header line", arguments: ["purchase_days", "repeat_revenue"])
    func oneWithoutTheOther(_ column: String) {
        let r = S.read("customer_id,last_order_date,orders,revenue,\(column)\nA,2026-10-01,1,10,1\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 1, column: 5, message: ["the header has \(column) without"], expected: ["both purchase_days and repeat_revenue"])
    }

    @Test("purchase_days must be 0 exactly when orders is 0", arguments: [
        ("A,2026-01-03,2026-09-10,3,120.50,0,0", "a whole number >= 1 when orders >= 1"),
        ("A,,,0,0,1,0", "0 when orders is 0"),
        ("A,2026-01-03,2026-09-10,3,120.50,,0", "a whole number >= 1 when orders >= 1"),
        ("A,2026-01-03,2026-09-10,3,120.50,-1,0", "a whole number >= 1 when orders >= 1"),
    ])
    func purchaseDaysFitOrders(_ row: String, _ expected: String) {
        let r = S.read(Self.header + "\n" + row + "\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 2, column: 6, message: ["purchase_days"], expected: [expected])
    }

    /// A ledger's month end nets refunds out of revenue, as --transactions does: with these columns a
    /// negative revenue is read (sql/snapshots.sql writes one where refunds outweigh purchases); the
    /// total that guards exact sums counts its magnitude; without them it stays an error (input.md).
    @Test("with them revenue may be negative; without them it may not")
    func negativeNetRevenue() throws {
        let r = S.read(Self.header + "\nA,2026-01-03,2026-09-10,2,-20.0000,2,-30.0000\nB,2026-02-01,2026-02-01,1,5,1,0\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(try #require(r.table).revenue == [S.units(-20), S.units(5)])
        let bad = S.read(Self.header + "\nA,2026-01-03,2026-09-10,2,x,2,0\n")
        expectSingleError(bad.errors, line: 2, column: 5, message: ["revenue \"x\" is not a decimal number"], expected: ["-12.50"])
        let plain = S.read("customer_id,last_order_date,orders,revenue\nA,2026-09-10,2,-20\n")
        expectSingleError(plain.errors, line: 2, column: 4, message: ["revenue \"-20\" is negative, where it must be 0 or more"])
    }

    @Test("repeat_revenue must be a decimal number")
    func repeatRevenueIsANumber() {
        let r = S.read(Self.header + "\nA,2026-01-03,2026-09-10,3,120.50,2,abc\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 2, column: 7, message: ["repeat_revenue \"abc\" is not a decimal number"], expected: ["-12.50"])
    }
}
