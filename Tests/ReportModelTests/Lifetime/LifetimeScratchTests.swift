import Foundation
import Testing
@testable import ReportModel

/// The predictive-value step reuses its per-buyer arrays from snapshot to snapshot
/// (`LifetimeScratch`): a scratch filled by an earlier snapshot must change no figure.
@Suite struct LifetimeScratchTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/snapshots").path

    struct Outcome: Equatable {
        var figures: LifetimeModelFigures?
        var alive: [Double]
        var clv: [Double]
    }

    static func run(_ table: SnapshotTable, _ customers: CustomerIndex, scratch: inout LifetimeScratch) -> Outcome {
        var order = IDOrder()
        order.update(customers.ids)
        var buyers = RFMStage(table: table, customers: customers.ids, idOrder: order, segments: ReportConfig().segments).buyers
        let earliest = [Int32](repeating: Int32.max, count: customers.count)
        let summary = LifetimeStage.run(table: table, buyers: &buyers, earliestPurchase: earliest, settings: LifetimeValueSettings(), scratch: &scratch)
        guard case .fitted(let figures) = summary else { return Outcome(figures: nil, alive: [], clv: []) }
        return Outcome(figures: figures, alive: Array(buyers.probabilityAlive), clv: Array(buyers.predictedCLV))
    }

    @Test func scratchOfAnEarlierSnapshotChangesNothing() throws {
        var customers = CustomerIndex()
        var tables: [SnapshotTable] = []
        for label in ["2026-10", "2026-03", "2026-09"] {
            let o = SnapshotReader(dialect: InputDialect()).read(path: Self.examples + "/\(label).csv", displayName: label + ".csv",
                                                                 period: SnapshotPeriod(fileName: label + ".csv")!, customers: &customers)
            tables.append(try #require(o.table))
        }
        var shared = LifetimeScratch()
        for table in tables {
            var fresh = LifetimeScratch()
            let expected = Self.run(table, customers, scratch: &fresh)
            #expect(expected.figures != nil && !expected.alive.isEmpty)
            #expect(Self.run(table, customers, scratch: &shared) == expected)
            #expect(shared.histories.isEmpty && shared.histories.capacity > 0, "the storage comes back, emptied")
            #expect(shared.grouping.historyTriple.capacity >= expected.alive.count && shared.grouping.sortKeys.capacity > 0)
            #expect(shared.grouping.perTriple.capacity > 0 && shared.grouping.tripleKeys.capacity > 0)
        }
    }
}
