import Foundation
import Testing
@testable import ReportModel

/// The CSV dialect of input.md, through `SnapshotReader.read(bytes:…)`.
@Suite("Ingest: CSV dialect")
struct IngestCSVDialectTests {
    typealias S = IngestSupport

    @Test("the delimiter count stops at a NUL byte: a binary file is not read to its end first")
    func delimiterCountStopsAtNUL() {
        let binary: [UInt8] = Array("a;b".utf8) + [0] + Array(",,,,\n".utf8)
        binary.withUnsafeBytes { #expect(InputDialect().delimiter(forHeaderOf: $0) == UInt8(ascii: ";")) }
        let text = Array("a;b,,,,\n".utf8)
        text.withUnsafeBytes { #expect(InputDialect().delimiter(forHeaderOf: $0) == UInt8(ascii: ",")) }
    }

    @Test("a plain file gives one row per record with exact values")
    func plainFile() throws {
        let r = S.read("customer_id,orders,revenue,last_order_date\nA1,3,120.50,2026-10-01\nB2,0,0,\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.count == 2)
        #expect(t.customer.map { r.customers.id($0) } == ["A1", "B2"])
        #expect(t.orders == [3, 0])
        #expect(t.revenue == [1_205_000, 0])
        #expect(t.lastOrder == [S.ordinal("2026-10-01"), SnapshotTable.missingDay])
        #expect(t.firstOrder == [SnapshotTable.missingDay, SnapshotTable.missingDay])
        #expect(t.period == S.october)
        #expect(r.outcome.unknownColumns.isEmpty)
    }

    @Test("quotes, doubled quotes and a quoted delimiter")
    func quotes() throws {
        let text = #"""
        customer_id,orders,revenue,last_order_date,feedback,tier
        "A ""big"" one",2,"10.5","2026-10-01","Great, really ""great""","Gold"
        "B,2",1,5,2026-09-30,"",""

        """#
        let r = S.read(text)
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.count == 2)
        #expect(r.customers.id(t.customer[0]) == "A \"big\" one")
        #expect(r.customers.id(t.customer[1]) == "B,2")
        #expect(t.revenue[0] == 105_000)
        #expect(t.feedback.count == 1)
        #expect(t.feedback.first?.row == 0)
        #expect(t.feedback.first?.text == "Great, really \"great\"")
        #expect(t.tier.map(\.text) == ["Gold"])
        #expect(t.lastOrder[1] == S.ordinal("2026-09-30"))
    }

    @Test("quoted line breaks stay in the field and later rows keep their physical line numbers")
    func quotedLineBreaks() throws {
        let text = "customer_id,orders,revenue,last_order_date,feedback\n"
            + "A1,1,10,2026-10-01,\"line one\nline two\nline three\"\n"   // lines 2-4
            + "B2,x,10,2026-10-01,ok\n"                                     // line 5
        let r = S.read(text)
        expectSingleError(r.errors, line: 5, column: 2, message: ["orders \"x\" is not a whole number >= 0"], expected: ["an integer >= 0"])

        let good = S.read(text.replacingOccurrences(of: "B2,x", with: "B2,2"))
        let t = try #require(good.table)
        #expect(t.feedback.map(\.text) == ["line one\nline two\nline three", "ok"])
        #expect(t.feedback.map(\.row) == [0, 1])
        #expect(t.count == 2)
    }

    @Test("a field that starts after a quoted line break is located on its own line")
    func fieldAfterQuotedBreakIsOnItsLine() {
        // The revenue field starts on line 3, after the quoted id spanning lines 2-3.
        let text = "customer_id,revenue,orders,last_order_date\n\"A\n1\",-5,1,2026-10-01\n"
        let r = S.read(text)
        expectSingleError(r.errors, line: 3, column: 2, message: ["revenue \"-5\" is negative, where it must be 0 or more"])
    }

    @Test("\\r\\n line ends, inside and outside quotes")
    func crlf() throws {
        let text = "customer_id,orders,revenue,last_order_date\r\nA1,1,10,2026-10-01\r\n\"B\r\n2\",2,20,2026-10-02\r\nC3,1,30,2026-10-03\r\n"
        let r = S.read(text)
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.count == 3)
        #expect(t.lastOrder == ["2026-10-01", "2026-10-02", "2026-10-03"].map(S.ordinal))
        #expect(r.customers.id(t.customer[1]) == "B\r\n2")

        // Line numbers count \r\n once: C3 is on line 5.
        let bad = S.read(text.replacingOccurrences(of: "C3,1,30", with: "C3,1,abc"))
        expectSingleError(bad.errors, line: 5, column: 3, message: ["revenue \"abc\""])
    }

    @Test("a CRLF file cut after its last \\r: the \\r ends the last record, quoted or not")
    func finalCarriageReturn() throws {
        for last in ["C3,1,30,2026-10-03\r", "C3,1,30,\"2026-10-03\"\r"] {
            let text = "customer_id,orders,revenue,last_order_date\r\nA1,1,10,2026-10-01\r\n" + last
            let r = S.read(text)
            #expect(r.errors.isEmpty, "\(r.errors)")
            let t = try #require(r.table)
            #expect(t.count == 2)
            #expect(t.revenue[1] == 30 * Money.scale)
            #expect(t.lastOrder[1] == S.ordinal("2026-10-03"))
        }
    }

    @Test("a UTF-8 byte-order mark is skipped")
    func byteOrderMark() throws {
        let r = S.read(bytes: [0xEF, 0xBB, 0xBF] + Array("customer_id,orders,revenue,last_order_date\nA1,1,10,2026-10-01\n".utf8))
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.outcome.unknownColumns.isEmpty)
        let t = try #require(r.table)
        #expect(r.customers.id(t.customer[0]) == "A1")

        // Only a BOM: an empty file.
        let empty = S.read(bytes: [0xEF, 0xBB, 0xBF])
        expectSingleError(empty.errors, line: 1, column: 0, message: ["the file is empty"])
    }

    @Test("blank lines are skipped and do not shift later line numbers")
    func blankLines() throws {
        let text = "customer_id,orders,revenue,last_order_date\n\nA1,1,10,2026-10-01\n\r\n\nB2,1,10,2026-10-01\n\n"
        let r = S.read(text)
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.table?.count == 2)
        // B2 sits on physical line 6.
        let bad = S.read(text.replacingOccurrences(of: "B2,1,10", with: "B2,1,-1"))
        expectSingleError(bad.errors, line: 6, column: 3)
    }

    @Test("blank lines before the header")
    func blankLinesBeforeHeader() throws {
        let r = S.read("\n\ncustomer_id,orders,revenue,last_order_date\nA1,1,10,2026-10-01\nB2,x,10,2026-10-01\n")
        expectSingleError(r.errors, line: 5, column: 2)
    }

    @Test("the last record may end with or without a newline", arguments: ["", "\n", "\r\n", "\n\n"])
    func trailingNewline(ending: String) throws {
        let r = S.read("customer_id,orders,revenue,last_order_date\nA1,1,10,2026-10-01\nB2,2,20,2026-10-02" + ending)
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.count == 2)
        #expect(t.lastOrder[1] == S.ordinal("2026-10-02"))
        #expect(t.revenue[1] == S.units(20))
    }

    @Test("a trailing empty field at the very end of the file counts as a field")
    func trailingDelimiterAtEnd() throws {
        let r = S.read("customer_id,orders,revenue,last_order_date,tier\nA1,1,10,2026-10-01,")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.table?.count == 1)
        #expect(r.table?.tier.isEmpty == true)
    }

    @Test("; is detected from the header and then accepts a decimal comma")
    func semicolonDetected() throws {
        let r = S.read("customer_id;orders;revenue;last_order_date;refund_requested\nA1;2;12,50;2026-10-01;0,5\nB2;1;7.25;2026-10-02;\n\"C;3\";1;\"1,0001\";2026-10-03;\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.revenue == [125_000, 72_500, 10_001])
        #expect(t.refunds.map(\.row) == [0] && t.refunds.map(\.amount) == [5_000], "the one refund request above zero")
        #expect(r.customers.id(t.customer[2]) == "C;3")
    }

    @Test("a decimal comma is rejected with the , delimiter")
    func decimalCommaNeedsSemicolon() {
        let r = S.read("customer_id,orders,revenue,last_order_date\nA1,2,\"12,50\",2026-10-01\n")
        expectSingleError(r.errors, line: 2, column: 3, message: ["revenue \"12,50\" is not a decimal number >= 0"], expected: ["12.50"])
    }

    @Test("thousands separators are rejected even with ;")
    func noThousandsSeparator() {
        let r = S.read("customer_id;orders;revenue;last_order_date\nA1;2;1.234,50;2026-10-01\n")
        expectSingleError(r.errors, line: 2, column: 3, message: ["revenue \"1.234,50\""], expected: ["12,50"])
    }

    @Test("a forced delimiter overrides detection")
    func forcedDelimiter() throws {
        // Detection alone picks `,` (five commas, four semicolons).
        let text = "customer_id;orders;revenue;last_order_date;note,a,b,c,d,e\nA1;1;2,5;2026-10-01;x\n"
        let detected = S.read(text)
        #expect(detected.table == nil)
        #expect(detected.errors.total == 4)
        #expect(detected.errors.first.allSatisfy { $0.line == 1 && $0.column == 0 && $0.message.hasPrefix("required column ") })

        let forced = S.read(text, dialect: InputDialect(delimiter: UInt8(ascii: ";")))
        #expect(forced.errors.isEmpty, "\(forced.errors)")
        #expect(forced.outcome.unknownColumns == ["note,a,b,c,d,e"])
        #expect(forced.table?.revenue == [25_000])

        // Forcing `,` on a `;` file leaves one header column: every required column is missing.
        let wrong = S.read("customer_id;orders;revenue;last_order_date\nA1;1;2;2026-10-01\n", dialect: InputDialect(delimiter: UInt8(ascii: ",")))
        #expect(wrong.errors.total == 4)
        #expect(wrong.table == nil)
    }

    @Test("; detection ignores delimiters inside quoted header names")
    func detectionIgnoresQuotedHeader() throws {
        let r = S.read("customer_id;orders;revenue;last_order_date;\"a,b,c,d,e\"\nA1;1;2,5;2026-10-01;x\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.outcome.unknownColumns == ["a,b,c,d,e"])
        #expect(r.table?.revenue == [25_000])
    }

    @Test("; is detected when blank lines precede the header")
    func semicolonAfterBlankLine() {
        let r = S.read("\ncustomer_id;orders;revenue;last_order_date\nA1;1;2,5;2026-10-01\n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.table?.revenue == [25_000])
        
    }

    @Test("header names are case-insensitive and trimmed; order is free; unknown columns are listed")
    func headerMatching() throws {
        let text = " Revenue ,Segment,LAST_ORDER_DATE,\tCustomer_ID\t,\"Orders\",Note\n10,x,2026-10-01,A1,1,hello\n"
        let r = S.read(text)
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.outcome.unknownColumns == ["Segment", "Note"])
        let t = try #require(r.table)
        #expect(r.customers.id(t.customer[0]) == "A1")
        #expect(t.orders == [1])
        #expect(t.revenue == [S.units(10)])
        #expect(t.lastOrder == [S.ordinal("2026-10-01")])
        #expect(t.columns == [.customerID, .orders, .revenue, .lastOrderDate])
    }

    @Test("messages use the header name as written")
    func messagesUseWrittenHeader() {
        let r = S.read("Customer_ID,ORDERS,Revenue,Last_Order_Date\nA1,two,10,2026-10-01\n")
        expectSingleError(r.errors, line: 2, column: 2, message: ["ORDERS \"two\""])
        // Less the spaces around it, by which it was matched.
        let padded = S.read("customer_id, Orders\t,revenue,last_order_date\nA1,two,10,2026-10-01\n")
        expectSingleError(padded.errors, line: 2, column: 2, message: ["Orders \"two\" is not"])
    }

    @Test("config column aliases map other header names")
    func aliases() throws {
        let dialect = InputDialect(columnAliases: ["E-mail": "customer_id", " CA ": "Revenue", "Commandes": "orders", "Dernier achat": "last_order_date"])
        let r = S.read("E-MAIL,commandes,ca,Dernier Achat,Région\nx@y.fr,2,99.90,2026-10-01,Nord\n", dialect: dialect)
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.outcome.unknownColumns == ["Région"])
        let t = try #require(r.table)
        #expect(r.customers.id(t.customer[0]) == "x@y.fr")
        #expect(t.orders == [2])
        #expect(t.revenue == [999_000])

        // A column mapped to `ignore` is read as none, without the unknown-column warning (which
        // failed every --strict run of an export with extra columns); the same in a ledger.
        let ignoring = InputDialect(columnAliases: ["E-mail": "customer_id", "ca": "revenue", "commandes": "orders", "dernier achat": "last_order_date", " Région ": "ignore"])
        let quiet = S.read("E-MAIL,commandes,ca,Dernier Achat,Région\nx@y.fr,2,99.90,2026-10-01,Nord\n", dialect: ignoring)
        #expect(quiet.errors.isEmpty && quiet.outcome.unknownColumns.isEmpty, "\(quiet.errors) \(quiet.outcome.unknownColumns)")
        #expect(try #require(quiet.table).revenue == [999_000])
        let ledgerText = Array("customer_id,phone,date,amount\nC1,0601,2026-10-01,5.00\n".utf8)
        let ledger = try ledgerText.withUnsafeBytes { try LedgerReader(dialect: InputDialect(columnAliases: ["phone": "ignore"])).read(bytes: $0, name: "t.csv") }
        #expect(ledger.unknownColumns.isEmpty && ledger.lineCount == 1)
        // A required column mapped to `ignore` is missing, and the error says why.
        let dropped = S.read("customer_id,orders,Revenue,last_order_date\nA1,1,10,2026-10-01\n", dialect: InputDialect(columnAliases: ["revenue": "ignore"]))
        expectSingleError(dropped.errors, line: 1, column: 0, message: ["required column revenue is missing"],
                          expected: ["the header's \"Revenue\" is mapped to ignore in fidelis.yml (columns:): remove that mapping"])

        // Without aliases, the same header misses every required column.
        let plain = S.read("E-MAIL,commandes,ca,Dernier Achat\nx@y.fr,2,99.90,2026-10-01\n")
        #expect(plain.errors.total == 4)
    }

    @Test("an alias onto a column the file also has is a duplicate column")
    func aliasDuplicate() {
        let r = S.read("customer_id,Email,orders,revenue,last_order_date\nA,B,1,1,2026-10-01\n", dialect: InputDialect(columnAliases: ["email": "customer_id"]))
        expectSingleError(r.errors, line: 1, column: 2, message: ["column customer_id appears twice (first as column 1)"])
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        var format: DateFormat
        var text: String
        var expected: String?
        var testDescription: String { "\(format.rawValue) \(text)" }
    }

    @Test("date formats: no guessing between day-first and month-first", arguments: [
        DateCase(format: .iso, text: "2026-10-31", expected: "2026-10-31"),
        DateCase(format: .iso, text: "31/10/2026", expected: nil),
        DateCase(format: .dayFirst, text: "31/10/2026", expected: "2026-10-31"),
        DateCase(format: .dayFirst, text: "05/10/2026", expected: "2026-10-05"),
        DateCase(format: .dayFirst, text: "10/31/2026", expected: nil),
        DateCase(format: .dayFirst, text: "2026-10-05", expected: nil),
        DateCase(format: .monthFirst, text: "10/31/2026", expected: "2026-10-31"),
        DateCase(format: .monthFirst, text: "05/10/2026", expected: "2026-05-10"),
        DateCase(format: .monthFirst, text: "31/10/2026", expected: nil),
        DateCase(format: .monthFirst, text: "5/10/2026", expected: nil),
    ])
    func dateFormats(_ c: DateCase) throws {
        let r = S.read("customer_id,orders,revenue,last_order_date\nA1,1,10,\(c.text)\n", dialect: InputDialect(dateFormat: c.format))
        if let expected = c.expected {
            #expect(r.errors.isEmpty, "\(r.errors)")
            #expect(r.table?.lastOrder == [S.ordinal(expected)])
        } else {
            expectSingleError(r.errors, line: 2, column: 4, message: ["last_order_date \"\(c.text)\" is not a valid date"], expected: [c.format.example])
        }
    }

    @Test("typed values ignore surrounding spaces")
    func typedValuesTrimmed() throws {
        let r = S.read("customer_id,orders,revenue,last_order_date,nps,vip,status\nA1, 3 , 12.5 , 2026-10-01 ,\t9\t, yes , Active \n")
        #expect(r.errors.isEmpty, "\(r.errors)")
        let t = try #require(r.table)
        #expect(t.orders == [3])
        #expect(t.revenue == [125_000])
        #expect(t.nps == [9])
        #expect(t.vip == [true])
        #expect(t.status == [1])
    }
}
