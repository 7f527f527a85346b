import Foundation
import Synchronization
import Testing
import ReportModel
@testable import ReportRender

/// The reader thread: snapshots come in order, each with the ids interned up to it, then nil.
@Suite struct SnapshotPrefetcherTests {
    final class ReadLog: Sendable {
        let reads = Mutex<[Int]>([])
        /// Per read: the row count of the spare table it was given (nil: none).
        let spares = Mutex<[Int?]>([])
    }

    /// A source whose snapshot k interns the id "C<k>" and reports k bytes; it records the reads.
    /// Snapshot k's table has customer k alone, a buyer with a verbatim.
    struct CountingSource: SnapshotSource {
        let periods = (1...4).map { SnapshotPeriod(monthEnd: Month(year: 2026, month: $0)) }
        let log: ReadLog
        var readAhead: Bool
        var benefitsFromReadAhead: Bool { readAhead }

        mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome {
            log.reads.withLock { $0.append(index) }
            let rows = spare?.count
            log.spares.withLock { $0.append(rows) }
            let customer = customers.intern("C\(index)")
            var table = SnapshotTable(period: periods[index], columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue, .feedback])
            table.customer = [customer]
            table.orders = [1]
            table.revenue = [10_000]
            table.firstOrder = [periods[index].asOf.ordinal - 20]
            table.lastOrder = [periods[index].asOf.ordinal]
            table.feedback = [(0, "Livraison en retard, colis abîmé")]
            return SnapshotOutcome(name: "\(index)", table: table, errors: InputErrors(), unknownColumns: [], byteCount: index)
        }
    }

    /// After `stopPredicting` (an input error has made the run fail), the snapshots still come, each
    /// read, but those read from then on are neither routed nor fitted.
    @Test func snapshotsReadAfterAStopAreNeitherRoutedNorFitted() throws {
        let log = ReadLog()
        let reader = SnapshotPrefetcher(source: CountingSource(log: log, readAhead: false), customers: CustomerIndex(),
                                        router: FeedbackRouter(table: .seed), predictor: LifetimePredictor(settings: LifetimeValueSettings()))
        reader.start()
        let first = try #require(reader.next())
        #expect(first.feedback != nil && first.lifetime != nil)
        reader.stopPredicting()
        // Without reading ahead, snapshot 1 is read when asked for, after the stop.
        for k in 1..<4 {
            let snapshot = try #require(reader.next())
            #expect(snapshot.outcome.table != nil && snapshot.outcome.byteCount == k)
            #expect(snapshot.feedback == nil && snapshot.lifetime == nil, "snapshot \(k)")
        }
        #expect(reader.next() == nil)
        #expect(log.reads.withLock { $0 } == [0, 1, 2, 3])
    }

    @Test(arguments: [true, false])
    func snapshotsComeInOrderWithTheIdsKnownSoFar(readAhead: Bool) throws {
        let log = ReadLog()
        let router = FeedbackRouter(table: .seed)
        let reader = SnapshotPrefetcher(source: CountingSource(log: log, readAhead: readAhead), customers: CustomerIndex(), router: router)
        #expect(reader.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        reader.start()
        for k in 0..<4 {
            let snapshot = try #require(reader.next())
            #expect(snapshot.outcome.byteCount == k)
            #expect(snapshot.customers.count == k + 1, "ids interned up to snapshot \(k), not the one read ahead")
            #expect(snapshot.customers.id(Int32(k)) == "C\(k)")
            // The routing made on the reader thread is the snapshot's own.
            let table = try #require(snapshot.outcome.table)
            #expect(snapshot.feedback == router.routing(of: table, customers: snapshot.customers))
            #expect(snapshot.feedback?.total == 1)
            #expect(snapshot.feedback?.samples.values.first?.first?.customer == "C\(k)")
        }
        #expect(reader.next() == nil)
        #expect(log.reads.withLock { $0 } == [0, 1, 2, 3])
    }

    /// Snapshots taken as soon as they are read (`nextAsRead`, as a build takes its last one) come in
    /// the same order, with the same ids, and their routing and prediction follow from `rest`.
    @Test(arguments: [true, false])
    func snapshotsTakenAsReadGetTheirRoutingAndPredictionAfter(readAhead: Bool) throws {
        let log = ReadLog()
        let router = FeedbackRouter(table: .seed)
        let reader = SnapshotPrefetcher(source: CountingSource(log: log, readAhead: readAhead), customers: CustomerIndex(), router: router,
                                        predictor: LifetimePredictor(settings: LifetimeValueSettings()))
        reader.start()
        for k in 0..<4 {
            // Every other snapshot either way, the last one as read.
            let early = k % 2 == 1
            let (snapshot, rest) = try #require(reader.next(asRead: early))
            #expect(snapshot.outcome.byteCount == k)
            #expect(snapshot.customers.count == k + 1)
            #expect(snapshot.customers.id(Int32(k)) == "C\(k)")
            let table = try #require(snapshot.outcome.table)
            let (feedback, lifetime) = rest.map { $0() } ?? (snapshot.feedback, snapshot.lifetime)
            if early { #expect(snapshot.feedback == nil && snapshot.lifetime == nil, "nothing before rest") }
            #expect(feedback == router.routing(of: table, customers: snapshot.customers))
            #expect(feedback?.total == 1)
            let prediction = try #require(lifetime)
            #expect(prediction.probabilityAlive.count == table.count)
        }
        #expect(reader.nextAsRead() == nil)
        #expect(log.reads.withLock { $0 } == [0, 1, 2, 3])
    }

    /// A table handed back with `recycle` reaches a later read as its spare.
    @Test(arguments: [true, false])
    func recycledTablesReachLaterReads(readAhead: Bool) throws {
        let log = ReadLog()
        let reader = SnapshotPrefetcher(source: CountingSource(log: log, readAhead: readAhead), customers: CustomerIndex(), router: FeedbackRouter(table: .seed))
        reader.start()
        while var snapshot = reader.next() {
            let taken = snapshot.outcome.table.take()
            let table = try #require(taken)
            reader.recycle(table)
        }
        let spares = log.spares.withLock { $0 }
        #expect(spares.count == 4)
        #expect(spares[0] == nil)
        if readAhead {
            // Read k + 1 starts before table k comes back, so whether a read finds a spare depends on
            // timing; but table 1 is handed back before read 3 starts, so read 2 or read 3 takes it.
            #expect(spares.dropFirst().allSatisfy { $0 == nil || $0 == 1 })
            #expect(spares[2] == 1 || spares[3] == 1)
        } else {
            // Read k starts only when asked, after table k − 1 came back.
            #expect(spares[1] == 1 && spares[2] == 1 && spares[3] == 1)
        }
    }
}
