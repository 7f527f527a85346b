import Foundation
import Testing
@testable import ReportModel

/// The transaction ledger (input.md, kind 2): `LedgerReader` rules and the snapshots `LedgerSource` derives.
@Suite("Ingest: ledger")
struct IngestLedgerTests {
    typealias S = IngestSupport

    static let header = "customer_id,date,amount,order_id"

    /// The 6-row ledger of Fixtures/ingest/ledger.csv.
    static let sixRows = """
    customer_id,date,amount,order_id
    A,2026-01-10,100.00,O1
    A,2026-01-10,20.00,O1
    B,2026-02-05,50.00,O2
    A,2026-03-02,30.00,O3
    B,2026-03-15,-10.00,O2
    A,2026-03-20,15.50,O4

    """

    static func errors(_ text: String, dialect: InputDialect = InputDialect()) -> InputErrors {
        switch S.ledger(text, dialect: dialect) {
        case .success: return InputErrors()
        case .failure(let e): return e
        }
    }

    /// All snapshots of a ledger file, in order.
    struct Derived {
        var periods: [SnapshotPeriod]
        var tables: [SnapshotTable]
        var customers: CustomerIndex
        var unknownColumns: [String]

        /// (orders, revenue units, first, last) of a customer in snapshot `k`; nil when absent.
        func row(_ k: Int, _ id: String) -> (orders: Int32, revenue: Int64, first: String, last: String)? {
            let t = tables[k]
            guard let i = t.customer.firstIndex(where: { customers.id($0) == id }) else { return nil }
            return (t.orders[i], t.revenue[i], Day(ordinal: t.firstOrder[i]).description, Day(ordinal: t.lastOrder[i]).description)
        }
    }

    static func derive(_ text: String, asOf: String? = nil, dialect: InputDialect = InputDialect()) throws -> Derived {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let path = try dir.write("ledger.csv", text)
        return try derive(path: path, asOf: asOf, dialect: dialect)
    }

    static func derive(path: String, asOf: String? = nil, dialect: InputDialect = InputDialect()) throws -> Derived {
        var source = try LedgerSource(path: path, asOf: asOf.map(S.day), dialect: dialect)
        var customers = CustomerIndex()
        var tables: [SnapshotTable] = []
        var unknown: [String] = []
        for k in source.periods.indices {
            let o = source.read(k, customers: &customers)
            #expect(o.errors.isEmpty)
            #expect(o.name == "ledger.csv")
            if k == 0 { unknown = o.unknownColumns } else { #expect(o.unknownColumns.isEmpty && o.byteCount == 0) }
            tables.append(try #require(o.table))
        }
        return Derived(periods: source.periods, tables: tables, customers: customers, unknownColumns: unknown)
    }

    /// The warnings of the ledger `text` read as of `asOf`.
    static func sourceWarnings(_ text: String, asOf: String? = nil) throws -> [String] {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        return try LedgerSource(path: try dir.write("ledger.csv", text), asOf: asOf.map(S.day), dialect: InputDialect()).warnings
    }

    static func sourceErrors(_ text: String, asOf: String? = nil) throws -> InputErrors? {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let path = try dir.write("ledger.csv", text)
        do throws(InputErrors) {
            _ = try LedgerSource(path: path, asOf: asOf.map(S.day), dialect: InputDialect())
            return nil
        } catch {
            return error
        }
    }

    // MARK: - LedgerReader

    @Test("lines are read with exact values; negative amounts (refunds) are accepted")
    func readsLines() throws {
        let lines = try S.ledger(Self.sixRows).get()
        #expect(lines.customer == [0, 0, 1, 0, 1, 0])
        #expect(lines.customers.id(0) == "A" && lines.customers.id(1) == "B")
        #expect(lines.day == ["2026-01-10", "2026-01-10", "2026-02-05", "2026-03-02", "2026-03-15", "2026-03-20"].map(S.ordinal))
        #expect(lines.amount == [1_000_000, 200_000, 500_000, 300_000, -100_000, 155_000])
        #expect(lines.hasOrderID)
        #expect(lines.order.count == 6)
        #expect(lines.order[0] == lines.order[1])
        #expect(lines.order[2] == lines.order[4])
        #expect(Set(lines.order).count == 4)
        #expect(lines.byteCount == Self.sixRows.utf8.count)
        #expect(lines.unknownColumns.isEmpty)
    }

    @Test("header: case-insensitive, free order, unknown columns listed, optional columns")
    func header() throws {
        let lines = try S.ledger(" Amount ,Channel,DATE,Customer_ID,Quantity\n-3.5,web,2026-01-02,X,2\n").get()
        #expect(lines.amount == [-35_000])
        #expect(lines.day == [S.ordinal("2026-01-02")])
        #expect(lines.customers.id(lines.customer[0]) == "X")
        #expect(lines.unknownColumns == ["Channel"])
        #expect(!lines.hasOrderID)
        #expect(lines.order.isEmpty)
    }

    @Test("a missing required column is reported on line 1", arguments: LedgerColumn.required)
    func missingColumn(_ column: LedgerColumn) {
        let header = LedgerColumn.required.filter { $0 != column }.map(\.rawValue) + ["order_id"]
        let e = Self.errors(header.joined(separator: ",") + "\nA,B\n")
        expectSingleError(e, file: "ledger.csv", line: 1, column: 0, message: ["required column \(column.rawValue) is missing"], expected: ["customer_id, date, amount"])
    }

    @Test("duplicate column, empty file")
    func structure() {
        expectSingleError(Self.errors("customer_id,date,amount,Date\n"), file: "ledger.csv", line: 1, column: 4, message: ["column date appears twice (first as column 2)"])
        expectSingleError(Self.errors(""), file: "ledger.csv", line: 1, column: 0, message: ["the file is empty"])
        expectSingleError(Self.errors("\n\r\n"), file: "ledger.csv", line: 1, column: 0, message: ["the file is empty"])
    }

    struct BadLine: Sendable, CustomTestStringConvertible {
        var row: String
        var column: Int
        var message: String
        var expected: String
        var testDescription: String { row }
    }

    @Test("bad values are located by line and column", arguments: [
        BadLine(row: "A,2026-02-30,10,O9", column: 2, message: "date \"2026-02-30\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadLine(row: "A,2026-13-01,10,O9", column: 2, message: "date \"2026-13-01\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadLine(row: "A,10/01/2026,10,O9", column: 2, message: "date \"10/01/2026\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadLine(row: "A,,10,O9", column: 2, message: "date is missing", expected: "a date YYYY-MM-DD"),
        BadLine(row: "A,2026-01-10,ten,O9", column: 3, message: "amount \"ten\" is not a decimal number", expected: "a number like 12.50 or -12.50"),
        BadLine(row: "A,2026-01-10,\"12,50\",O9", column: 3, message: "amount \"12,50\" is not a decimal number", expected: "12.50"),
        BadLine(row: "A,2026-01-10,1000000000000,O9", column: 3, message: "amount \"1000000000000\" is too large: amounts have at most 12 digits before the decimal point", expected: "12.50"),
        BadLine(row: "A,2026-01-10,,O9", column: 3, message: "amount is missing", expected: "a decimal number (negative for refunds)"),
        BadLine(row: ",2026-01-10,10,O9", column: 1, message: "customer_id is missing", expected: "a non-empty customer id; lines without a customer, such as guest checkouts, cannot be followed over time: leave them out of the export"),
        BadLine(row: "A,2026-01-10,10", column: 4, message: "the row has 3 field(s)", expected: "4 fields as in the header row"),
        BadLine(row: "A,2026-01-10,10,O9,x", column: 5, message: "the row has 5 field(s)", expected: "4 fields as in the header row"),
        BadLine(row: "\"A,2026-01-10,10,O9", column: 1, message: "quoted field is never closed", expected: "a closing quote"),
    ])
    func badValues(_ c: BadLine) {
        let e = Self.errors(Self.header + "\nA,2026-01-01,1,O1\n" + c.row + "\n")
        expectSingleError(e, file: "ledger.csv", line: 3, column: c.column, message: [c.message], expected: [c.expected])
    }

    @Test("quantity must be an integer when present")
    func quantity() throws {
        let ok = try S.ledger("customer_id,date,amount,quantity\nA,2026-01-01,1,2\nA,2026-01-02,-1,-1\nA,2026-01-03,1,\n").get()
        #expect(ok.customer.count == 3)
        let e = Self.errors("customer_id,date,amount,quantity\nA,2026-01-01,1,2\nA,2026-01-02,1,1.5\n")
        expectSingleError(e, file: "ledger.csv", line: 3, column: 4, message: ["quantity \"1.5\" is not a whole number"], expected: ["an integer"])
    }

    @Test("a ; ledger accepts decimal commas and negative amounts")
    func semicolonLedger() throws {
        let lines = try S.ledger("customer_id;date;amount\r\nA;2026-01-01;-12,5\r\nB;2026-01-02;3,25\r\n").get()
        #expect(lines.amount == [-125_000, 32_500])
    }

    @Test("day-first ledger dates")
    func dayFirstLedger() throws {
        let lines = try S.ledger("customer_id,date,amount\nA,31/01/2026,1\n", dialect: InputDialect(dateFormat: .dayFirst)).get()
        #expect(lines.day == [S.ordinal("2026-01-31")])
        let e = Self.errors("customer_id,date,amount\nA,2026-01-31,1\n", dialect: InputDialect(dateFormat: .dayFirst))
        expectSingleError(e, file: "ledger.csv", line: 2, column: 2, expected: ["a date DD/MM/YYYY"])
    }

    @Test("errors in many lines are capped at 20 and counted")
    func errorCap() {
        var text = "customer_id,date,amount\n"
        for k in 0..<30 { text += "C\(k),2026-01-01,x\n" }
        let e = Self.errors(text)
        #expect(e.first.count == 20)
        #expect(e.total == 30)
    }

    @Test("invalid UTF-8 and NUL bytes in the ledger")
    func badBytes() {
        let utf8 = S.ledger(bytes: Array("customer_id,date,amount\n".utf8) + [0xFF] + Array(",2026-01-01,1\n".utf8))
        if case .failure(let e) = utf8 {
            expectSingleError(e, file: "ledger.csv", line: 2, column: 1, message: ["customer_id is not valid UTF-8 text"])
        } else {
            Issue.record("invalid UTF-8 accepted")
        }
        let nul = S.ledger(bytes: Array("customer_id,date,amount\nA,2026-01-01,1".utf8) + [0] + [0x0A])
        if case .failure(let e) = nul {
            expectSingleError(e, file: "ledger.csv", line: 2, column: 3, message: ["NUL byte in field"])
        } else {
            Issue.record("NUL byte accepted")
        }
    }

    // MARK: - LedgerSource: derived snapshots, computed by hand

    @Test("the 6-row ledger: periods and cumulative values per snapshot")
    func sixRowLedger() throws {
        let d = try Self.derive(Self.sixRows)
        // First purchase 2026-01-10, last 2026-03-20 (not a month end).
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02", "2026-03-20"])
        #expect(d.periods.map(\.asOf) == ["2026-01-31", "2026-02-28", "2026-03-20"].map(S.day))
        #expect(d.tables.map(\.period) == d.periods)

        // 2026-01: A bought O1 (two lines, one order). B has not bought yet.
        #expect(d.tables[0].count == 1)
        #expect(d.row(0, "A")! == (1, 1_200_000, "2026-01-10", "2026-01-10"))
        #expect(d.row(0, "B") == nil)
        // 2026-02: B's first order.
        #expect(d.row(1, "A")! == (1, 1_200_000, "2026-01-10", "2026-01-10"))
        #expect(d.row(1, "B")! == (1, 500_000, "2026-02-05", "2026-02-05"))
        // 2026-03-20: A has O1, O3, O4; B's refund line belongs to O2 (still one order).
        #expect(d.row(2, "A")! == (3, 1_655_000, "2026-01-10", "2026-03-20"))
        #expect(d.row(2, "B")! == (1, 400_000, "2026-02-05", "2026-03-15"))

        let last = d.tables[2]
        let a = try #require(last.customer.firstIndex { d.customers.id($0) == "A" })
        let b = try #require(last.customer.firstIndex { d.customers.id($0) == "B" })
        #expect(last.purchaseDays[a] == 3 && last.purchaseDays[b] == 2)
        #expect(last.repeatSpend[a] == 455_000 && last.repeatSpend[b] == -100_000)
        #expect(last.derivedFromLedger)
        #expect(last.columns == [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue])
        // Columns the ledger has no data for are left empty (every row missing: see `SnapshotTable`).
        #expect(last.status.isEmpty && last.vip.isEmpty && last.nps.isEmpty && last.csat.isEmpty && last.ces.isEmpty)
        #expect(last.publicComplaint.isEmpty && last.refunds.isEmpty && last.pointsOutstanding == 0)
        #expect(d.customers.count == 2)
    }

    @Test("the fixture ledger file gives the same snapshots as the in-memory text")
    func fixtureLedger() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/ingest/ledger.csv", withExtension: nil))
        let fromFile = try Self.derive(path: url.path)
        let fromText = try Self.derive(Self.sixRows)
        #expect(fromFile.periods == fromText.periods)
        #expect(fromFile.tables.map(\.orders) == fromText.tables.map(\.orders))
        #expect(fromFile.tables.map(\.revenue) == fromText.tables.map(\.revenue))
    }

    @Test("without order_id every row is an order")
    func oneOrderPerRow() throws {
        let text = Self.sixRows.split(separator: "\n").map { $0.split(separator: ",").prefix(3).joined(separator: ",") }.joined(separator: "\n") + "\n"
        let d = try Self.derive(text)
        #expect(d.row(0, "A")!.orders == 2)
        #expect(d.row(1, "B")!.orders == 1)
        #expect(d.row(2, "A")!.orders == 4)
        #expect(d.row(2, "B")!.orders == 2)
        #expect(d.row(2, "A")!.revenue == 1_655_000)
    }

    @Test("order ids are per customer; an empty order id is an order of its own")
    func orderIDsPerCustomer() throws {
        let d = try Self.derive("""
        customer_id,date,amount,order_id
        A,2026-01-01,1,X
        B,2026-01-01,1,X
        A,2026-01-05,1,X
        A,2026-01-06,1,
        A,2026-01-07,1,
        B,2026-01-08,1,Y

        """)
        #expect(d.periods.map(\.label) == ["2026-01-08"])
        #expect(d.row(0, "A")! == (3, 40_000, "2026-01-01", "2026-01-07"))
        #expect(d.row(0, "B")! == (2, 20_000, "2026-01-01", "2026-01-08"))
    }

    @Test("an order whose lines span days is counted once, from its first day")
    func orderSpanningDays() throws {
        let d = try Self.derive("""
        customer_id,date,amount,order_id
        A,2026-02-10,5,O2
        A,2026-01-20,10,O1
        A,2026-02-03,2,O1

        """)
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02-10"])
        #expect(d.row(0, "A")! == (1, 100_000, "2026-01-20", "2026-01-20"))
        #expect(d.row(1, "A")! == (2, 170_000, "2026-01-20", "2026-02-10"))
    }

    @Test("--as-of cuts the ledger: later rows are ignored")
    func asOfCut() throws {
        let d = try Self.derive(Self.sixRows, asOf: "2026-03-10")
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02", "2026-03-10"])
        #expect(d.periods.last?.asOf == S.day("2026-03-10"))
        #expect(d.row(2, "A")! == (2, 1_500_000, "2026-01-10", "2026-03-02"))
        #expect(d.row(2, "B")! == (1, 500_000, "2026-02-05", "2026-02-05"))
    }

    @Test("rows on the as-of date itself are kept")
    func asOfInclusive() throws {
        let d = try Self.derive(Self.sixRows, asOf: "2026-03-15")
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02", "2026-03-15"])
        #expect(d.row(2, "B")! == (1, 400_000, "2026-02-05", "2026-03-15"))
        #expect(d.row(2, "A")! == (2, 1_500_000, "2026-01-10", "2026-03-02"))
    }

    @Test("a missing ledger file is an error naming it")
    func missingLedgerFile() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        do throws(InputErrors) {
            _ = try LedgerSource(path: dir.url.appendingPathComponent("sales.csv").path, asOf: nil, dialect: InputDialect())
            Issue.record("a missing file was accepted")
        } catch {
            expectSingleError(error, file: "sales.csv", line: 0, column: 0, message: ["cannot open file"])
        }
    }

    @Test("an as-of month end is labelled YYYY-MM")
    func asOfMonthEnd() throws {
        let d = try Self.derive(Self.sixRows, asOf: "2026-02-28")
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02"])
        #expect(d.row(1, "A")! == (1, 1_200_000, "2026-01-10", "2026-01-10"))
        #expect(d.row(1, "B")! == (1, 500_000, "2026-02-05", "2026-02-05"))
    }

    @Test("an as-of after the last purchase extends the month ends")
    func asOfAfterLedger() throws {
        let d = try Self.derive(Self.sixRows, asOf: "2026-05-31")
        #expect(d.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(d.row(4, "A")! == (3, 1_655_000, "2026-01-10", "2026-03-20"))
        #expect(d.row(3, "B")! == d.row(4, "B")!)
        let mid = try Self.derive(Self.sixRows, asOf: "2026-05-02")
        #expect(mid.periods.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05-02"])
    }

    @Test("a ledger ending on a month end is labelled YYYY-MM")
    func ledgerEndsOnMonthEnd() throws {
        let d = try Self.derive("customer_id,date,amount\nA,2025-12-15,1\nA,2026-02-28,2\n")
        #expect(d.periods.map(\.label) == ["2025-12", "2026-01", "2026-02"])
        #expect(d.row(1, "A")! == (1, 10_000, "2025-12-15", "2025-12-15"))
        #expect(d.row(2, "A")! == (2, 30_000, "2025-12-15", "2026-02-28"))
    }

    @Test("row order does not change the derived snapshots")
    func rowOrderIndependent() throws {
        var rows = Self.sixRows.split(separator: "\n").map(String.init)
        let header = rows.removeFirst()
        let shuffled = [header] + [rows[5], rows[2], rows[4], rows[0], rows[3], rows[1]]
        let a = try Self.derive(Self.sixRows)
        let b = try Self.derive(shuffled.joined(separator: "\n"))
        #expect(a.periods == b.periods)
        for k in a.tables.indices {
            for id in ["A", "B"] {
                let x = a.row(k, id), y = b.row(k, id)
                #expect(x?.orders == y?.orders && x?.revenue == y?.revenue && x?.first == y?.first && x?.last == y?.last)
            }
        }
    }

    @Test("unknown columns come with the first snapshot only")
    func unknownColumns() throws {
        let d = try Self.derive("customer_id,date,amount,Channel\nA,2026-01-01,1,web\nA,2026-02-01,1,shop\n")
        #expect(d.unknownColumns == ["Channel"])
    }

    @Test("many amounts at the 12-digit limit do not crash the cumulative revenue")
    func revenueOverflow() async {
        // 1 000 lines of 999 999 999 999 sum to ~1e19 Money units, past Int64.max (~9.2e18).
        await #expect(processExitsWith: .success) {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-overflow-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("ledger.csv").path
            let text = "customer_id,date,amount\n" + String(repeating: "A,2026-01-01,999999999999\n", count: 1_000)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            // Either an input error or a table is fine; a trap is not.
            if var source = try? LedgerSource(path: path, asOf: nil, dialect: InputDialect()) {
                var customers = CustomerIndex()
                for k in source.periods.indices { _ = source.read(k, customers: &customers) }
            }
        }
        
    }

    /// A customer whose amounts add up past Money.maxTotal: one error naming it, at the month end
    /// where it happens, and none repeated for the month ends after it (which cannot be derived).
    @Test("a customer's amounts past the exact limit are one error, said once")
    func customerTotalOverflow() throws {
        let text = "customer_id,date,amount\nB,2025-12-10,5\n" + String(repeating: "A,2026-01-01,999999999999\n", count: 300) + "B,2026-03-01,5\n"
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var source = try LedgerSource(path: try dir.write("ledger.csv", text), asOf: nil, dialect: InputDialect())
        #expect(source.periods.map(\.label) == ["2025-12", "2026-01", "2026-02", "2026-03-01"])
        var customers = CustomerIndex()
        let outcomes = source.periods.indices.map { source.read($0, customers: &customers) }
        #expect(outcomes.map { $0.table != nil } == [true, false, false, false])
        #expect(outcomes.map(\.errors.total) == [0, 1, 0, 0])
        // At the first of A's largest amounts (line 3), in the amount column.
        let error = try #require(outcomes[1].errors.first.first)
        #expect(error.message == "the amounts of customer A add up past \(Money.maxTotal / Money.scale) currency units; the largest amount, 999999999999, is on this line")
        #expect((error.file, error.line, error.column) == ("ledger.csv", 3, 3))
    }

    /// With the month's lines applied in chunks of customers, the error still names the first
    /// customer in index order whose amounts overflow, though a later chunk's overflows too.
    @Test("the overflow error names the first customer when the lines are applied in chunks")
    func customerTotalOverflowInChunks() throws {
        var text = "customer_id,date,amount\n"
        for id in ["A", "B", "C", "D", "E", "F"] { text += "\(id),2025-12-10,5\n" }
        for id in ["C", "F"] { text += String(repeating: "\(id),2026-01-01,999999999999\n", count: 300) }
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var source = try LedgerSource(path: try dir.write("ledger.csv", text), asOf: nil, dialect: InputDialect())
        source.linesPerChunk = 1
        var customers = CustomerIndex()
        let outcomes = source.periods.indices.map { source.read($0, customers: &customers) }
        #expect(outcomes.map(\.errors.total) == [0, 1])
        let error = try #require(outcomes[1].errors.first.first)
        #expect(error.message == "the amounts of customer C add up past \(Money.maxTotal / Money.scale) currency units; the largest amount, 999999999999, is on this line")
        #expect((error.line, error.column) == (8, 3))
    }

    /// Customers each within the exact limit whose revenues together pass it: the month end is an
    /// error, whether its columns are filled on one thread or two (`linesPerChunk`), said once, not
    /// again for the month ends after it.
    @Test("a month end whose revenues add up past the exact limit is an error, said once", arguments: [Int.max, 1])
    func monthEndTotalOverflow(linesPerChunk: Int) throws {
        let text = "customer_id,date,amount\nB,2025-12-10,5\n" + String(repeating: "A,2026-01-01,999999999999\nC,2026-01-02,999999999999\n", count: 150)
            + "B,2026-02-03,5\nB,2026-03-03,5\n"
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var source = try LedgerSource(path: try dir.write("ledger.csv", text), asOf: nil, dialect: InputDialect())
        source.linesPerChunk = linesPerChunk
        var customers = CustomerIndex()
        let outcomes = source.periods.indices.map { source.read($0, customers: &customers) }
        #expect(outcomes.map { $0.table != nil } == [true, false, false, false])
        #expect(outcomes.map(\.errors.total) == [0, 1, 0, 0])
        let error = try #require(outcomes[1].errors.first.first)
        #expect(error.message == "the amounts up to 2026-01-31 add up past \(Money.maxTotal / Money.scale) currency units; the largest amount, 999999999999, is on this line")
        #expect((error.line, error.column) == (3, 3))
        // Each customer alone is within the limit.
        #expect(outcomes[0].table?.revenue == [50_000])
    }

    /// The overflow errors point at the amount that goes furthest the way the total does, among the
    /// lines up to the month end: the largest amount (not a larger refund, nor a larger amount of a
    /// later month), or the largest refund when the total is negative; `:0:0` when the file cannot
    /// be read again.
    @Test("an overflow error points at the largest amount the way the total goes, up to the month end")
    func overflowErrorLine() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        func error(_ text: String, removingFile: Bool = false) throws -> InputError {
            let path = try dir.write("ledger.csv", text)
            var source = try LedgerSource(path: path, asOf: nil, dialect: InputDialect())
            if removingFile { try FileManager.default.removeItem(atPath: path) }
            var customers = CustomerIndex()
            let outcomes = source.periods.indices.map { source.read($0, customers: &customers) }
            return try #require(outcomes.lazy.compactMap { $0.errors.first.first }.first)
        }
        // Line 2: a refund larger than any amount; line 4: the largest amount; line 305: larger
        // still, but in February, after the month end that overflows.
        let rising = "customer_id,date,amount\nA,2026-01-01,-999999999999.99\nA,2026-01-01,999999999999\nA,2026-01-02,999999999999.5\n"
            + String(repeating: "A,2026-01-03,999999999999\n", count: 300) + "A,2026-02-01,999999999999.9\n"
        let up = try error(rising)
        #expect((up.line, up.column) == (4, 3))
        #expect(up.message.hasSuffix("; the largest amount, 999999999999.5, is on this line"))
        #expect(up.expected == "amounts a report can sum exactly: check this amount")
        // Refunds adding up below minus the limit: the largest refund, in a semicolon ledger.
        let falling = "customer_id;date;amount\nA;2026-01-01;12\n" + String(repeating: "A;2026-01-02;-999999999999\n", count: 150)
            + "A;2026-01-03;-999999999999,75\n" + String(repeating: "A;2026-01-04;-999999999999\n", count: 150)
        let down = try error(falling)
        #expect((down.line, down.column) == (153, 3))
        #expect(down.message.hasSuffix("; the largest refund, -999999999999,75, is on this line"))
        // The file gone since it was read: the error without a line.
        let gone = try error(rising, removingFile: true)
        #expect((gone.line, gone.column) == (0, 0))
        #expect(gone.message == "the amounts of customer A add up past \(Money.maxTotal / Money.scale) currency units")
        #expect(gone.expected == "amounts a report can sum exactly")
    }

    @Test("200 amounts at the 12-digit limit still sum exactly (Money.maxTotal is Int64.max / 4)")
    func revenueNearLimit() throws {
        let text = "customer_id,date,amount\n" + String(repeating: "A,2026-01-01,999999999999.9999\n", count: 200)
        let d = try Self.derive(text)
        let row = try #require(d.row(0, "A"))
        let expected: Int64 = 200 * 9_999_999_999_999_999
        #expect(row.revenue == expected)
        #expect(row.orders == 200)
    }

    /// A mistyped year makes a year or more of empty month ends: a warning names the gap and the
    /// earliest line; eleven empty months do not warn; an --as-of three month ends or more after the
    /// last line has its own warning.
    @Test("a run of 12 or more months without a line is a warning naming the earliest line")
    func longGapWarning() throws {
        let stray = "customer_id,date,amount\nB,2026-03-10,20\nZ,2024-01-05,10\nB,2026-04-10,5\n"
        let found = try Self.sourceWarnings(stray)
        #expect(found == ["ledger.csv: 25 months without a purchase line (2024-02 to 2026-02) each get a month end, 28 in all from 2024-01; "
            + "the last line before them is dated 2024-01-05 (customer Z), the first after them 2026-03-10 (customer B): check for a mistyped date"])
        #expect(try Self.sourceWarnings("customer_id,date,amount\nB,2026-03-10,20\nZ,2025-03-05,10\n").isEmpty)  // 11 months
        // Ten years without a line are a mistyped year, refused: 2124 for 2024 made 1,199 month ends
        // of a four-line ledger (minutes of build, an 860 MB site). 119 empty months are a warning.
        // The error points at the line next to the gap on its side with fewer lines, where the
        // mistyped date likely is, and names the lines on either side by number.
        let typo = "customer_id,date,amount\nA,2025-01-05,10\nB,2025-02-05,10\nA,2025-03-05,10\nB,2124-11-05,10\n"
        let error = try #require(try Self.sourceErrors(typo))
        expectSingleError(error, file: "ledger.csv", line: 5, column: 2, message: [
            "1195 months without a purchase line (2025-04 to 2124-10) each get a month end, 1199 in all from 2025-01; "
                + "the last line before them is dated 2025-03-05 (customer A, line 4), the first after them 2124-11-05 (customer B, line 5)"],
            expected: ["at most 119 months in a row without a purchase line: correct the mistyped date "
                + "(or, if the lines after the gap are the mistake, leave them out with --as-of 2025-03-31)"])
        #expect(try Self.sourceErrors(typo, asOf: "2025-03-31") == nil)
        // A stray early line, in a file of another column order, quoted ids and a line break in a
        // quoted field (the line of the date is given): the line before the gap.
        let early = "amount;\"customer_id\";order_id;date\n10;\"A\";O1;05/01/2003\n10;\"B\";\"O\n2\";05/02/2015\n10;\"A\";O3;05/03/2015\n10;A;O4;05/04/2015\n"
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        var dialect = InputDialect()
        dialect.dateFormat = .dayFirst
        let path = try dir.write("ledger.csv", early)
        do throws(InputErrors) {
            _ = try LedgerSource(path: path, asOf: nil, dialect: dialect)
            Issue.record("a 144-month gap was read")
        } catch {
            expectSingleError(error, file: "ledger.csv", line: 2, column: 4, message: [
                "the last line before them is dated 2003-01-05 (customer A, line 2), the first after them 2015-02-05 (customer B, line 4)"])
        }
        let decade = try Self.sourceWarnings("customer_id,date,amount\nA,2015-01-05,10\nB,2024-12-20,10\n")
        #expect(decade.count == 1 && decade[0].hasPrefix("ledger.csv: 118 months without a purchase line"), "\(decade)")
        #expect(try Self.sourceErrors("customer_id,date,amount\nA,2015-01-05,10\nB,2025-01-05,10\n") == nil)  // 119 (2015-02 to 2024-12)
        #expect(try Self.sourceErrors("customer_id,date,amount\nA,2015-01-05,10\nB,2025-02-05,10\n") != nil)  // 120
        #expect(try Self.sourceWarnings(Self.sixRows, asOf: "2026-05-31").isEmpty)  // 2 month ends after the last line
        #expect(try Self.sourceWarnings(Self.sixRows, asOf: "2026-06-15") == [
            "ledger.csv: the latest purchase is dated 2026-03-20, and the as-of date 2026-06-15 adds 3 snapshot(s) after its month without any purchase line: check --as-of"])
        #expect(try Self.sourceWarnings(Self.sixRows, asOf: "2027-03-31") == [
            "ledger.csv: the latest purchase is dated 2026-03-20, and the as-of date 2027-03-31 adds 12 snapshot(s) after its month without any purchase line: check --as-of"])
    }

    /// A default as-of date a few days into its month (an export run early in the month) makes a
    /// last snapshot of those days: warned about, with the as-of that ends at the last full month;
    /// not when the as-of is given, on a month end, from the 7th on, or for a single month.
    @Test("a last snapshot of a few days, by the default as-of date, is a warning")
    func shortLastPeriodWarning() throws {
        let early = "customer_id,date,amount\nA,2026-09-03,10\nB,2026-10-12,20\nA,2026-11-02,5\n"
        #expect(try Self.sourceWarnings(early) == ["ledger.csv: the latest line is dated 2026-11-02, so the last snapshot covers only 2 day(s) of 2026-11: "
            + "pass --as-of 2026-10-31 to end at the last full month"])
        #expect(try Self.sourceWarnings(early, asOf: "2026-11-02").isEmpty)
        #expect(try Self.sourceWarnings("customer_id,date,amount\nA,2026-09-03,10\nA,2026-11-07,5\n").isEmpty)
        #expect(try Self.sourceWarnings("customer_id,date,amount\nA,2026-09-03,10\nA,2026-10-31,5\n").isEmpty)
        #expect(try Self.sourceWarnings("customer_id,date,amount\nA,2026-11-01,10\nA,2026-11-02,5\n").isEmpty)
    }

    /// A ledger without `order_id` counts every line as an order: a column named as order numbers
    /// are (`order_ref`, `InvoiceNo`, `N° commande`) gets a warning saying how to map it; a ledger
    /// with `order_id`, or whose other columns are no order number, gets none.
    @Test("a ledger without order_id but with an order-number column is warned about")
    func orderColumnWarning() throws {
        let lines = "C1,R1,2026-10-01,10\nC1,R1,2026-10-01,5\n"
        #expect(try Self.sourceWarnings("customer_id,order_ref,date,amount\n" + lines, asOf: "2026-10-31") == [
            "ledger.csv: the ledger has no order_id column, so every line counts as one order; \"order_ref\" may be it: "
                + "map it in fidelis.yml with columns: {\"order_ref\": order_id}"])
        for header in ["InvoiceNo", "N° commande", "Numéro de facture", "Order"] {
            let warnings = try Self.sourceWarnings("customer_id,\(header),date,amount\n" + lines, asOf: "2026-10-31")
            #expect(warnings.count == 1 && warnings[0].contains("\"\(header)\" may be it"), "\(header)")
        }
        #expect(try Self.sourceWarnings("customer_id,order_id,date,amount\n" + lines, asOf: "2026-10-31").isEmpty)
        #expect(try Self.sourceWarnings("customer_id,channel,date,amount\n" + lines, asOf: "2026-10-31").isEmpty)
    }

    /// A placeholder date (9999-12-31) would make 95,688 month ends (2026-01 to 9999-12: 7,974 years
    /// × 12): an error naming the earliest and latest lines; cut by --as-of, the same ledger is read.
    @Test("a ledger spanning more than 1,200 month ends is an error naming its first and last lines")
    func spanLimit() throws {
        let text = Self.sixRows + "Z,9999-12-31,1.00,O9\n"
        let error = try #require(try Self.sourceErrors(text))
        // At the line of the placeholder date, the one far from the others.
        expectSingleError(error, file: "ledger.csv", line: 8, column: 2, message: [
            "the ledger spans 95688 month ends, from its earliest line (2026-01-10, customer A, line 2) to its latest line (9999-12-31, customer Z, line 8)"],
            expected: ["at most 1200 month ends (100 years)"])
        #expect(try Self.sourceErrors(text, asOf: "2026-03-31") == nil)
        // A default date of 1900 is the earliest line: the error points at it.
        let early = try #require(try Self.sourceErrors(Self.sixRows + "Y,1900-01-01,1.00,O9\n"))
        expectSingleError(early, file: "ledger.csv", line: 8, column: 2, message: [
            "from its earliest line (1900-01-01, customer Y, line 8) to its latest line (2026-03-20, customer A, line 7)"])
        // 2026-01 to 2125-12: 1,200 month ends; one more is too many. The far end is then the
        // as-of date given, no line of the file.
        #expect(try Self.sourceErrors(Self.sixRows, asOf: "2125-12-31") == nil)
        let late = try #require(try Self.sourceErrors(Self.sixRows, asOf: "2126-01-31"))
        expectSingleError(late, file: "ledger.csv", line: 0, column: 0, message: [
            "the ledger spans 1201 month ends, from its earliest line (2026-01-10, customer A, line 2) to the as-of date 2126-01-31 given; "
                + "latest line: 2026-03-20, customer A, line 7"])
    }

    /// Generated ledgers of 2 to 40 lines in no order, each with one stray line (a century ahead,
    /// ten years back, 9999-12-31 or 1900-01-01) anywhere, the date column first, second or last:
    /// the span or gap error points at the stray line's date and names its line.
    @Test("a ledger's span or gap error points at its one stray line")
    func strayLineIsLocated() throws {
        for seed in 0..<40 {
            var random = SampleRandom(seed: UInt64(seed), 1, salt: 83)
            let base = S.day("2020-01-01").ordinal + Int32(random.below(1500))
            var rows: [(id: String, day: Day)] = (0..<(2 + random.below(39))).map { _ in
                ("C\(random.below(15))", Day(ordinal: base + Int32(random.below(700))))
            }
            let stray: Day = switch random.below(4) {
            case 0: Day(ordinal: base + 36_600 + Int32(random.below(400)))
            case 1: Day(ordinal: base - 3_800 - Int32(random.below(400)))
            case 2: S.day("9999-12-31")
            default: S.day("1900-01-01")
            }
            let at = random.below(rows.count + 1)
            rows.insert(("S", stray), at: at)
            let dateColumn = random.below(3)
            func line(_ fields: [String], date: String) -> String {
                var fields = fields
                fields.insert(date, at: dateColumn)
                return fields.joined(separator: ",")
            }
            let text = ([line(["customer_id", "amount"], date: "date")] + rows.map { line([$0.id, "5.00"], date: "\($0.day)") })
                .joined(separator: "\n") + "\n"
            let error = try #require(try Self.sourceErrors(text), "seed \(seed)")
            expectSingleError(error, file: "ledger.csv", line: at + 2, column: dateColumn + 1, message: ["line \(at + 2)"])
        }
    }

    @Test("a header-only ledger, or an as-of before the first purchase, is an error")
    func noPurchases() throws {
        let empty = try #require(try Self.sourceErrors(Self.header + "\n"))
        expectSingleError(empty, file: "ledger.csv", line: 2, column: 0, message: ["the ledger has no purchase line"])
        let early = try #require(try Self.sourceErrors(Self.sixRows, asOf: "2025-12-31"))
        expectSingleError(early, file: "ledger.csv", line: 0, column: 0,
                          message: ["no purchase on or before the as-of date 2025-12-31: the first is on 2026-01-10, customer A, line 2"],
                          expected: ["an --as-of date on or after 2026-01-10, the first purchase"])
        let bad = try #require(try Self.sourceErrors(Self.header + "\nA,2026-01-01,x,O1\n"))
        expectSingleError(bad, file: "ledger.csv", line: 2, column: 3)
    }
}
