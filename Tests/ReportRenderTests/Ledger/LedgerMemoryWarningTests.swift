import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// The builder's warning for a ledger larger than this machine's memory can hold while it is read.
@Suite struct LedgerMemoryWarningTests {
    @Test("a ledger is measured by its file's size against the machine's memory")
    func ledgerAgainstMemory() throws {
        let f = BuildFixture(); defer { f.remove() }
        let text = "customer_id,date,amount\nA,2026-01-05,10.00\n"   // 43 bytes: a peak of 64
        f.write(text, to: "data/ledger.csv")
        let input = ReportInput.transactions(f.path("data/ledger.csv"), asOf: nil)
        let warning = try #require(ReportBuilder.ledgerMemoryWarning(input, physicalMemory: 80))
        #expect(warning.hasPrefix("ledger.csv is 0.0 GB: a ledger's lines are all held in memory"))
        #expect(ReportBuilder.ledgerMemoryWarning(input, physicalMemory: 88) == nil)   // three quarters: 66
        #expect(ReportBuilder.ledgerMemoryWarning(input) == nil)   // this machine's memory
    }

    @Test("snapshots and a missing ledger get no memory warning")
    func notALedger() {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,orders,last_order_date,revenue\n", to: "snaps/2026-01.csv")
        #expect(ReportBuilder.ledgerMemoryWarning(.snapshots(f.path("snaps")), physicalMemory: 1) == nil)
        #expect(ReportBuilder.ledgerMemoryWarning(.transactions(f.path("none.csv"), asOf: nil), physicalMemory: 1) == nil)
    }
}
