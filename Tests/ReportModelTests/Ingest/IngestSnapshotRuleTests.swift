import Foundation
import Testing
@testable import ReportModel

/// Every error rule of input.md for snapshot files, with FILE:LINE:COLUMN and message content.
@Suite("Ingest: snapshot rules")
struct IngestSnapshotRuleTests {
    typealias S = IngestSupport

    // MARK: - Header and file structure

    @Test("a missing required column is reported on line 1", arguments: SnapshotColumn.required)
    func missingRequiredColumn(_ column: SnapshotColumn) {
        let header = SnapshotColumn.required.filter { $0 != column }.map(\.rawValue) + ["tier"]
        let r = S.read(header.joined(separator: ",") + "\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 1, column: 0, message: ["required column \(column.rawValue) is missing"],
                          expected: ["customer_id, last_order_date, orders, revenue"])
    }

    @Test("a missing column in a header preceded by blank lines names the header's line")
    func missingColumnAfterBlankLines() {
        let r = S.read("\n\ncustomer_id,orders,revenue\nA1,1,10\n")
        #expect(r.table == nil)
        #expect(r.errors.total == 1)
        expectSingleError(r.errors, line: 3, column: 0, message: ["required column last_order_date is missing"])
        
    }

    @Test("every missing required column is reported")
    func allRequiredMissing() {
        let r = S.read("name,amount\nA,1\n")
        #expect(r.errors.total == 4)
        #expect(r.errors.first.map(\.message) == SnapshotColumn.required.map { "required column \($0.rawValue) is missing" })
        #expect(r.outcome.unknownColumns == ["name", "amount"])
    }

    @Test("a duplicate column names both positions")
    func duplicateColumn() {
        let r = S.read("customer_id,orders,revenue,last_order_date, ORDERS \nA1,1,10,2026-10-01,1\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 1, column: 5, message: ["column orders appears twice (first as column 2)"], expected: ["each column once"])
    }

    @Test("an empty file is an error", arguments: ["", "\n", "\r\n\n\n"])
    func emptyFile(_ text: String) {
        let r = S.read(text)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 1, column: 0, message: ["the file is empty"], expected: ["a header row"])
    }

    @Test("a header-only file is valid with zero rows")
    func headerOnly() throws {
        for text in [S.minimalHeader, S.minimalHeader + "\n", FullRow.header + "\r\n"] {
            let r = S.read(text)
            #expect(r.errors.isEmpty, "\(r.errors)")
            let t = try #require(r.table)
            #expect(t.count == 0)
        }
    }

    @Test("a row with too many fields points at the first extra field")
    func tooManyFields() {
        let r = S.read(S.minimalHeader + "\nA1,1,10,2026-10-01\nB2,1,10,2026-10-01,extra,more\n")
        expectSingleError(r.errors, line: 3, column: 5, message: ["the row has 6 field(s)"], expected: ["4 fields as in the header row"])
    }

    @Test("a row with too few fields points at the first missing field")
    func tooFewFields() {
        let r = S.read(S.minimalHeader + "\nA1,1,10\n")
        expectSingleError(r.errors, line: 2, column: 4, message: ["the row has 3 field(s)"], expected: ["4 fields as in the header row"])
    }

    // MARK: - Values, one bad value per row

    struct BadValue: Sendable, CustomTestStringConvertible {
        var overrides: [String: String]
        var column: String
        var message: String
        var expected: String
        var testDescription: String { "\(overrides) → \(column): \(message)" }
    }

    static let badValues: [BadValue] = [
        BadValue(overrides: ["customer_id": ""], column: "customer_id", message: "customer_id is missing", expected: "a non-empty customer id"),
        BadValue(overrides: ["customer_id": "\"\""], column: "customer_id", message: "customer_id is missing", expected: "a non-empty customer id"),
        BadValue(overrides: ["orders": "abc"], column: "orders", message: "orders \"abc\" is not a whole number >= 0", expected: "an integer >= 0"),
        BadValue(overrides: ["orders": "-1"], column: "orders", message: "orders \"-1\" is not a whole number >= 0", expected: "an integer >= 0"),
        BadValue(overrides: ["orders": "2.5"], column: "orders", message: "orders \"2.5\" is not a whole number >= 0", expected: "an integer >= 0"),
        BadValue(overrides: ["orders": "3000000000"], column: "orders", message: "orders \"3000000000\" is too large", expected: "an integer from 0 to 2147483647"),
        BadValue(overrides: ["orders": "99999999999999999999"], column: "orders", message: "is too large", expected: "an integer from 0 to 2147483647"),
        BadValue(overrides: ["orders": "+3"], column: "orders", message: "orders \"+3\" is not a whole number >= 0", expected: "an integer >= 0"),
        BadValue(overrides: ["nps": "99999999999999999999"], column: "nps", message: "nps \"99999999999999999999\" is out of range", expected: "a whole number from 0 to 10"),
        BadValue(overrides: ["orders": ""], column: "orders", message: "orders is missing", expected: "an integer >= 0"),
        BadValue(overrides: ["orders": "  "], column: "orders", message: "orders is missing", expected: "an integer >= 0"),
        BadValue(overrides: ["revenue": "-1"], column: "revenue", message: "revenue \"-1\" is negative, where it must be 0 or more", expected: "a number like 12.50"),
        BadValue(overrides: ["revenue": "abc"], column: "revenue", message: "revenue \"abc\" is not a decimal number >= 0", expected: "a number like 12.50"),
        BadValue(overrides: ["revenue": "1e3"], column: "revenue", message: "revenue \"1e3\" is not a decimal number >= 0", expected: "a number like 12.50"),
        BadValue(overrides: ["revenue": "1.2.3"], column: "revenue", message: "revenue \"1.2.3\"", expected: "a number like 12.50"),
        BadValue(overrides: ["revenue": ""], column: "revenue", message: "revenue is missing", expected: "a decimal number >= 0"),
        BadValue(overrides: ["orders": "0", "first_order_date": ""], column: "last_order_date", message: "last_order_date is set but orders is 0", expected: "no last_order_date when orders = 0"),
        BadValue(overrides: ["orders": "2", "last_order_date": "", "first_order_date": ""], column: "last_order_date", message: "last_order_date is missing but orders is 2", expected: "the date of the most recent order when orders >= 1"),
        BadValue(overrides: ["last_order_date": "2026-11-01"], column: "last_order_date", message: "last_order_date 2026-11-01 is after the snapshot date 2026-10-31", expected: "a date on or before 2026-10-31"),
        BadValue(overrides: ["first_order_date": "2026-10-02", "last_order_date": "2026-10-01"], column: "first_order_date", message: "first_order_date 2026-10-02 is after last_order_date 2026-10-01", expected: "first_order_date on or before last_order_date"),
        BadValue(overrides: ["last_order_date": "2026-02-30"], column: "last_order_date", message: "last_order_date \"2026-02-30\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "2026-13-01"], column: "last_order_date", message: "last_order_date \"2026-13-01\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "2026-10-00"], column: "last_order_date", message: "is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "01/10/2026"], column: "last_order_date", message: "last_order_date \"01/10/2026\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "2026-10-1"], column: "last_order_date", message: "is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "2026/10/01"], column: "last_order_date", message: "is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["last_order_date": "2026-10-01T10:00"], column: "last_order_date", message: "is a date and a time", expected: "a date YYYY-MM-DD without the time of day"),
        BadValue(overrides: ["first_order_date": "2025-02-29"], column: "first_order_date", message: "first_order_date \"2025-02-29\" is not a valid date", expected: "a date YYYY-MM-DD"),
        BadValue(overrides: ["status": "paused"], column: "status", message: "status \"paused\" is not a status", expected: "active or churned"),
        BadValue(overrides: ["status": "inactive"], column: "status", message: "is not a status", expected: "active or churned"),
        BadValue(overrides: ["vip": "maybe"], column: "vip", message: "vip \"maybe\" is not a yes/no value", expected: "true/false, 1/0, yes/no or oui/non"),
        BadValue(overrides: ["vip": "2"], column: "vip", message: "vip \"2\" is not a yes/no value", expected: "true/false"),
        BadValue(overrides: ["vip": "y"], column: "vip", message: "is not a yes/no value", expected: "true/false"),
        BadValue(overrides: ["public_complaint": "si"], column: "public_complaint", message: "public_complaint \"si\" is not a yes/no value", expected: "oui/non"),
        BadValue(overrides: ["public_complaint": "falsey"], column: "public_complaint", message: "is not a yes/no value", expected: "oui/non"),
        BadValue(overrides: ["nps": "11"], column: "nps", message: "nps \"11\" is out of range", expected: "a whole number from 0 to 10"),
        BadValue(overrides: ["nps": "-1"], column: "nps", message: "nps \"-1\" is out of range", expected: "a whole number from 0 to 10"),
        BadValue(overrides: ["nps": "7.5"], column: "nps", message: "nps \"7.5\" is not a whole number", expected: "a whole number from 0 to 10"),
        BadValue(overrides: ["nps": "ten"], column: "nps", message: "nps \"ten\" is not a whole number", expected: "a whole number from 0 to 10"),
        BadValue(overrides: ["csat": "0"], column: "csat", message: "csat \"0\" is out of range", expected: "a whole number from 1 to 5"),
        BadValue(overrides: ["csat": "6"], column: "csat", message: "csat \"6\" is out of range", expected: "a whole number from 1 to 5"),
        BadValue(overrides: ["ces": "0"], column: "ces", message: "ces \"0\" is out of range", expected: "a whole number from 1 to 7"),
        BadValue(overrides: ["ces": "8"], column: "ces", message: "ces \"8\" is out of range", expected: "a whole number from 1 to 7"),
        BadValue(overrides: ["refund_requested": "-5"], column: "refund_requested", message: "refund_requested \"-5\" is negative, where it must be 0 or more", expected: "a number like 12.50"),
        BadValue(overrides: ["refund_requested": "lots"], column: "refund_requested", message: "refund_requested \"lots\"", expected: "a number like 12.50"),
        BadValue(overrides: ["points_balance": "-1"], column: "points_balance", message: "points_balance \"-1\" is negative, where it must be 0 or more", expected: "a number like 12.50"),
    ]

    @Test("one bad value gives one error at its line and column", arguments: badValues)
    func badValue(_ c: BadValue) {
        let r = S.read("\n" + FullRow.file(c.overrides))   // a leading blank line: the row is on line 3
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 3, column: FullRow.column(c.column), message: [c.message], expected: [c.expected])
    }

    @Test("the same bad value on a later line moves the line, not the column")
    func badValueLineNumbers() {
        let text = FullRow.header + "\n" + FullRow.make(["customer_id": "A"]) + "\n" + FullRow.make(["customer_id": "B"]) + "\n"
            + FullRow.make(["customer_id": "C", "csat": "9"]) + "\n"
        let r = S.read(text)
        expectSingleError(r.errors, line: 4, column: FullRow.column("csat"))
    }

    struct GoodValue: Sendable, CustomTestStringConvertible {
        var overrides: [String: String]
        var testDescription: String { "\(overrides)" }
    }

    @Test("boundary values are accepted", arguments: [
        GoodValue(overrides: ["nps": "0", "csat": "1", "ces": "1"]),
        GoodValue(overrides: ["nps": "10", "csat": "5", "ces": "7"]),
        GoodValue(overrides: ["last_order_date": "2026-10-31"]),
        GoodValue(overrides: ["first_order_date": "2026-10-01", "last_order_date": "2026-10-01"]),
        GoodValue(overrides: ["first_order_date": ""]),
        GoodValue(overrides: ["orders": "0", "revenue": "0", "first_order_date": "", "last_order_date": ""]),
        GoodValue(overrides: ["orders": "0", "revenue": "12.5", "first_order_date": "", "last_order_date": ""]),
        GoodValue(overrides: ["status": "CHURNED", "vip": "Oui", "public_complaint": "NON"]),
        GoodValue(overrides: ["refund_requested": "0", "points_balance": "0"]),
        GoodValue(overrides: ["orders": "2147483647"]),
        GoodValue(overrides: ["revenue": "999999999999.9999"]),
        GoodValue(overrides: ["last_order_date": "2024-02-29", "first_order_date": "2024-02-29"]),
    ])
    func goodValue(_ c: GoodValue) {
        let r = S.read(FullRow.file(c.overrides))
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.table?.count == 1)
    }

    @Test("a full valid row stores every column")
    func fullRowValues() throws {
        let r = S.read(FullRow.file([
            "customer_id": "C-42", "first_order_date": "2025-12-31", "last_order_date": "2026-10-31", "orders": "7", "revenue": "1234.5678",
            "status": "active", "vip": "TRUE", "nps": "9", "csat": "4", "ces": "2", "feedback": "\"Livraison lente, mais \"\"super\"\" produit\"",
            "public_complaint": "0", "refund_requested": "15.5", "tier": "Gold", "points_balance": "1200",
        ]))
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.count == 1)
        #expect(r.customers.id(t.customer[0]) == "C-42")
        #expect(t.firstOrder == [S.ordinal("2025-12-31")])
        #expect(t.lastOrder == [S.ordinal("2026-10-31")])
        #expect(t.orders == [7])
        #expect(t.revenue == [12_345_678])
        #expect(t.status == [1])
        #expect(t.vip == [true])
        #expect(t.nps == [9])
        #expect(t.csat == [4])
        #expect(t.ces == [2])
        #expect(t.publicComplaint == [false])
        #expect(t.refunds.map(\.row) == [0] && t.refunds.map(\.amount) == [155_000])
        #expect(t.pointsOutstanding == 12_000_000)
        #expect(t.feedback.map(\.text) == ["Livraison lente, mais \"super\" produit"])
        #expect(t.tier.map(\.text) == ["Gold"])
        #expect(t.columns == Set(SnapshotColumn.allCases).subtracting([.purchaseDays, .repeatRevenue])) // input.md's columns
    }

    @Test("missing optional values get their missing markers")
    func missingOptionalValues() throws {
        let r = S.read(FullRow.file(["status": "churned"]))
        let t = try #require(r.table)
        #expect(t.status == [0])
        #expect(t.vip == [false])
        #expect(t.nps == [-1])
        #expect(t.csat == [-1])
        #expect(t.ces == [-1])
        #expect(t.publicComplaint == [false])
        #expect(t.refunds.isEmpty)
        #expect(t.pointsOutstanding == 0)
        #expect(t.feedback.isEmpty)
        #expect(t.tier.isEmpty)

        let noStatus = S.read(FullRow.file(["feedback": "   ", "tier": " "]))
        let t2 = try #require(noStatus.table)
        #expect(t2.status == [-1])
        #expect(t2.feedback.isEmpty, "blank feedback is not stored")
        #expect(t2.tier.isEmpty)
    }

    // MARK: - Duplicates and the customer index

    @Test("a duplicate customer_id names the first line")
    func duplicateCustomer() {
        let text = S.minimalHeader + "\nA1,1,10,2026-10-01\nB2,1,10,2026-10-01\n\"A1\",2,20,2026-10-02\n"
        let r = S.read(text)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 4, column: 1, message: ["customer_id \"A1\" appears twice (first on line 2)"], expected: ["each customer once per snapshot"])
    }

    /// Long rows first, then many short ones: more customers than the reader sized its storage for
    /// from the first 64 KB, so the per-customer storage grows mid-file; a duplicate after that is
    /// still caught with its first line, on the fast path and on the general one.
    @Test("a duplicate after the storage grew past its estimate names the first line", arguments: [false, true])
    func duplicateAfterGrowth(quoted: Bool) {
        let long = String(repeating: "x", count: 400)
        var text = "customer_id,orders,revenue,last_order_date,feedback\n"
        for k in 0..<300 { text += "L\(k),1,10,2026-10-01,\(long)\n" }
        for k in 0..<20_000 { text += "S\(k),1,1,2026-10-01,\n" }
        text += (quoted ? "\"S12345\"" : "S12345") + ",1,1,2026-10-01,\n"
        let r = S.read(text)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 20_302, column: 1, message: ["customer_id \"S12345\" appears twice (first on line 12647)"])
        #expect(r.customers.count == 20_300)
    }

    @Test("a duplicate id with escaped quotes is detected too")
    func duplicateEscapedCustomer() {
        let r = S.read(S.minimalHeader + "\n\"A\"\"1\",1,10,2026-10-01\n\"A\"\"1\",1,10,2026-10-01\n")
        expectSingleError(r.errors, line: 3, column: 1, message: ["appears twice (first on line 2)"])
    }

    @Test("ids are case-sensitive and not trimmed away: A1 and a1 are two customers")
    func idsCaseSensitive() {
        let r = S.read(S.minimalHeader + "\nA1,1,10,2026-10-01\na1,1,10,2026-10-01\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.customers.count == 2)
    }

    @Test("the customer index is shared across files; duplicates are per file")
    func sharedCustomerIndex() throws {
        let first = S.read(S.minimalHeader + "\nA1,1,10,2026-09-01\nB2,1,10,2026-09-02\n", period: SnapshotPeriod(fileName: "2026-09.csv")!, file: "2026-09.csv")
        #expect(first.errors.isEmpty)
        let second = S.read(S.minimalHeader + "\nC3,1,10,2026-10-01\nB2,2,20,2026-10-02\nA1,1,10,2026-09-01\n", customers: first.customers)
        #expect(second.errors.isEmpty, "\(second.errors)")
        let t = try #require(second.table)
        #expect(t.customer == [2, 1, 0])
        #expect(second.customers.count == 3)
        // A duplicate of an id known from an earlier file is still caught on its second line in this file.
        let third = S.read(S.minimalHeader + "\nB2,1,10,2026-10-01\nB2,1,10,2026-10-01\n", customers: second.customers)
        expectSingleError(third.errors, line: 3, column: 1, message: ["customer_id \"B2\" appears twice (first on line 2)"])
    }

    @Test("the table holds nothing once a row is bad, but all rows are checked")
    func allRowsChecked() {
        let text = S.minimalHeader + "\nA1,x,10,2026-10-01\nB2,1,10,2026-10-01\nC3,1,-2,2026-10-01\nD4,1,10,2026-13-01\n"
        let r = S.read(text)
        #expect(r.table == nil)
        #expect(r.errors.total == 3)
        #expect(r.errors.first.map(\.line) == [2, 4, 5])
        #expect(r.errors.first.map(\.column) == [2, 3, 4])
    }

    @Test("several problems in one row are all reported, in column order")
    func severalProblemsInRow() {
        let r = S.read(FullRow.file(["nps": "12", "vip": "perhaps", "points_balance": "-3"]))
        #expect(r.errors.total == 3)
        #expect(r.errors.first.map(\.column) == [FullRow.column("vip"), FullRow.column("nps"), FullRow.column("points_balance")])
    }

    // MARK: - Structural CSV problems

    @Test("an unterminated quote at the end of the file names the line where it opened")
    func unterminatedQuote() {
        let text = S.minimalHeader + "\nA1,1,10,2026-10-01\nB2,1,\"10,2026-10-01\nC3,1,10,2026-10-01\n"
        let r = S.read(text)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 3, column: 3, message: ["quoted field is never closed"], expected: ["a closing quote"])
    }

    @Test("an unterminated quote in the header")
    func unterminatedQuoteInHeader() {
        let r = S.read("customer_id,\"orders,revenue,last_order_date\n")
        expectSingleError(r.errors, line: 1, column: 2, message: ["quoted field is never closed"])
    }

    /// A quote left open mid-file runs on until the next quote, which then looks like a closing
    /// quote followed by text: the error, where it is found, names the line where the field began.
    @Test("a quote left open before another quote names the line where the quoted field began")
    func quoteLeftOpenMidFile() {
        let text = S.minimalHeader + "\nA1,1,10,2026-10-01\nB2,\"1,10,2026-10-01\nC3,1,10,2026-10-01\nD4,\"1\",10,2026-10-01\n"
        let r = S.read(text)
        expectSingleError(r.errors, line: 5, column: 2, message: ["unexpected character after a closing quote (this quoted field began on line 3: a quote left open there?)"])
        // On one line, no such note.
        let same = S.read(S.minimalHeader + "\nB2,\"1\"x,10,2026-10-01\n")
        #expect(same.errors.first.first?.message == "unexpected character after a closing quote")
    }

    @Test("a character after a closing quote is an error")
    func characterAfterClosingQuote() {
        let r = S.read(S.minimalHeader + "\nA1,1,10,2026-10-01\nB2,\"1\"x,10,2026-10-01\n")
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 3, column: 2, message: ["unexpected character after a closing quote"], expected: ["a delimiter or a line end"])
    }

    @Test("a character after a closing quote on the last line of a multi-line field")
    func characterAfterClosingQuoteMultiline() {
        let r = S.read(S.minimalHeader + ",feedback\nA1,1,10,2026-10-01,\"a\nb\" c\n")
        expectSingleError(r.errors, line: 3, column: 5, message: ["unexpected character after a closing quote"])
    }

    @Test("a NUL byte is rejected, quoted or not")
    func nulByte() {
        let unquoted = S.read(bytes: Array((S.minimalHeader + "\nA1,1,10,2026-10-01\nB").utf8) + [0] + Array("2,1,10,2026-10-01\n".utf8))
        #expect(unquoted.table == nil)
        expectSingleError(unquoted.errors, line: 3, column: 1, message: ["NUL byte in field"], expected: ["text without NUL bytes"])

        let quoted = S.read(bytes: Array((S.minimalHeader + ",feedback\nA1,1,10,2026-10-01,\"ab\ncd").utf8) + [0] + Array("\"\n".utf8))
        expectSingleError(quoted.errors, line: 3, column: 5, message: ["NUL byte in field"])

        let header = S.read(bytes: Array("customer_id,ord".utf8) + [0] + Array("ers,revenue,last_order_date\n".utf8))
        expectSingleError(header.errors, line: 1, column: 2, message: ["NUL byte in field"])
    }

    @Test("invalid UTF-8 in customer_id is rejected")
    func invalidUTF8CustomerID() {
        let bytes = Array((S.minimalHeader + "\nA1,1,10,2026-10-01\n").utf8) + [0x41, 0xFF, 0xFE] + Array(",1,10,2026-10-01\n".utf8)
        let r = S.read(bytes: bytes)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 3, column: 1, message: ["customer_id is not valid UTF-8 text"], expected: ["UTF-8 text"])

        // Quoted with escaped quotes takes another path.
        let quoted = Array((S.minimalHeader + "\n\"A\"\"").utf8) + [0xC3] + Array("\",1,10,2026-10-01\n".utf8)
        let q = S.read(bytes: quoted)
        expectSingleError(q.errors, line: 2, column: 1, message: ["customer_id is not valid UTF-8 text"])
    }

    @Test("valid multi-byte UTF-8 ids and text are kept")
    func validUTF8() throws {
        let r = S.read(S.minimalHeader + ",feedback\nÉloïse-日本,1,10,2026-10-01,Très bien 👍\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(r.customers.id(t.customer[0]) == "Éloïse-日本")
        #expect(t.feedback.map(\.text) == ["Très bien 👍"])
    }

    @Test("invalid UTF-8 in feedback or tier is rejected", arguments: ["feedback", "tier"])
    func invalidUTF8Text(_ column: String) {
        let head = Array((FullRow.header + "\n").utf8)
        var row = FullRow.make([column: "@@"])
        row = row.replacingOccurrences(of: "@@", with: "\u{1}")
        var bytes = head + Array(row.utf8) + [0x0A]
        let marker = bytes.firstIndex(of: 0x01)!
        bytes.replaceSubrange(marker...marker, with: [0x62, 0xE9, 0x62])   // "b\xE9b": Latin-1 é
        let r = S.read(bytes: bytes)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 2, column: FullRow.column(column), message: ["\(column) is not valid UTF-8 text"], expected: ["UTF-8 text"])
    }

    // MARK: - Size limits

    @Test("a 10 MB field is read as text")
    func tenMegabyteField() throws {
        let big = String(repeating: "abcdefghij", count: 1_000_000)
        let r = S.read(S.minimalHeader + ",feedback\nA1,1,10,2026-10-01," + big + "\nB2,1,10,2026-10-01,\"" + big + "\"\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.feedback.count == 2)
        #expect(t.feedback.map(\.text.utf8.count) == [10_000_000, 10_000_000])
        #expect(t.feedback.first?.text == big)
    }

    @Test("a 100 000-digit number is rejected, not parsed", arguments: ["orders", "revenue", "nps", "refund_requested", "points_balance"])
    func hugeNumber(_ column: String) {
        let digits = String(repeating: "9", count: 100_000)
        let r = S.read(FullRow.file([column: digits]))
        #expect(r.table == nil)
        expectSingleError(r.errors, line: 2, column: FullRow.column(column), message: ["\(column) \"" + String(repeating: "9", count: 40) + "…\""])
        // The message quotes a prefix, not the whole field.
        #expect((r.errors.first.first?.message.count ?? .max) < 200)
    }

    /// An amount of 13 digits or more is refused for its size, said as such (it was "not a decimal
    /// number"); its place is unchanged, and 12 digits still read.
    @Test("an amount of 10^12 or more is too large, and said so", arguments: ["revenue", "refund_requested", "points_balance"])
    func tooLargeAmount(_ column: String) {
        for value in ["1000000000000", "1000000000000.5", "0001000000000000", "999999999999.99995"] {
            let r = S.read(FullRow.file([column: value]))
            #expect(r.table == nil)
            expectSingleError(r.errors, line: 2, column: FullRow.column(column),
                              message: ["\(column) \"\(value)\" is too large: amounts have at most 12 digits before the decimal point"])
        }
        #expect(S.read(FullRow.file([column: "999999999999.99"])).errors.total == 0)
        // Not a number at all: said as before.
        let wrong = S.read(FullRow.file([column: "1000000000000x"])).errors
        #expect(wrong.first.first?.message.contains("is not a decimal number") == true)
    }

    @Test("a ledger amount of 10^12 or more is too large, and said so")
    func tooLargeLedgerAmount() {
        guard case .failure(let errors) = S.ledger("customer_id,date,amount\nA,2026-01-05,-1000000000000\n") else {
            Issue.record("read")
            return
        }
        expectSingleError(errors, file: "ledger.csv", line: 2, column: 3,
                          message: ["amount \"-1000000000000\" is too large: amounts have at most 12 digits before the decimal point"])
    }

    /// The largest amounts on every row: the revenue total, and the points' total, pass
    /// `Money.maxTotal` after a couple of hundred rows (sums past it would not be exact).
    @Test("a revenue or points total past Money.maxTotal is one error, at the row where it passes", arguments: [(3, "revenue"), (5, "points_balance")])
    func totalPastTheLimit(_ column: Int, _ name: String) throws {
        let largest = "999999999999.9999"
        let passingRow = Int(Money.maxTotal / (Money.maxUnits - 1)) + 1
        var text = S.minimalHeader + ",points_balance\n"
        for k in 0..<(passingRow + 5) {
            text += "C\(100_000 + k),1,\(name == "revenue" ? largest : "1"),2026-10-01,\(name == "points_balance" ? largest : "")\n"
        }
        let r = S.read(text)
        #expect(r.table == nil)
        expectSingleError(r.errors, line: passingRow + 1, column: column,
                          message: ["the \(name) total of the file passes \(Money.maxTotal / Money.scale) currency units"],
                          expected: ["amounts a report can sum exactly"])
        // One row fewer is read, with the total summed exactly.
        let fewer = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(passingRow).joined(separator: "\n") + "\n"
        let t = try #require(S.read(fewer).table)
        let sum = Int64(passingRow - 1) * (Money.maxUnits - 1)
        #expect(t.count == passingRow - 1)
        #expect(name == "revenue" ? t.revenue.reduce(0, +) == sum : t.pointsOutstanding == sum)
    }

    @Test("a huge date-like value is rejected")
    func hugeDate() {
        let r = S.read(FullRow.file(["last_order_date": "2026-10-01" + String(repeating: "0", count: 100_000)]))
        expectSingleError(r.errors, line: 2, column: FullRow.column("last_order_date"), message: ["is not a valid date"])
    }

    @Test("more than 20 errors: the first 20 are kept and all are counted")
    func errorCap() {
        var text = S.minimalHeader + "\n"
        for k in 0..<25 { text += "C\(k),bad,10,2026-10-01\n" }
        let r = S.read(text)
        #expect(r.table == nil)
        #expect(r.errors.first.count == 20)
        #expect(r.errors.total == 25)
        #expect(r.errors.first.map(\.line) == Array(2...21))
        #expect(r.errors.description.hasSuffix("… and 5 more problem(s)"))
        #expect(r.errors.description.split(separator: "\n").count == 21)
    }

    /// A row's checks do not run in column order; the printed problems are in line and column
    /// order within each file, files in reading order.
    @Test("problems are printed in line and column order")
    func errorOrder() {
        let r = S.read("customer_id,first_order_date,last_order_date,orders,revenue\nA,2026-99-01,2026-13-01,1,10\nB,2026-01-01,2026-01-02,x,10\n")
        let lines = r.errors.description.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
        #expect(lines == ["2026-10.csv:2:2:", "2026-10.csv:2:3:", "2026-10.csv:3:4:"])
        var merged = InputErrors([InputError(file: "b.csv", line: 5, column: 3, message: "m", expected: "e"),
                                  InputError(file: "b.csv", line: 5, column: 1, message: "m", expected: "e"),
                                  InputError(file: "a.csv", line: 1, column: 2, message: "m", expected: "e")])
        merged.append(InputError(file: "b.csv", line: 2, column: 9, message: "m", expected: "e"))
        #expect(merged.description.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
                == ["b.csv:2:9:", "b.csv:5:1:", "b.csv:5:3:", "a.csv:1:2:"])
    }

    @Test("InputErrors.append(contentsOf:) keeps the cap and the total")
    func errorMerge() {
        var a = InputErrors((0..<15).map { InputError(file: "a.csv", line: $0, column: 1, message: "m", expected: "e") })
        let b = InputErrors((0..<30).map { InputError(file: "b.csv", line: $0, column: 1, message: "m", expected: "e") })
        #expect(b.first.count == 20 && b.total == 30)
        a.append(contentsOf: b)
        #expect(a.first.count == 20)
        #expect(a.total == 45)
        #expect(a.first.last?.file == "b.csv" && a.first.last?.line == 4)
        #expect(a.isFull)
        #expect(InputError(file: "f.csv", line: 3, column: 4, message: "bad", expected: "good").description == "f.csv:3:4: bad (expected good)")
    }
}
