import Testing
@testable import ReportModel

/// The ledger's one-pass row decoder, and reading the second half on another thread, change nothing
/// but speed: on generated ledgers mixing every accepted spelling (and every kind of error), reading
/// with and without them gives the same lines, the same ids and the same errors.
@Suite struct LedgerRowDecoderTests {
    struct Picture: Equatable {
        var errors: [String] = []
        var total = 0
        var ids: [String] = []
        var customer: [Int32] = [], day: [Int32] = [], amount: [Int64] = [], order: [Int64] = []
        var unknown: [String] = []
    }

    static func read(_ bytes: [UInt8], decoder: Bool, splitsFrom: Int = .max) -> Picture {
        var reader = LedgerReader(dialect: InputDialect())
        reader.decodesPlainRows = decoder
        reader.splitsFrom = splitsFrom
        var p = Picture()
        let result = bytes.withUnsafeBytes { raw -> Result<LedgerReader.Lines, InputErrors> in
            do throws(InputErrors) { return .success(try reader.read(bytes: raw, name: "ledger.csv")) } catch { return .failure(error) }
        }
        switch result {
        case .success(let lines):
            p.ids = (0..<lines.customers.count).map { lines.customers.id(Int32($0)) }
            (p.customer, p.day, p.amount, p.order, p.unknown) = (lines.customer, lines.day, lines.amount, lines.order, lines.unknownColumns)
        case .failure(let error):
            p.errors = error.first.map(\.description)
            p.total = error.total
        }
        return p
    }

    /// `quoted`: the chance that a field holding no quote is written between quotes. `columns`: the
    /// header (by default, drawn: the required columns and some optional ones, in any order).
    static func file(seed: UInt64, rows: Int, bad: Double, other: Double, quoted: Double = 0, columns fixed: [String]? = nil) -> [UInt8] {
        var r = LifetimeTestRNG(seed: seed)
        let semicolon = r.chance(0.25)
        let d = semicolon ? ";" : ","
        let point = semicolon ? "," : "."
        var columns = ["customer_id", "date", "amount"]
        if let fixed { columns = fixed } else {
            for optional in ["order_id", "quantity", "channel"] where r.chance(0.6) { columns.append(optional) }
            for k in stride(from: columns.count - 1, to: 0, by: -1) { columns.swapAt(k, r.below(k + 1)) }
        }
        let end: [UInt8] = r.chance(0.3) ? [13, 10] : [10]
        var out: [UInt8] = Array(columns.joined(separator: d).utf8) + end
        for n in 0..<rows {
            var fields: [[UInt8]] = []
            for column in columns {
                let wrong = r.chance(bad), plain = !r.chance(other)
                func spell(_ canonical: String, _ others: [String]) -> String { plain ? canonical : r.pick(others) }
                var v: String
                let customer = "C\(r.below(rows / 3 + 1))"
                switch column {
                case "customer_id":
                    v = wrong ? r.pick(["", "\"C1", " "]) : spell(customer, ["\"\(customer)\"", "Zoë\(n % 7)", "\"a \"\"b\"\"\"", " \(customer)"])
                    if wrong && r.chance(0.3) { fields.append([0xFF, 0x41]); continue }
                case "date":
                    let day = 1 + r.below(28), month = 1 + r.below(12)
                    let iso = "2025-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
                    v = spell(iso, [" " + iso, "\"" + iso + "\""])
                    if wrong { v = r.pick(["", "2025-02-30", "2025-13-01", "x"]) }
                case "amount":
                    v = spell(r.pick(["12\(point)50", "0", "-3\(point)25", "999999999999\(point)9999", "7", "-0"]), ["5\(point)", "\(point)5", "+2", " 4", "1\(point)23456"])
                    if wrong { v = r.pick(["", "abc", "1000000000000", "--1", "-"]) }
                case "order_id":
                    v = spell(r.pick(["O\(n)", "O\(n / 2)", ""]), ["\"O\(n)\"", "\"o \"\"x\"\"\"", " O\(n)"])
                case "quantity":
                    v = spell(r.pick(["", "1", "3", "-1"]), [" 2", "+1", "0012"])
                    if wrong { v = r.pick(["1.5", "x", "-"]) }
                default:
                    v = spell(r.pick(["", "web", "\"shop, Paris\""]), ["\"two\nlines\"", "a\"b"])
                }
                if !v.contains("\"") && r.chance(quoted) { v = "\"" + v + "\"" }
                fields.append(Array(v.utf8))
            }
            if r.chance(bad) { fields.append(Array("extra".utf8)) }
            out += fields.joined(separator: Array(d.utf8))
            if n < rows - 1 || r.chance(0.5) { out += end }
            if r.chance(0.01) { out += end }
        }
        return out
    }

    @Test(arguments: 0..<60)
    func sameLinesForEveryAcceptedSpelling(seed: Int) {
        let f = Self.file(seed: UInt64(seed), rows: 300, bad: 0, other: seed % 2 == 0 ? 0.05 : 0.5)
        let fast = Self.read(f, decoder: true)
        #expect(fast == Self.read(f, decoder: false))
        #expect(fast.total == 0, "\(fast.errors)")
        #expect(fast.day.count == 300)
    }

    @Test(arguments: 0..<100)
    func sameErrorsForEveryKindOfProblem(seed: Int) {
        let f = Self.file(seed: 5_000 + UInt64(seed), rows: 200, bad: seed % 3 == 0 ? 0.002 : 0.01, other: seed % 2 == 0 ? 0.05 : 0.5)
        #expect(Self.read(f, decoder: true) == Self.read(f, decoder: false))
    }

    /// The column orders the decoder reads by a straight sequence of field reads
    /// (`LedgerRowDecoder.Layout`), and one next to them that it does not: the same lines and
    /// errors as the general path, read in one pass or in two halves.
    @Test(arguments: 0..<40)
    func sameLinesForTheFixedColumnOrders(seed: Int) {
        let orders = [["customer_id", "order_id", "date", "amount", "quantity"], ["customer_id", "date", "amount"],
                      ["customer_id", "date", "amount", "order_id"], ["customer_id", "date", "amount", "order_id", "quantity"],
                      ["customer_id", "date", "amount", "quantity", "order_id"]]
        let columns = orders[seed % orders.count]
        let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { (LedgerColumn(rawValue: $1)!, $0) })
        let layout = LedgerRowDecoder(positions: positions, width: columns.count, delimiter: 44, format: .iso).layout
        #expect((layout == nil) == (seed % orders.count == 4))
        let bad = seed % 3 == 0 ? 0.01 : 0
        let f = Self.file(seed: 13_000 + UInt64(seed), rows: 300, bad: bad, other: seed % 2 == 0 ? 0.05 : 0.5,
                          quoted: seed % 4 == 1 ? 0.2 : 0, columns: columns)
        let fast = Self.read(f, decoder: true)
        #expect(fast == Self.read(f, decoder: false))
        #expect(Self.read(f, decoder: true, splitsFrom: 0) == fast)
        if bad == 0 { #expect(fast.total == 0 && fast.day.count == 300, "\(fast.errors)") }
    }

    /// Files whose fields are quoted, every one or some: the same lines and errors either way, and
    /// the same when read in two halves.
    @Test(arguments: 0..<40)
    func sameLinesWithQuotedFields(seed: Int) {
        let bad = seed % 4 == 0 ? 0 : 0.01
        let f = Self.file(seed: 11_000 + UInt64(seed), rows: 200, bad: bad, other: seed % 2 == 0 ? 0.05 : 0.5, quoted: [1, 0.5, 0.1][seed % 3])
        let fast = Self.read(f, decoder: true)
        #expect(fast == Self.read(f, decoder: false))
        #expect(Self.read(f, decoder: true, splitsFrom: 0) == fast)
        if bad == 0 { #expect(fast.total == 0, "\(fast.errors)") }
    }

    /// A row whose every field is quoted is decoded in one pass (as `LedgerLinesBuilder` calls
    /// the decoder), not left to the general path.
    @Test func quotedRowsAreDecodedInOnePass() {
        let positions: [LedgerColumn: Int] = [.orderID: 0, .customerID: 1, .date: 2, .amount: 3, .quantity: 4]
        let decoder = LedgerRowDecoder(positions: positions, width: 5, delimiter: 44, format: .iso)
        func decode(_ line: String) -> LedgerRowDecoder.Row? {
            let bytes = Array(line.utf8)
            var row = LedgerRowDecoder.Row()
            let next = bytes.withUnsafeBufferPointer { b -> Int? in
                decoder.decode(b.baseAddress!, from: 0, count: b.count, into: &row)
                    ?? decoder.decodeQuoted(b.baseAddress!, from: 0, count: b.count, into: &row)
            }
            return next == bytes.count ? row : nil
        }
        let row = decode("\"O1\",\"C7\",\"2025-03-09\",\"-12.50\",\"2\"\r\n")
        #expect(row != nil)
        #expect(row?.idStart == 6 && row?.idCount == 2 && row?.day == Day(year: 2025, month: 3, day: 9)!.ordinal && row?.amount == -125_000)
        #expect(decode("\"O1\",\"C7\",\"2025-03-09\",\"12.50\",\"\"\n")?.amount == 125_000)
        for odd in ["\"O1\",\"C7\",\"2025-03-09\",\"12.50\"x,\"2\"\n", "\"O1\",\"C7\",\"2025-03-09\",\"12.5\"\"\",\"2\"\n",
                    "\"O1\",\"C7\",\" 2025-03-09\",\"12.50\",\"2\"\n", "\"O1\",\"C7\",\"2025-03-09\",\"12.50\",\"2\n"] {
            #expect(decode(odd) == nil, "\(odd.debugDescription)")
        }
    }

    /// Split at the middle of files whose rows mix plain and general-path ones (quoted line breaks
    /// that may span the split, blank lines, errors): the same as reading in one pass, for every file.
    @Test(arguments: 0..<80)
    func sameLinesAndErrorsWhenReadInTwoHalves(seed: Int) {
        let bad = seed % 4 == 0 ? 0.01 : 0
        let f = Self.file(seed: 9_000 + UInt64(seed), rows: 150 + seed * 7, bad: bad, other: seed % 2 == 0 ? 0.02 : 0.4)
        let whole = Self.read(f, decoder: true)
        #expect(Self.read(f, decoder: true, splitsFrom: 0) == whole)
        #expect(whole == Self.read(f, decoder: false))
    }

    /// A split inside a quoted field with a line break: the first half reads on past the split, and
    /// the second half's lines (which started mid-field) are not used.
    @Test func splitInsideAQuotedLineBreakIsNotUsed() {
        func rows(_ month: Int) -> String {
            (0..<40).map { k in "C\(k % 7),2025-0\(month)-1\(k % 9),\(k % 10).50,\n" }.joined()
        }
        let header = "customer_id,date,amount,note\n"
        let before = header + rows(3) + "C1,2025-04-01,2.00,\"a first line, long enough to hold the middle\n"
        let text = before + "C9,2099-01-01,1.00,not a line\"\n" + rows(5)
        let bytes = Array(text.utf8)
        // The split (the first line start after the middle of what follows the header) falls in the quoted field.
        let middle = header.utf8.count + (bytes.count - header.utf8.count) / 2
        #expect(middle > header.utf8.count + rows(3).utf8.count && middle <= before.utf8.count)
        let whole = Self.read(bytes, decoder: true)
        #expect(whole.errors.isEmpty, "\(whole.errors)")
        #expect(whole.day.count == 81)
        #expect(!whole.day.contains(Day(year: 2099, month: 1, day: 1)!.ordinal))
        #expect(Self.read(bytes, decoder: true, splitsFrom: 0) == whole)
    }
}
