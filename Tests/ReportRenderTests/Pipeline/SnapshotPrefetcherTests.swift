import Foundation
import Synchronization
import Testing
import ReportModel
@testable import ReportRender

/// The reader thread: snapshots come in order, each with the ids interned up to it, then nil.
@Suite struct SnapshotPrefetcherTests {
    final class ReadLog: Sendable { let reads = Mutex<[Int]>([]) }

    /// A source whose snapshot k interns the id "C<k>" and reports k bytes; it records the reads.
    struct CountingSource: SnapshotSource {
        let periods = (1...4).map { SnapshotPeriod(monthEnd: Month(year: 2026, month: $0)) }
        let log: ReadLog
        var readAhead: Bool
        var benefitsFromReadAhead: Bool { readAhead }

        mutating func read(_ index: Int, customers: inout CustomerIndex) -> SnapshotOutcome {
            log.reads.withLock { $0.append(index) }
            _ = customers.intern("C\(index)")
            return SnapshotOutcome(name: "\(index)", table: nil, errors: InputErrors(), unknownColumns: [], byteCount: index)
        }
    }

    @Test(arguments: [true, false])
    func snapshotsComeInOrderWithTheIdsKnownSoFar(readAhead: Bool) throws {
        let log = ReadLog()
        let reader = SnapshotPrefetcher(source: CountingSource(log: log, readAhead: readAhead), customers: CustomerIndex())
        #expect(reader.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04"])
        reader.start()
        for k in 0..<4 {
            let snapshot = try #require(reader.next())
            #expect(snapshot.outcome.byteCount == k)
            #expect(snapshot.customers.count == k + 1, "ids interned up to snapshot \(k), not the one read ahead")
            #expect(snapshot.customers.id(Int32(k)) == "C\(k)")
        }
        #expect(reader.next() == nil)
        #expect(log.reads.withLock { $0 } == [0, 1, 2, 3])
    }
}
