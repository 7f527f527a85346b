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

        static func == (a: Outcome, b: Outcome) -> Bool {
            // NaN (prospects) equal to NaN.
            func same(_ x: [Double], _ y: [Double]) -> Bool { x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern } }
            return a.figures == b.figures && same(a.alive, b.alive) && same(a.clv, b.clv)
        }
    }

    static func run(_ table: SnapshotTable, _ customers: CustomerIndex, scratch: inout LifetimeScratch) -> Outcome {
        let earliest = [Int32](repeating: Int32.max, count: customers.count)
        // Output arrays holding other values, to be refilled.
        var alive = [Double](repeating: 7, count: 3), clv = [Double](repeating: 7, count: table.count + 50)
        let summary = LifetimeStage.run(table: table, earliestPurchase: earliest, settings: LifetimeValueSettings(), scratch: &scratch,
                                        probabilityAlive: &alive, predictedCLV: &clv)
        guard case .fitted(let figures) = summary else { return Outcome(figures: nil, alive: [], clv: []) }
        #expect(alive.count == table.count && clv.count == table.count)
        for row in 0..<table.count {
            #expect(alive[row].isNaN == (table.orders[row] < 1) && clv[row].isNaN == (table.orders[row] < 1), "a value for each buyer, NaN for prospects")
        }
        return Outcome(figures: figures, alive: alive, clv: clv)
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
        var rowStorage: UnsafePointer<Int32>?
        for table in tables {
            var fresh = LifetimeScratch()
            let expected = Self.run(table, customers, scratch: &fresh)
            #expect(expected.figures != nil && !expected.alive.isEmpty)
            #expect(Self.run(table, customers, scratch: &shared) == expected)
            // The row map comes back uniquely held (the histories read through it are gone), so the
            // next snapshot reuses its storage: the first table is the largest.
            let storage = shared.historyRow.withUnsafeBufferPointer { $0.baseAddress }
            #expect(storage != nil && storage == (rowStorage ?? storage), "the row map's storage is reused")
            rowStorage = storage
            #expect(shared.grouping.historyTriple.capacity > 0 && shared.grouping.sortKeys.capacity > 0)
            #expect(shared.grouping.perTriple.capacity > 0 && shared.grouping.tripleKeys.capacity > 0)
        }
    }

    /// The first example month fits BG/NBD near the boundary (a and b in the hundreds of thousands,
    /// a/(a+b) well determined): the exact Hessian there is flat along one direction, and the fit is
    /// shown because the forward-difference estimate still sees curvature within its step. Without
    /// that second test this month would say "did not converge".
    @Test func nearBoundaryFitOfTheFirstExampleMonthIsShown() throws {
        var customers = CustomerIndex()
        let o = SnapshotReader(dialect: InputDialect()).read(path: Self.examples + "/2025-11.csv", displayName: "2025-11.csv",
                                                             period: SnapshotPeriod(fileName: "2025-11.csv")!, customers: &customers)
        var scratch = LifetimeScratch()
        let table = try #require(o.table)
        let figures = try #require(Self.run(table, customers, scratch: &scratch).figures)
        #expect(figures.a > 1.0e5 && figures.b > 1.0e6)
        #expect(abs(figures.a / (figures.a + figures.b) - 0.054) < 0.001)
    }
}
