import Testing
@testable import ReportModel

/// The one-pass row decoder must change nothing but speed: on generated files that mix every
/// accepted spelling (and, in the second test, every kind of error), reading with and without it
/// gives the same table, the same errors and the same unknown columns.
@Suite struct SnapshotRowDecoderTests {
    /// A comparable picture of an outcome.
    struct Picture: Equatable {
        var errors: [String]
        var total: Int
        var unknown: [String]
        var columns: [[Int64]]
        var feedback: [String]
        var tier: [String]
        var ids: [String]

        init(_ o: SnapshotReader.Outcome, _ customers: CustomerIndex) {
            errors = o.errors.first.map(\.description)
            total = o.errors.total
            unknown = o.unknownColumns
            guard let t = o.table else { columns = []; feedback = []; tier = []; ids = []; return }
            columns = [t.firstOrder.map(Int64.init), t.lastOrder.map(Int64.init), t.orders.map(Int64.init), t.revenue,
                       t.status.map(Int64.init), t.vip.map { $0 ? 1 : 0 }, t.nps.map(Int64.init), t.csat.map(Int64.init),
                       t.ces.map(Int64.init), t.publicComplaint.map { $0 ? 1 : 0 }, t.refunds.map { Int64($0.row) }, t.refunds.map(\.amount), [t.pointsOutstanding],
                       t.purchaseDays.map(Int64.init), t.repeatSpend]
            feedback = t.feedback.map { "\($0.row):\($0.text)" }
            tier = t.tier.map { "\($0.row):\($0.text)" }
            ids = t.customer.map { customers.id($0) }
        }
    }

    /// `largestFileBytes` as a folder source passes it (the size of its largest file).
    static func read(_ bytes: [UInt8], decoder: Bool, largestFileBytes: Int = 0, dialect: InputDialect = InputDialect()) -> Picture {
        var reader = SnapshotReader(dialect: dialect)
        reader.decodesPlainRows = decoder
        var customers = CustomerIndex()
        let o = bytes.withUnsafeBytes { raw in
            reader.read(bytes: raw, displayName: "2026-10.csv", period: IngestSupport.october, customers: &customers,
                        largestFileBytes: largestFileBytes)
        }
        return Picture(o, customers)
    }

    /// A file of `rows` rows; `bad` is the chance that a field takes a wrong value.
    /// `other` is the chance that a field takes one of its other accepted spellings (quotes, spaces,
    /// other words) rather than the plain one.
    /// `standardOrder`: the header lists input.md's columns in its order (the decoder's straight path).
    /// `quoted` is the chance that a field holding no quote is written between quotes, as exports
    /// that quote every field (1) or every text (between) write it.
    static func file(seed: UInt64, rows: Int, bad: Double, other: Double = 0.5, standardOrder: Bool = false, quoted: Double = 0) -> [UInt8] {
        var r = LifetimeTestRNG(seed: seed)
        let semicolon = r.chance(0.25)
        let d = semicolon ? ";" : ","
        let crlf = r.chance(0.3)
        var columns = ["customer_id", "first_order_date", "last_order_date", "orders", "revenue"]
        for optional in ["status", "vip", "nps", "csat", "ces", "feedback", "public_complaint", "refund_requested", "tier", "points_balance", "notes"] where r.chance(0.7) {
            columns.append(optional)
        }
        if r.chance(0.3) { columns += ["purchase_days", "repeat_revenue"] }
        if standardOrder {
            columns = ["customer_id", "first_order_date", "last_order_date", "orders", "revenue"] + (r.chance(0.5) ? ["status"] : []) + ["vip", "nps", "csat", "ces",
                       "feedback", "public_complaint", "refund_requested", "tier", "points_balance"]
        } else {
            // Header in a shuffled order.
            for k in stride(from: columns.count - 1, to: 0, by: -1) { columns.swapAt(k, r.below(k + 1)) }
        }
        var out: [UInt8] = []
        if r.chance(0.2) { out += [0xEF, 0xBB, 0xBF] }
        let end: [UInt8] = crlf ? [13, 10] : [10]
        out += Array(columns.joined(separator: d).utf8) + end
        let point = semicolon ? "," : "."
        for n in 0..<rows {
            let orders = r.chance(0.2) ? 0 : 1 + r.below(30)
            let firstDay = 1 + r.below(28), lastDay = firstDay + r.below(200)
            func iso(_ dayOfYear: Int) -> String {
                let month = 1 + min(dayOfYear / 28, 9), day = 1 + dayOfYear % 28
                return "2026-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
            }
            var fields: [[UInt8]] = []
            for column in columns {
                let plain = !r.chance(other)
                func spell(_ canonical: String, _ others: [String]) -> String { plain ? canonical : r.pick(others) }
                let wrong = r.chance(bad)
                var v: String
                switch column {
                case "customer_id":
                    v = wrong ? r.pick(["", "C\(max(0, n - 1))", "\"C\(n)", " "]) : spell("C\(n)", ["\"C\(n)\"", "Zoë\(n)", "c \(n)", "C\"\(n)"])
                    if wrong && r.chance(0.3) { fields.append(Array("C\(n)".utf8) + [0xFF]); continue }
                case "first_order_date":
                    v = orders == 0 ? "" : spell(iso(firstDay), [" " + iso(firstDay), "\"" + iso(firstDay) + "\""])
                    if wrong { v = r.pick(["2026-02-30", "2026-13-01", "26-01-01", iso(lastDay + 1), "x", iso(firstDay)]) }
                case "last_order_date":
                    v = orders == 0 ? "" : spell(iso(lastDay), [iso(lastDay) + " "])
                    if wrong { v = r.pick(["2026-11-05", "", "2026-04-31", "2026/01/01", iso(lastDay)]) }
                case "orders":
                    v = spell("\(orders)", [" \(orders)", "0\(orders)"])
                    if wrong { v = r.pick(["", "-1", "3.5", "9999999999", "+3", "abc"]) }
                case "revenue":
                    v = spell(r.pick(["120\(point)50", "0", "1\(point)2345", "999999999999\(point)9999", "0012\(point)3", "7"]), ["5\(point)", "\(point)5", "1\(point)23456", "+1"])
                    if wrong { v = r.pick(["", "-3", "abc", "1000000000000", "1\(point)2\(point)3"]) }
                case "status":
                    v = spell(r.pick(["", "active", "churned"]), ["Churned", "ACTIVE ", "\"active\""])
                    if wrong { v = "gone" }
                case "vip", "public_complaint":
                    v = spell(r.pick(["", "true", "false", "false", "0"]), ["TRUE", "yes", "Non", " 1"])
                    if wrong { v = r.pick(["maybe", "2", "tru"]) }
                case "nps":
                    v = spell(r.pick(["", "", "0", "10", "7"]), [" 7", "07"])
                    if wrong { v = r.pick(["11", "7.0", "-1", "x"]) }
                case "csat":
                    v = r.pick(["", "1", "5", "3"])
                    if wrong { v = r.pick(["0", "6"]) }
                case "ces":
                    v = r.pick(["", "1", "7"])
                    if wrong { v = r.pick(["0", "8"]) }
                case "feedback", "notes":
                    v = spell(r.pick(["", "", "Great", "\"Bien\(d) merci\"", "Café ok", "\"\"", "tab\there"]), ["\"He said \"\"hi\"\"\"", "\"two\nlines\"", "  ", "\"  \"", "a\"b"])
                    if wrong && column == "feedback" { fields.append(Array("bad ".utf8) + [0xC3, 0x28]); continue }
                case "refund_requested":
                    v = r.pick(["", "", "10\(point)00", "0"])
                    if wrong { v = "-5" }
                case "tier":
                    v = spell(r.pick(["", "Gold", "Silver", "\"Silver\"", "Or", "Café"]), ["\"a \"\"b\"\"\"", "Gold "])
                    if wrong { fields.append([0xE2, 0x82]); continue }
                case "points_balance":
                    v = r.pick(["", "100", "0\(point)5"])
                    if wrong { v = r.pick(["-1", "1e3"]) }
                case "purchase_days":
                    v = orders == 0 ? "0" : spell(r.pick(["1", "\(max(1, orders - 1))"]), [" 2"])
                    if wrong { v = r.pick(["", "0", "-1"]) }
                case "repeat_revenue":
                    v = r.pick(["", "0", "12\(point)5", "-3\(point)25"])
                    if wrong { v = "x" }
                default: v = ""
                }
                if !v.contains("\"") && r.chance(quoted) { v = "\"" + v + "\"" }
                fields.append(Array(v.utf8))
            }
            if r.chance(bad) { fields.append(Array("extra".utf8)) }
            if r.chance(bad) { fields.removeLast() }
            out += fields.joined(separator: Array(d.utf8))
            if n < rows - 1 || r.chance(0.5) { out += end }
            if r.chance(0.01) { out += end }
        }
        return out
    }

    /// A first_order_date beside orders = 0 (a fully refunded customer, a sign-up date) is no rule of
    /// input.md: both paths accept the row as a prospect and set the date aside.
    @Test func firstOrderDateOfAProspectIsSetAside() {
        let text = "customer_id,first_order_date,last_order_date,orders,revenue\nA,2026-01-05,,0,0\nB,2026-02-01,2026-03-01,2,20\n"
        for decoder in [true, false] {
            let p = Self.read(Array(text.utf8), decoder: decoder)
            #expect(p.errors.isEmpty, "\(p.errors)")
            #expect(p.ids == ["A", "B"])
            #expect(p.columns.first == [Int64(SnapshotTable.missingDay), Int64(Day(year: 2026, month: 2, day: 1)!.ordinal)])
        }
    }

    @Test(arguments: 0..<60)
    func sameTableForEveryAcceptedSpelling(seed: Int) {
        let f = Self.file(seed: UInt64(seed), rows: 300, bad: 0)
        let fast = Self.read(f, decoder: true)
        let general = Self.read(f, decoder: false)
        #expect(fast == general)
        #expect(fast.total == 0, "\(fast.errors)")
        #expect(fast.ids.count == 300)
    }

    @Test(arguments: 0..<150)
    func sameErrorsForEveryKindOfProblem(seed: Int) {
        let f = Self.file(seed: 1_000 + UInt64(seed), rows: 200, bad: seed % 3 == 0 ? 0.002 : 0.01, other: seed % 2 == 0 ? 0.05 : 0.5)
        let fast = Self.read(f, decoder: true)
        let general = Self.read(f, decoder: false)
        #expect(fast == general)
    }
}

extension SnapshotRowDecoderTests {
    @Test func standardOrderTakesTheStraightPath() {
        var positions: [SnapshotColumn: Int] = [:]
        let standard: [SnapshotColumn] = [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue, .vip, .nps, .csat, .ces,
                                          .feedback, .publicComplaint, .refundRequested, .tier, .pointsBalance]
        for (k, c) in standard.enumerated() { positions[c] = k }
        #expect(SnapshotRowDecoder(positions: positions, width: 14, delimiter: 44, format: .iso).isStandardOrder)
        for (k, c) in standard.enumerated() where k >= 5 { positions[c] = k + 1 }
        positions[.status] = 5
        #expect(SnapshotRowDecoder(positions: positions, width: 15, delimiter: 44, format: .iso).isStandardOrder)
        positions[.tier] = 15
        #expect(!SnapshotRowDecoder(positions: positions, width: 16, delimiter: 44, format: .iso).isStandardOrder)
    }

    @Test(arguments: 0..<40)
    func sameTableInStandardOrder(seed: Int) {
        let f = Self.file(seed: 5_000 + UInt64(seed), rows: 300, bad: 0, other: seed % 2 == 0 ? 0.05 : 0.5, standardOrder: true)
        let fast = Self.read(f, decoder: true)
        #expect(fast == Self.read(f, decoder: false))
        #expect(fast.total == 0, "\(fast.errors)")
        #expect(fast.ids.count == 300)
    }

    /// Files whose fields are quoted, every one or some: the same table and errors either way.
    @Test(arguments: 0..<40)
    func sameOutcomeWithQuotedFields(seed: Int) {
        let quoted = [1, 0.5, 0.1][seed % 3]
        let f = Self.file(seed: 11_000 + UInt64(seed), rows: 200, bad: seed % 4 == 0 ? 0 : 0.01, other: seed % 2 == 0 ? 0.05 : 0.5,
                          standardOrder: seed % 5 < 3, quoted: quoted)
        let fast = Self.read(f, decoder: true)
        #expect(fast == Self.read(f, decoder: false))
        if seed % 4 == 0 { #expect(fast.total == 0, "\(fast.errors)") }
    }

    /// A row whose every field is quoted is decoded in one pass (not left to the general path),
    /// in the standard column order and in another; `""` inside a typed field is left to it.
    @Test func quotedRowsAreDecodedInOnePass() {
        let standard: [SnapshotColumn] = [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue, .vip, .nps, .csat, .ces,
                                          .feedback, .publicComplaint, .refundRequested, .tier, .pointsBalance]
        for reversed in [false, true] {
            let columns = reversed ? standard.reversed() : standard
            var positions: [SnapshotColumn: Int] = [:]
            for (k, c) in columns.enumerated() { positions[c] = k }
            let decoder = SnapshotRowDecoder(positions: positions, width: columns.count, delimiter: 44, format: .iso)
            #expect(decoder.isStandardOrder == !reversed)
            let values: [SnapshotColumn: String] = [
                .customerID: "C 1", .firstOrderDate: "2026-01-05", .lastOrderDate: "2026-09-30", .orders: "3", .revenue: "120.50",
                .vip: "true", .nps: "9", .csat: "", .ces: "2", .feedback: "Bien, merci", .publicComplaint: "false",
                .refundRequested: "10.00", .tier: "Gold", .pointsBalance: "120"]
            func decode(_ line: String) -> SnapshotRowDecoder.Row? {
                let bytes = Array(line.utf8)
                var row = SnapshotRowDecoder.Row()
                let next = bytes.withUnsafeBufferPointer { b -> Int? in
                    decoder.decode(b.baseAddress!, from: 0, count: b.count, into: &row)
                        ?? decoder.decodeQuoted(b.baseAddress!, from: 0, count: b.count, into: &row)
                }
                guard next == bytes.count else { return nil }
                return row
            }
            let line = columns.map { "\"" + values[$0]! + "\"" }.joined(separator: ",") + "\r\n"
            let row = decode(line)
            #expect(row != nil, "\(line)")
            if let row {
                #expect(row.idStart == Array(line.utf8).firstIndex(of: UInt8(ascii: "C")) && row.idCount == 3)
                #expect(row.firstOrder == Day(year: 2026, month: 1, day: 5)!.ordinal)
                #expect(row.lastOrder == Day(year: 2026, month: 9, day: 30)!.ordinal)
                #expect(row.orders == 3 && row.revenue == 1_205_000 && row.vip && row.nps == 9 && row.csat == -1 && row.ces == 2)
                #expect(!row.publicComplaint && row.refund == 100_000 && row.points == 1_200_000)
                #expect(row.feedbackCount == 11 && row.tierCount == 4)
            }
            // A doubled quote, a quoted line break, text after the closing quote: the general path's.
            for odd in ["\"C \"\"1\"", "\"C\n1\"", "\"C 1\"x"] {
                let line = columns.map { $0 == .customerID ? odd : "\"" + values[$0]! + "\"" }.joined(separator: ",") + "\n"
                #expect(decode(line) == nil, "\(line.debugDescription)")
            }
            // But a feedback with doubled quotes is decoded here, marked for unescaping (a tier is not).
            for (feedback, text) in [("\"He said \"\"hi\"\"\"", "He said \"hi\""), ("\"\"\"\"\"\"\"\"\"\"\"\"", "\"\"\"\"\""), ("\"a \"\"\"\" b\"", "a \"\" b")] {
                let line = columns.map { $0 == .feedback ? feedback : "\"" + values[$0]! + "\"" }.joined(separator: ",") + "\n"
                let row = decode(line)
                #expect(row?.feedbackEscaped == true, "\(line.debugDescription)")
                if let row {
                    let bytes = Array(line.utf8)
                    let got = bytes.withUnsafeBytes { CSVReader.unescapedText(UnsafeRawBufferPointer(rebasing: $0[row.feedbackStart ..< row.feedbackStart + row.feedbackCount])) }
                    #expect(got == text)
                }
                let tierLine = columns.map { $0 == .tier ? feedback : "\"" + values[$0]! + "\"" }.joined(separator: ",") + "\n"
                #expect(decode(tierLine) == nil, "\(tierLine.debugDescription)")
            }
        }
    }

    /// Files whose dates are written day-first or month-first (`date_format`): the same table and
    /// errors with and without the decoder.
    @Test(arguments: 0..<30)
    func sameOutcomeWithSlashDates(seed: Int) throws {
        let f = Self.file(seed: 13_000 + UInt64(seed), rows: 200, bad: seed % 3 == 0 ? 0 : 0.01, standardOrder: seed % 2 == 0, quoted: seed % 5 == 0 ? 1 : 0)
        let dayFirst = seed % 4 != 1
        // Every YYYY-MM-DD becomes DD/MM/YYYY (or MM/DD/YYYY); the wrong dates stay as they are.
        let iso = try Regex(#"(\d{4})-(\d{2})-(\d{2})"#)
        let text = String(decoding: f, as: UTF8.self).replacing(iso) { m in
            let (y, mo, d) = (m.output[1].substring!, m.output[2].substring!, m.output[3].substring!)
            return dayFirst ? "\(d)/\(mo)/\(y)" : "\(mo)/\(d)/\(y)"
        }
        let dialect = InputDialect(dateFormat: dayFirst ? .dayFirst : .monthFirst)
        let fast = Self.read(Array(text.utf8), decoder: true, dialect: dialect)
        #expect(fast == Self.read(Array(text.utf8), decoder: false, dialect: dialect))
        if seed % 3 == 0 { #expect(fast.total == 0, "\(fast.errors)") }
    }

    /// Storage sized for a larger file of the same folder (see `SnapshotReader.read(bytes:…)`)
    /// changes no value and no message.
    @Test(arguments: 0..<10)
    func sizingForALargerFileChangesNothing(seed: Int) {
        let f = Self.file(seed: 9_000 + UInt64(seed), rows: 300, bad: seed % 2 == 0 ? 0 : 0.01, standardOrder: seed % 3 == 0)
        #expect(Self.read(f, decoder: true, largestFileBytes: f.count * 40) == Self.read(f, decoder: true))
    }

    @Test(arguments: 0..<60)
    func sameErrorsInStandardOrder(seed: Int) {
        let f = Self.file(seed: 7_000 + UInt64(seed), rows: 200, bad: seed % 3 == 0 ? 0.002 : 0.01, other: seed % 2 == 0 ? 0.05 : 0.5, standardOrder: true)
        #expect(Self.read(f, decoder: true) == Self.read(f, decoder: false))
    }
}

extension SnapshotRowDecoderTests {
    /// A line end, a lone carriage return, a quote or the end of the file at any byte of a small
    /// file, its fields quoted or not, gives the same table and the same errors with the decoder as
    /// without it.
    @Test(arguments: [false, true])
    func sameOutcomeWithALineEndOrTheFileEndAtAnyByte(standardOrder: Bool) {
        let header = standardOrder
            ? "customer_id,first_order_date,last_order_date,orders,revenue,vip,nps,csat,ces,feedback,public_complaint,refund_requested,tier,points_balance"
            : "orders,customer_id,last_order_date,revenue,nps,first_order_date,tier,vip,points_balance"
        let rows = standardOrder
            ? ["C1,2026-01-05,2026-09-30,3,120.50,true,9,5,2,,false,,Gold,120",
               "C2,,,0,0,false,,,,\"Bien, merci\",false,10.00,,",
               "C3,2026-02-01,2026-02-01,1,7,false,7,,,Great,true,,Silver,0.5"]
            : ["3,C1,2026-09-30,120.50,9,2026-01-05,Gold,true,120",
               "0,C2,,0,,,,false,",
               "1,C3,2026-02-01,7,7,2026-02-01,Silver,false,0.5"]
        let quotedRows = standardOrder
            ? ["\"C1\",\"2026-01-05\",\"2026-09-30\",\"3\",\"120.50\",\"true\",\"9\",\"5\",\"2\",\"\",\"false\",\"\",\"Gold\",\"120\"",
               "\"C2\",\"\",\"\",\"0\",\"0\",\"false\",\"\",\"\",\"\",\"Bien, merci\",\"false\",\"10.00\",\"\",\"\"",
               "\"C3\",\"2026-02-01\",\"2026-02-01\",\"1\",\"7\",\"false\",\"7\",\"\",\"\",\"Great\",\"true\",\"\",\"Silver\",\"0.5\""]
            : ["\"3\",\"C1\",\"2026-09-30\",\"120.50\",\"9\",\"2026-01-05\",\"Gold\",\"true\",\"120\"",
               "\"0\",\"C2\",\"\",\"0\",\"\",\"\",\"\",\"false\",\"\"",
               "\"1\",\"C3\",\"2026-02-01\",\"7\",\"7\",\"2026-02-01\",\"Silver\",\"false\",\"0.5\""]
        for (crlf, rows) in [(false, rows), (true, rows), (false, quotedRows), (true, quotedRows)] {
            let end = crlf ? "\r\n" : "\n"
            let valid = Array((header + end + rows.joined(separator: end) + end).utf8)
            var variants: [[UInt8]] = []
            for k in 0...valid.count {
                variants.append(Array(valid[..<k]))
                for byte: UInt8 in [13, 10, 34] {
                    var inserted = valid
                    inserted.insert(byte, at: k)
                    variants.append(inserted)
                }
            }
            for f in variants {
                let fast = Self.read(f, decoder: true)
                #expect(fast == Self.read(f, decoder: false), "\(String(decoding: f, as: UTF8.self).debugDescription)")
            }
        }
    }
}

/// The draws the generated CSV files need.
extension LifetimeTestRNG {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { uniform() < p }
    mutating func pick(_ values: [String]) -> String { values[below(values.count)] }
}
