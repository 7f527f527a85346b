import Foundation
import Testing
@testable import ReportModel

/// A table read into the storage of an earlier one (`SnapshotTable.init(reusing:)`) must hold
/// exactly what a fresh read gives: no row, text or column of the earlier table may survive.
@Suite struct TableReuseTests {
    /// Reads generated files in turn, each into the previous table's storage, and compares every
    /// outcome with a fresh read: files of different sizes, column sets (tier or not, ledger
    /// columns or not) and dialects, some with errors.
    @Test(arguments: 0..<12)
    func reusedStorageReadsLikeFreshStorage(seed: Int) {
        var spare: SnapshotTable?
        var reusedCustomers = CustomerIndex()
        for k in 0..<4 {
            let rows = [300, 40, 500, 120][k]
            let bytes = SnapshotRowDecoderTests.file(seed: UInt64(9_000 + seed * 4 + k), rows: rows, bad: k == 2 && seed % 3 == 0 ? 0.01 : 0,
                                                     standardOrder: (seed + k) % 2 == 0)
            var freshCustomers = CustomerIndex()
            let fresh = bytes.withUnsafeBytes {
                SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october, customers: &freshCustomers)
            }
            var reused = bytes.withUnsafeBytes {
                SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october,
                                                             customers: &reusedCustomers, reusing: spare.take())
            }
            #expect(SnapshotRowDecoderTests.Picture(reused, reusedCustomers) == SnapshotRowDecoderTests.Picture(fresh, freshCustomers))
            #expect(reused.table?.columns == fresh.table?.columns)
            #expect(reused.table?.derivedFromLedger == fresh.table?.derivedFromLedger)
            #expect(reused.table?.tierTexts == fresh.table?.tierTexts)
            spare = reused.table.take()
        }
    }

    /// A ledger's month ends, each derived into the previous one's storage, equal those derived fresh.
    @Test func ledgerMonthEndsReuseStorage() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var text = "customer_id,date,amount,order_id\n"
        var r = LifetimeTestRNG(seed: 42)
        for line in 0..<2_000 {
            let month = 1 + r.below(9), day = 1 + r.below(28)
            text += "K\(r.below(300)),2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),\(r.below(20_000)).\(r.below(100)),O\(line / 2)\n"
        }
        let path = try dir.write("ledger.csv", text)
        var fresh = try LedgerSource(path: path, asOf: nil, dialect: InputDialect())
        var reusing = try LedgerSource(path: path, asOf: nil, dialect: InputDialect())
        var a = CustomerIndex(), b = CustomerIndex()
        var spare: SnapshotTable?
        #expect(fresh.periods.count >= 9)
        for k in fresh.periods.indices {
            let x = try #require(fresh.read(k, customers: &a).table)
            var o = reusing.read(k, customers: &b, reusing: spare.take())
            let y = try #require(o.table)
            #expect(x.period == y.period && x.columns == y.columns && x.derivedFromLedger && y.derivedFromLedger)
            #expect(x.customer == y.customer && x.firstOrder == y.firstOrder && x.lastOrder == y.lastOrder && x.orders == y.orders)
            #expect(x.revenue == y.revenue && x.purchaseDays == y.purchaseDays && x.repeatSpend == y.repeatSpend)
            #expect(y.status.isEmpty && y.vip.isEmpty && y.nps.isEmpty && y.refunds.isEmpty && y.pointsOutstanding == 0 && y.feedback.isEmpty && y.tierCodes.isEmpty)
            spare = o.table.take()
        }
    }

    /// A spare whose columns are still shared is not written to: the sharer keeps its rows.
    @Test func sharedSpareIsLeftIntact() {
        let bytes = Array("customer_id,last_order_date,orders,revenue\nA,2026-10-01,1,5.00\nB,,0,0\n".utf8)
        var customers = CustomerIndex()
        let first = bytes.withUnsafeBytes {
            SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october, customers: &customers)
        }
        let kept = first.table
        let second = Array("customer_id,last_order_date,orders,revenue\nC,2026-09-01,2,7.50\n".utf8).withUnsafeBytes {
            SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october, customers: &customers, reusing: first.table)
        }
        #expect(kept?.customer.map { customers.id($0) } == ["A", "B"])
        #expect(kept?.revenue == [50_000, 0])
        #expect(second.table?.customer.map { customers.id($0) } == ["C"])
        #expect(second.table?.revenue == [75_000])
    }

    /// The reader's per-customer arrays kept from file to file (`SnapshotReadScratch`) change no
    /// outcome: files read in turn with one scratch, and with the previous file's row order as the
    /// hint, give what a fresh scratch gives (duplicate ids with their first line included).
    @Test(arguments: 0..<12)
    func sharedScratchReadsLikeFreshScratch(seed: Int) {
        let scratch = SnapshotReadScratch()
        var shared = CustomerIndex(), fresh = CustomerIndex()
        var hint: [Int32] = []
        for k in 0..<4 {
            let rows = [200, 350, 50, 400][k]
            let bytes = SnapshotRowDecoderTests.file(seed: UInt64(11_000 + seed * 4 + k), rows: rows, bad: seed % 2 == 0 ? 0.01 : 0)
            let a = bytes.withUnsafeBytes {
                SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october, customers: &shared, hint: hint, scratch: scratch)
            }
            let b = bytes.withUnsafeBytes {
                SnapshotReader(dialect: InputDialect()).read(bytes: $0, displayName: "2026-10.csv", period: IngestSupport.october, customers: &fresh, hint: hint)
            }
            #expect(SnapshotRowDecoderTests.Picture(a, shared) == SnapshotRowDecoderTests.Picture(b, fresh))
            #expect(a.rowOrder == b.rowOrder)
            if !a.rowOrder.isEmpty { hint = a.rowOrder }
        }
    }
}
