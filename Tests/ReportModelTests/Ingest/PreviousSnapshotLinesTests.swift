import Foundation
import Testing
@testable import ReportModel

/// Rows taken again from the previous file's unchanged lines (`PreviousSnapshotLines`) must change
/// nothing but speed: a file read after another of the same source gives the same table, the same
/// errors and the same tier codes as the same file read alone.
@Suite struct PreviousSnapshotLinesTests {
    typealias Picture = SnapshotRowDecoderTests.Picture
    static let september = SnapshotPeriod(fileName: "2026-09.csv")!
    static let june = SnapshotPeriod(fileName: "2026-06.csv")!

    /// Reads `first` then `second` with one reader's scratch (as a folder source does), and
    /// `second` alone: the picture of each reading of `second`, and the rows the first took again.
    static func readAfter(_ first: [UInt8], _ second: [UInt8], firstPeriod: SnapshotPeriod = september,
                          secondPeriod: SnapshotPeriod = IngestSupport.october) throws -> (after: Picture, alone: Picture, taken: Int, firstValid: Bool) {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let a = try dir.write("a.csv", bytes: first), b = try dir.write("b.csv", bytes: second)
        let reader = SnapshotReader(dialect: InputDialect())
        let scratch = SnapshotReadScratch()
        var customers = CustomerIndex()
        let one = reader.read(path: a, displayName: "a.csv", period: firstPeriod, customers: &customers, scratch: scratch)
        let two = reader.read(path: b, displayName: "b.csv", period: secondPeriod, customers: &customers, hint: one.rowOrder, scratch: scratch)
        var own = CustomerIndex()
        let alone = reader.read(path: b, displayName: "b.csv", period: secondPeriod, customers: &own)
        #expect(alone.takenRows == 0)
        return (Picture(two, customers), Picture(alone, own), two.takenRows, one.table != nil)
    }

    static let header = "customer_id,first_order_date,last_order_date,orders,revenue,tier,feedback\n"

    @Test("unchanged lines are taken again, changed ones and those with feedback decoded; tier codes in order of first use")
    func takesUnchangedLines() throws {
        let first = Self.header + """
            A,2026-01-05,2026-09-01,3,30.00,Gold,
            B,2026-02-01,2026-03-01,1,10.00,Silver,
            C,2026-03-01,2026-09-10,2,20.00,,nice
            D,,,0,0,,

            """
        let second = Self.header + """
            E,2026-10-01,2026-10-01,1,5.00,Bronze,
            A,2026-01-05,2026-09-01,3,30.00,Gold,
            B,2026-02-01,2026-10-02,2,25.00,Silver,
            C,2026-03-01,2026-09-10,2,20.00,,nice
            D,,,0,0,,\r

            """
        let r = try Self.readAfter(Array(first.utf8), Array(second.utf8))
        #expect(r.after == r.alone)
        #expect(r.after.errors.isEmpty, "\(r.after.errors)")
        #expect(r.taken == 2)   // A, and D (the same line with a CRLF end)
        #expect(r.after.ids == ["E", "A", "B", "C", "D"])
        #expect(r.after.tier == ["0:Bronze", "1:Gold", "2:Silver"])
        #expect(r.after.feedback == ["3:nice"])
        #expect(r.after.columns[3] == [50_000, 300_000, 250_000, 200_000, 0])   // revenue in Money units
    }

    @Test("a line is the earlier one only up to that line's end: a longer or shorter line, or one with a stray \\r, is read anew")
    func lineEndsAreCompared() throws {
        let line = "A,2026-01-05,2026-09-01,3,30.00,Gold,"
        for (before, after) in [(line + "\r\n", line + "\r\r\n"), (line + "\n", line + "\r\r\n"), (line + "\n", line + "x\n"),
                                (line + "x\n", line + "\n"), (line + "\r\n", line + "\n"), (line, line + "\n")] {
            let r = try Self.readAfter(Array((Self.header + before).utf8), Array((Self.header + after).utf8))
            #expect(r.after == r.alone, "\(before.debugDescription) then \(after.debugDescription)")
            #expect(r.taken == (before == line + "\r\n" && after == line + "\n" ? 1 : 0), "\(before.debugDescription) then \(after.debugDescription)")
        }
    }

    @Test("a line repeated twice in the new file is reported as a second row of its customer")
    func repeatedLineIsADuplicate() throws {
        let line = "A,2026-01-05,2026-09-01,3,30.00,Gold,\n"
        let r = try Self.readAfter(Array((Self.header + line).utf8), Array((Self.header + line + line).utf8))
        #expect(r.after == r.alone)
        #expect(r.after.total == 1)
        #expect(r.after.errors.first?.contains("appears twice (first on line 2)") == true, "\(r.after.errors)")
    }

    @Test("a line taken again is checked against the new file's date")
    func takenLineCheckedAgainstTheNewDate() throws {
        let text = Self.header + "A,2026-01-05,2026-10-20,3,30.00,Gold,\nB,,,0,0,,\n"
        let r = try Self.readAfter(Array(text.utf8), Array(text.utf8), firstPeriod: IngestSupport.october, secondPeriod: Self.september)
        #expect(r.after == r.alone)
        #expect(r.after.total == 1)
        #expect(r.after.errors.first?.contains("is after the snapshot date 2026-09-30") == true, "\(r.after.errors)")
    }

    @Test("a hint that is not the earlier file's row order takes nothing")
    func otherHintTakesNothing() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let text = Self.header + "A,2026-01-05,2026-09-01,3,30.00,Gold,\nB,,,0,0,,\n"
        let a = try dir.write("a.csv", text), b = try dir.write("b.csv", text)
        let reader = SnapshotReader(dialect: InputDialect())
        let scratch = SnapshotReadScratch()
        var customers = CustomerIndex()
        let one = reader.read(path: a, displayName: "a.csv", period: Self.september, customers: &customers, scratch: scratch)
        let two = reader.read(path: b, displayName: "b.csv", period: Self.september, customers: &customers, hint: Array(one.rowOrder.reversed()), scratch: scratch)
        #expect(two.takenRows == 0)
        #expect(Picture(two, customers).ids == ["A", "B"])
        let three = reader.read(path: a, displayName: "a.csv", period: Self.september, customers: &customers, hint: two.rowOrder, scratch: scratch)
        #expect(three.takenRows == 2)
    }

    @Test("a different header (the same columns in another order) takes nothing")
    func otherHeaderTakesNothing() throws {
        let rows = "A,2026-01-05,2026-09-01,3,30.00,Gold,\n"
        let other = "customer_id,first_order_date,last_order_date,orders,revenue,feedback,tier\nA,2026-01-05,2026-09-01,3,30.00,,Gold\n"
        let r = try Self.readAfter(Array((Self.header + rows).utf8), Array(other.utf8))
        #expect(r.after == r.alone)
        #expect(r.taken == 0)
        #expect(r.after.errors.isEmpty)
    }

    /// `bytes`' lines after the header, edited as the next month's export might be (and beyond):
    /// most kept, some changed by a byte, dropped, repeated, swapped with the next, given the other
    /// line end, and new lines added at random places.
    static func nextMonth(of bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var r = LifetimeTestRNG(seed: seed)
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        let header = lines.removeFirst()
        let noise = Array("0123456789,;\". aZé\r\n".utf8)
        var out: [[UInt8]] = []
        var k = 0
        while k < lines.count {
            var line = lines[k]
            switch r.below(20) {
            case 0: if !line.isEmpty { line[r.below(line.count)] = noise[r.below(noise.count)] }
            case 1: k += 1; continue
            case 2: out.append(line)
            case 3 where k + 1 < lines.count: lines.swapAt(k, k + 1); line = lines[k]
            case 4: if line.last == 13 { line.removeLast() } else { line.append(13) }
            case 5: out.append(Array("N\(seed)x\(k),2026-05-01,2026-06-01,2,12.5,Gold,".utf8))
            default: break
            }
            out.append(line)
            k += 1
        }
        return ([header] + out).joined(separator: [10]).map { $0 }
    }

    @Test(arguments: 0..<60)
    func sameOutcomeAsReadAlone(seed: Int) throws {
        let first = SnapshotRowDecoderTests.file(seed: 9_000 + UInt64(seed), rows: 200, bad: seed % 4 == 0 ? 0.005 : 0,
                                                 other: seed % 2 == 0 ? 0.05 : 0.5, standardOrder: seed % 3 == 0)
        let second = Self.nextMonth(of: first, seed: UInt64(seed))
        // The second month read as October, or as of June (before many of the first month's dates).
        let r = try Self.readAfter(first, second, firstPeriod: IngestSupport.october, secondPeriod: seed % 5 == 0 ? Self.june : IngestSupport.october)
        #expect(r.after == r.alone)
        // Rows are taken again where both files are valid and most lines plainly written.
        if r.firstValid && r.alone.total == 0 && seed % 2 == 0 { #expect(r.taken > 0) }
    }
}
