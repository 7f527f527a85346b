import Foundation
import Testing
@testable import ReportModel

/// A report whose buyers are written into an earlier report's buyer table (`reusingBuyers`) is the
/// report made in fresh storage: the spare's contents and size do not matter.
@Suite struct BuyerTableReuseTests {
    @Test func buyersInRecycledStorageEqualFreshOnes() throws {
        var customers = CustomerIndex()
        var fresh = ReportEngine(config: ReportConfig()), recycling = ReportEngine(config: ReportConfig())
        // A spare of another size holding other values, then each report's table handed back.
        var spare = BuyerTable()
        spare.customer = [7, 8, 9]
        spare.monetary = .init(repeating: 5, count: 5000)
        spare.probabilityAlive = [0.5]
        spare.segment = [3, 3]
        var next: BuyerTable? = spare
        for label in ["2025-11", "2025-12", "2026-01", "2026-02"] {
            let table = try LifetimePredictorTests.table(try LifetimePredictorTests.text(label), label, &customers)
            let a = fresh.process(table, customers: customers.ids)
            var b = recycling.process(table, customers: customers.ids, reusingBuyers: next.take())
            #expect(a.buyers.count > 100)
            #expect(a.buyers.customer == b.buyers.customer && a.buyers.recencyDays == b.buyers.recencyDays, "\(label)")
            #expect(a.buyers.frequency == b.buyers.frequency && a.buyers.monetary == b.buyers.monetary, "\(label)")
            #expect(a.buyers.scores == b.buyers.scores && a.buyers.segment == b.buyers.segment, "\(label)")
            #expect(a.buyers.probabilityAlive.map(\.bitPattern) == b.buyers.probabilityAlive.map(\.bitPattern), "\(label)")
            #expect(a.buyers.predictedCLV.map(\.bitPattern) == b.buyers.predictedCLV.map(\.bitPattern), "\(label)")
            #expect("\(a.segments)" == "\(b.segments)" && a.rfGrid == b.rfGrid && "\(a.thresholds)" == "\(b.thresholds)", "\(label)")
            #expect("\(a.kpis)" == "\(b.kpis)" && "\(a.migration as Any)" == "\(b.migration as Any)", "\(label)")
            var buyers = BuyerTable()
            swap(&buyers, &b.buyers)
            next = buyers
        }
    }
}
