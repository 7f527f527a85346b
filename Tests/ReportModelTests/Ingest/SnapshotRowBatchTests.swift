import Testing
@testable import ReportModel

/// Rows that do not follow the previous file's order are read a batch at a time
/// (`SnapshotRowBatch`). That must change nothing but speed: each month of a sequence read with
/// batches gives the same table, errors and ids as the general path, and the batches are taken
/// where they pay and left where the rows follow the hint.
@Suite struct SnapshotRowBatchTests {
    typealias Picture = SnapshotRowDecoderTests.Picture

    /// What reading one month gave.
    struct Month {
        var picture: Picture
        var rowsReadInBatches: Int
    }

    /// Reads `files` as the months of one folder (one customer index, each file's row order the
    /// hint for the next, one scratch), with or without the one-pass decoder and its batches.
    static func readMonths(_ files: [[UInt8]], decoder: Bool) -> [Month] {
        var reader = SnapshotReader(dialect: InputDialect())
        reader.decodesPlainRows = decoder
        var customers = CustomerIndex()
        let scratch = SnapshotReadScratch()
        var hint: [Int32] = []
        return files.map { bytes in
            let o = bytes.withUnsafeBytes { raw in
                reader.read(bytes: raw, displayName: "2026-10.csv", period: IngestSupport.october, customers: &customers, hint: hint, scratch: scratch)
            }
            hint = o.rowOrder
            return Month(picture: Picture(o, customers), rowsReadInBatches: o.rowsReadInBatches)
        }
    }

    static let header = Array("customer_id,first_order_date,last_order_date,orders,revenue,vip,nps,feedback\n".utf8)

    /// `count` plainly valid rows of customers `first`, `first + 1`, … (ids `C0000042`, in id order).
    static func rows(_ count: Int, from first: Int = 0, seed: UInt64) -> [[UInt8]] {
        var r = LifetimeTestRNG(seed: seed)
        return (first..<(first + count)).map { n in
            let digits = String(n)
            let id = "C" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
            let orders = r.chance(0.2) ? 0 : 1 + r.below(9)
            let dates = orders == 0 ? "," : "2026-01-0\(1 + r.below(9)),2026-0\(2 + r.below(7))-1\(r.below(9))"
            let line = "\(id),\(dates),\(orders),\(orders == 0 ? 0 : r.below(1000)).\(10 + r.below(90)),"
                + r.pick(["true", "false", ""]) + "," + r.pick(["", "3", "9", "10"]) + "," + r.pick(["", "", "Great", "\"Bien, merci\""]) + "\n"
            return Array(line.utf8)
        }
    }

    static func file(_ rows: [[UInt8]]) -> [UInt8] { header + rows.joined() }

    /// The rows read before the reader first asks whether they follow the hint: those that start
    /// in the first 64 KB after the header.
    static func rowsBeforeTheFirstCheck(_ rows: [[UInt8]]) -> Int {
        var bytes = 0, n = 0
        while n < rows.count && bytes < 64 << 10 { bytes += rows[n].count; n += 1 }
        return n
    }

    static func shuffled(_ rows: [[UInt8]], seed: UInt64) -> [[UInt8]] {
        var r = LifetimeTestRNG(seed: seed)
        var out = rows
        for k in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(k, r.below(k + 1)) }
        return out
    }

    /// Reads `files` both ways, checks that every month gives the same picture, and returns the
    /// months read with the decoder.
    static func sameBothWays(_ files: [[UInt8]]) -> [Month] {
        let decoded = readMonths(files, decoder: true), general = readMonths(files, decoder: false)
        for (k, (d, g)) in zip(decoded, general).enumerated() {
            #expect(d.picture == g.picture, "month \(k + 1)")
            #expect(g.rowsReadInBatches == 0)
        }
        return decoded
    }

    @Test func monthsInTheSameOrderKeepTheHint() {
        let october = Self.rows(4000, seed: 1)
        let november = october + Self.rows(500, from: 4000, seed: 2)
        let months = Self.sameBothWays([Self.file(october), Self.file(november)])
        #expect(months.map(\.rowsReadInBatches) == [0, 0])
        #expect(months[1].picture.ids.count == 4500)
    }

    @Test func aShuffledMonthIsReadInBatches() {
        let october = Self.rows(4000, seed: 3)
        let november = Self.shuffled(october + Self.rows(300, from: 4000, seed: 4), seed: 5)
        let months = Self.sameBothWays([Self.file(october), Self.file(november)])
        #expect(months[0].rowsReadInBatches == 0)
        // All rows but those before the first check, which finds out the order.
        #expect(months[1].rowsReadInBatches == november.count - Self.rowsBeforeTheFirstCheck(november))
        #expect(months[1].picture.errors.isEmpty && months[1].picture.ids.count == 4300)
    }

    @Test func aFirstFileInNoOrderIsReadInBatches() {
        let october = Self.shuffled(Self.rows(4000, seed: 6), seed: 7)
        let months = Self.sameBothWays([Self.file(october)])
        #expect(months[0].rowsReadInBatches == october.count - Self.rowsBeforeTheFirstCheck(october))
    }

    @Test func rowsThatFollowTheHintAgainLeaveTheBatches() {
        let october = Self.rows(6000, seed: 8)
        // The first 2,000 rows in another order, the rest as in October.
        let november = Self.shuffled(Array(october[..<2000]), seed: 9) + october[2000...]
        let months = Self.sameBothWays([Self.file(october), Self.file(november)])
        #expect(months[1].rowsReadInBatches > 0)
        #expect(months[1].rowsReadInBatches < 3000)
    }

    /// Shuffled months with rows the batches leave to the general path: duplicate customers (near
    /// and far from their first line), invalid rows, quoted line breaks, blank lines, and every
    /// error and spelling of the decoder's generated files.
    @Test(arguments: 0..<24)
    func sameOutcomeWithRowsForTheGeneralPath(seed: Int) {
        var r = LifetimeTestRNG(seed: UInt64(seed) &+ 1000)
        let october = Self.rows(3000, seed: UInt64(seed))
        var november = Self.shuffled(october, seed: UInt64(seed) &+ 1)
        for _ in 0..<(1 + r.below(6)) {
            let k = r.below(november.count)
            switch r.below(5) {
            case 0: november.insert(november[k], at: min(november.count, k + 1 + r.below(40)))   // a duplicate in the same batch or the next
            case 1: november.insert(november[k], at: r.below(november.count))                   // a duplicate anywhere
            case 2: november.insert(Array("C9999999,2026-01-01,2026-02-30,1,5.00,,,\n".utf8), at: k)   // an invalid date
            case 3: november.insert(Array("C8888888,,,0,0,,,\"two\nlines\"\n".utf8), at: k)        // a quoted line break
            default: november.insert(Array("\n".utf8), at: k)                                    // a blank line
            }
        }
        let months = Self.sameBothWays([Self.file(october), Self.file(november)])
        #expect(months[1].rowsReadInBatches > 0)
        // The rich generated files, their lines shuffled (quoted line breaks split: any bytes do).
        let rich = SnapshotRowDecoderTests.file(seed: UInt64(seed), rows: 2500, bad: seed % 3 == 0 ? 0.002 : 0, other: 0.05)
        let lines = rich.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) + [10] }
        let reordered = lines[0] + Self.shuffled(Array(lines.dropFirst()), seed: UInt64(seed) &+ 2).joined()
        _ = Self.sameBothWays([rich, reordered])
    }
}
