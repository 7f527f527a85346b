import Foundation
import Testing
@testable import ReportModel

/// Mistakes users make when exporting (a timestamp for a date, another date format, a legacy or
/// UTF-16 encoding, a tab-separated file, a header spelt otherwise) are errors as before, located as
/// before, and their messages say what to change.
@Suite struct IngestHintTests {
    typealias S = IngestSupport

    static let header = "customer_id,first_order_date,last_order_date,orders,revenue"

    static func ledgerErrors(_ text: String, dialect: InputDialect = InputDialect()) -> InputErrors {
        switch S.ledger(text, dialect: dialect) {
        case .success: return InputErrors()
        case .failure(let e): return e
        }
    }

    @Test("a delimiter set to the one the file does not use is named, with what to change")
    func forcedWrongDelimiter() {
        let commaForced = S.read("customer_id;first_order_date;last_order_date;orders;revenue\nA;;;0;0\n", dialect: InputDialect(delimiter: UInt8(ascii: ","))).errors
        #expect(commaForced.total == 4)
        #expect(commaForced.first.allSatisfy { $0.line == 1 && $0.column == 0 })
        // Said once, with the file's first missing column.
        #expect(commaForced.first.map { $0.expected.contains("this header is separated by \";\" but the delimiter is set to \",\"") } == [true, false, false, false])
        let semicolonForced = Self.ledgerErrors("customer_id,date,amount\nA,2026-01-05,1\n", dialect: InputDialect(delimiter: UInt8(ascii: ";")))
        #expect(semicolonForced.first.first?.expected.hasSuffix("remove that setting (the delimiter is detected) or set it to \",\"") == true)
    }

    @Test("orders a few days past a month file's end are named as an export taken after the month end, once")
    func lateExport() {
        let errors = S.read(Self.header + "\nA,,2026-11-01,1,10\nB,,2026-11-02,1,10\nC,,2026-12-25,1,5\n").errors
        #expect(errors.total == 3 && errors.first.map(\.line) == [2, 3, 4])
        #expect(errors.first[0].expected == "a date on or before 2026-10-31; an export taken after the month end holds the orders since: "
            + "name the file by the day it was taken (2026-11-01.csv or later), or export it as of 2026-10-31")
        #expect(errors.first.dropFirst().allSatisfy { $0.expected == "a date on or before 2026-10-31" })
        // Weeks past the end: no such hint.
        let far = S.read(Self.header + "\nC,,2026-12-25,1,5\n").errors
        #expect(far.first.first?.expected == "a date on or before 2026-10-31")
    }

    @Test("a header that is not UTF-8 (Windows-1252) says so with the first missing column")
    func headerNotUTF8() throws {
        // "dernière commande" and "montant é" in Windows-1252: è and é are the single bytes E8 and E9.
        let snapshot = S.read(bytes: Array("customer_id;derni".utf8) + [0xE8] + Array("re commande;orders;revenue\nA;;0;0\n".utf8)).errors
        #expect(snapshot.first.count == 1 && snapshot.first[0].line == 1 && snapshot.first[0].column == 0)
        #expect(snapshot.first[0].expected.contains("this header is not UTF-8 text (the file looks saved as Windows-1252 or Latin-1"), "\(snapshot.first[0].expected)")
        guard case .failure(let ledger) = S.ledger(bytes: Array("customer_id,date,montant ".utf8) + [0xE9] + Array("\nA,2026-01-05,1\n".utf8)) else {
            Issue.record("a ledger without an amount column was read")
            return
        }
        #expect(ledger.first.map(\.expected).first?.contains("convert it with iconv -f cp1252 -t utf-8") == true)
        // The same header in UTF-8 gets no such hint.
        let utf8 = S.read("customer_id;dernière commande;orders;revenue\nA;;0;0\n").errors
        #expect(utf8.first.count == 1 && !utf8.first[0].expected.contains("UTF-8"))
    }

    @Test("a snapshot export given as a ledger, and a ledger read as a snapshot, are named as such")
    func otherKindOfInput() {
        let snapshotAsLedger = Self.ledgerErrors(Self.header + "\nA,2026-01-05,2026-01-05,1,10\n")
        #expect(snapshotAsLedger.total == 2)
        #expect(snapshotAsLedger.first.map { $0.expected.hasSuffix("this file has a snapshot's columns (orders, revenue): give its folder with --snapshots, not --transactions") } == [true, false])
        let ledgerAsSnapshot = S.read("customer_id,order_id,date,amount\nA,O1,2026-01-05,10\n").errors
        #expect(ledgerAsSnapshot.first.contains { $0.message == "required column orders is missing" })
        #expect(ledgerAsSnapshot.first.filter { $0.expected.hasSuffix("give it with --transactions FILE, not in a snapshot folder") }.count == 1)
        // A snapshot missing one column keeps the usual message.
        let plain = S.read("customer_id,last_order_date,revenue\nA,2026-01-05,10\n").errors
        #expect(plain.first.allSatisfy { !$0.expected.contains("--transactions") })
    }

    @Test("a timestamp where a date is expected is named as such", arguments: ["2026-01-05 14:33:00", "2026-01-05T14:33:00Z", "2026-01-05 00:00"])
    func timestamp(_ value: String) {
        expectSingleError(Self.ledgerErrors("customer_id,date,amount\nA,\(value),1\n"), file: "ledger.csv", line: 2, column: 2,
                          message: ["date \"\(value)\" is a date and a time"], expected: ["a date YYYY-MM-DD without the time of day"])
        expectSingleError(S.read(Self.header + "\nA,2026-01-05,\(value),2,10\n").errors, line: 2, column: 3,
                          message: ["last_order_date \"\(value)\" is a date and a time"], expected: ["without the time of day"])
    }

    /// A timestamp whose date is itself in another form: the time is named, then what the date lacks.
    @Test("a timestamp with a mistyped date names the time and the date's fix")
    func timestampWithOtherDate() {
        let monthFirst = Self.ledgerErrors("customer_id,date,amount\nA,12/1/2010 8:26,1\n", dialect: InputDialect(dateFormat: .monthFirst)).first.first
        #expect(monthFirst?.expected == "a date MM/DD/YYYY without the time of day; write the month and the day with two digits each, as 12/01/2010")
        let dayFirst = Self.ledgerErrors("customer_id,date,amount\nA,13/01/2010 08:26,1\n").first.first
        #expect(dayFirst?.message == "date \"13/01/2010 08:26\" is a date and a time")
        #expect(dayFirst?.expected == "a date YYYY-MM-DD without the time of day; for dates written like this one, set date_format: dd/mm/yyyy in fidelis.yml")
        let padded = Self.ledgerErrors("customer_id,date,amount\nA,2026-1-5 14:00,1\n").first.first
        #expect(padded?.expected == "a date YYYY-MM-DD without the time of day; write the month and the day with two digits each, as 2026-01-05")
        // Words with a colon are no timestamp.
        #expect(Self.ledgerErrors("customer_id,date,amount\nA,hello world: x,1\n").first.first?.message == "date \"hello world: x\" is not a valid date")
    }

    @Test("a date in another format names the date_format setting that reads it")
    func otherFormat() {
        // Both day-first and month-first read 05/01/2026; only day-first reads 25/01/2026.
        expectSingleError(Self.ledgerErrors("customer_id,date,amount\nA,05/01/2026,1\n"), file: "ledger.csv", line: 2, column: 2,
                          message: ["is not a valid date"],
                          expected: ["a date YYYY-MM-DD; for dates written like this one, set date_format: dd/mm/yyyy or date_format: mm/dd/yyyy in fidelis.yml"])
        let dayFirst = Self.ledgerErrors("customer_id,date,amount\nA,25/01/2026,1\n").first.first
        #expect(dayFirst?.expected.hasSuffix("set date_format: dd/mm/yyyy in fidelis.yml") == true, "\(String(describing: dayFirst))")
        // An ISO date under a day-first setting, in a snapshot.
        expectSingleError(S.read(Self.header + "\nA,05/01/2026,2026-01-31,2,10\n", dialect: InputDialect(dateFormat: .dayFirst)).errors,
                          line: 2, column: 3, message: ["\"2026-01-31\" is not a valid date"],
                          expected: ["a date DD/MM/YYYY; for dates written like this one, set date_format: yyyy-mm-dd in fidelis.yml"])
        // A date no format reads gets no setting named.
        let impossible = Self.ledgerErrors("customer_id,date,amount\nA,2026-02-30,1\n").first.first
        #expect(impossible?.expected == "a date YYYY-MM-DD")
    }

    @Test("a month or a day written with one digit is shown with two, and the setting that reads it")
    func oneDigitParts() {
        expectSingleError(Self.ledgerErrors("customer_id,date,amount\nA,2026-1-5,1\n"), file: "ledger.csv", line: 2, column: 2,
                          message: ["date \"2026-1-5\" is not a valid date"],
                          expected: ["a date YYYY-MM-DD; write the month and the day with two digits each, as 2026-01-05"])
        let slash = Self.ledgerErrors("customer_id,date,amount\nA,5/1/2026,1\n").first.first
        #expect(slash?.expected == "a date YYYY-MM-DD; write the month and the day with two digits each, as 05/01/2026, "
                + "and set date_format: dd/mm/yyyy or date_format: mm/dd/yyyy in fidelis.yml")
        let dayFirst = S.read(Self.header + "\nA,5/1/2026,25/1/2026,2,10\n", dialect: InputDialect(dateFormat: .dayFirst)).errors
        #expect(dayFirst.first.map(\.expected).sorted() == ["a date DD/MM/YYYY; write the month and the day with two digits each, as 05/01/2026",
                                                   "a date DD/MM/YYYY; write the month and the day with two digits each, as 25/01/2026"])
        // Not a date once padded (month 13), a two-digit year, three digits: no such hint.
        for value in ["2026-13-5", "26-1-5", "2026-001-05"] {
            #expect(Self.ledgerErrors("customer_id,date,amount\nA,\(value),1\n").first.first?.expected == "a date YYYY-MM-DD", "\(value)")
        }
    }

    @Test("a word for no value in a column that may be empty says to leave the cell empty", arguments: ["N/A", "NULL", "None", "nan", "-", "#N/A"])
    func noValueWords(_ word: String) {
        let hint = "; \"\(word)\" stands for no value: leave the cell empty"
        let header = Self.header + ",nps,vip,status,refund_requested"
        let e = S.read(header + "\nA,\(word),2026-01-05,1,10,\(word),\(word),\(word),\(word)\n").errors
        #expect(e.total == 5, "\(e)")
        #expect(Set(e.first.map(\.column)) == [2, 6, 7, 8, 9])
        #expect(e.first.allSatisfy { $0.line == 2 && $0.expected.hasSuffix(hint) }, "\(e)")
        expectSingleError(Self.ledgerErrors("customer_id,date,amount,quantity\nA,2026-01-05,1,\(word)\n"), file: "ledger.csv", line: 2, column: 4,
                          expected: ["an integer" + hint])
        // A required column keeps its message: no hint to leave it empty.
        let required = S.read(Self.header + "\nA,,2026-01-05,\(word),10\n").errors
        #expect(required.first.allSatisfy { !$0.expected.contains("stands for no value") }, "\(required)")
    }

    @Test("a required column under another name an export gives it is suggested as a columns: mapping")
    func headerSynonyms() throws {
        // Shopify's customer export.
        let customers = S.read("Customer ID,First Name,Email,Total Spent,Total Orders,Last Order Date\n").errors
        let header = "a header row with customer_id, last_order_date, orders, revenue; "
        #expect(customers.first.map(\.expected) == [
            header + "\"Customer ID\" may be it: map it in fidelis.yml with columns: {\"Customer ID\": customer_id}",
            header + "\"Last Order Date\" may be it: map it in fidelis.yml with columns: {\"Last Order Date\": last_order_date}",
            header + "\"Total Orders\" may be it: map it in fidelis.yml with columns: {\"Total Orders\": orders}",
            header + "\"Total Spent\" may be it: map it in fidelis.yml with columns: {\"Total Spent\": revenue}"
                + " (all 4 at once: columns: {\"Customer ID\": customer_id, \"Last Order Date\": last_order_date, \"Total Orders\": orders, \"Total Spent\": revenue})"])
        // Its order export: the first name that may be it, in header order ("Paid at" before "Created at").
        let orders = Self.ledgerErrors("Name,Email,Financial Status,Paid at,Total,Created at\n#1001,a@b.c,paid,2026-01-05,10,2026-01-05\n")
        #expect(orders.first.map(\.message) == ["required column customer_id is missing", "required column date is missing", "required column amount is missing"])
        #expect(orders.first.map { $0.expected.components(separatedBy: "; ").last ?? "" } == [
            "\"Email\" may be it: map it in fidelis.yml with columns: {\"Email\": customer_id}",
            "\"Paid at\" may be it: map it in fidelis.yml with columns: {\"Paid at\": date}",
            "\"Total\" may be it: map it in fidelis.yml with columns: {\"Total\": amount} (all 3 at once: columns: {\"Email\": customer_id, \"Paid at\": date, \"Total\": amount})"])
        // A French export, accents and apostrophes left out of the comparison.
        let french = Self.ledgerErrors("Numéro client;Date d'achat;Montant TTC\nA;2026-01-05;10\n")
        #expect(french.first.map { $0.expected.components(separatedBy: "; ").last ?? "" } == [
            "\"Numéro client\" may be it: map it in fidelis.yml with columns: {\"Numéro client\": customer_id}",
            "\"Date d'achat\" may be it: map it in fidelis.yml with columns: {\"Date d'achat\": date}",
            "\"Montant TTC\" may be it: map it in fidelis.yml with columns: {\"Montant TTC\": amount} (all 3 at once: columns: {\"Numéro client\": customer_id, \"Date d'achat\": date, \"Montant TTC\": amount})"])
        // A snapshot export in French words; the entry for all of them loads as the mapping it says.
        let snapshot = S.read("Identifiant client;Date dernière commande;Nb commandes;CA total\nA;2026-01-05;1;10\n").errors
        let entry = try #require(snapshot.first.last?.expected.components(separatedBy: "at once: ").last?.dropLast())
        #expect(entry == "columns: {\"Identifiant client\": customer_id, \"Date dernière commande\": last_order_date, \"Nb commandes\": orders, \"CA total\": revenue}")
        #expect(snapshot.first.dropLast().allSatisfy { !$0.expected.contains("at once") })
        let mapped = try ConfigLoader.parse(String(entry) + "\n", file: "fidelis.yml")
        #expect(S.read("Identifiant client;Date dernière commande;Nb commandes;CA total\nA;2026-01-05;1;10\n", dialect: mapped.dialect).errors.total == 0)
        // One column under another name: its own entry only.
        let one = S.read("customer_id,last_order_date,orders,CA\nA,2026-01-05,1,10\n").errors
        #expect(one.first.map(\.expected) == [header + "\"CA\" may be it: map it in fidelis.yml with columns: {\"CA\": revenue}"])
    }

    /// The suggested line loads as it is, whatever the name holds: a quote in it was written
    /// unescaped (`{"Total "Spent"": revenue}`, not YAML).
    @Test("the suggested columns: mapping is valid YAML for a name holding quotes or a backslash")
    func headerSynonymSuggestionLoads() throws {
        for name in ["Total \"Spent\"", "Total\\Spent", "Total Spent"] {
            let field = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let errors = S.read("customer_id,last_order_date,orders,\(field)\nA,2026-01-05,1,10\n").errors
            let expected = try #require(errors.first.first?.expected, "\(name)")
            let line = try #require(expected.components(separatedBy: "map it in fidelis.yml with ").last, "\(expected)")
            let config = try ConfigLoader.parse(line + "\n", file: "fidelis.yml")
            #expect(config.dialect.columnAliases.values.contains("revenue"), "\(line)")
            #expect(S.read("customer_id,last_order_date,orders,\(field)\nA,2026-01-05,1,10\n", dialect: config.dialect).errors.isEmpty, "\(line)")
        }
    }

    @Test("a yes/no written as one letter says to write the word in full", arguments: ["Y", "n", "O", " N"])
    func oneLetterBooleans(_ value: String) {
        expectSingleError(S.read(Self.header + ",vip\nA,,,0,0,\(value)\n").errors, line: 2, column: 6,
                          message: ["vip \"\(value)\" is not a yes/no value"],
                          expected: ["true/false, 1/0, yes/no or oui/non; write the word in full (yes/no, oui/non): single letters are not read"])
    }

    @Test("text that is not UTF-8 suggests a legacy encoding")
    func latin1() {
        var bytes = Array((Self.header + ",feedback\nA,,,0,0,Tr").utf8)
        bytes += [0xE8] + Array("s bien\n".utf8)
        expectSingleError(S.read(bytes: bytes).errors, line: 2, column: 6, message: ["feedback is not valid UTF-8 text"],
                          expected: ["Latin-1 or Windows-1252: export it as CSV UTF-8"])
        var ledger = Array("customer_id,date,amount\nR".utf8)
        ledger += [0xE9] + Array("mi,2026-01-05,1\n".utf8)
        let e = S.ledger(bytes: ledger)
        guard case .failure(let errors) = e else { Issue.record("accepted"); return }
        expectSingleError(errors, file: "ledger.csv", line: 2, column: 1, expected: ["export it as CSV UTF-8"])
    }

    @Test("a spreadsheet's own words for TRUE and FALSE are named", arguments: ["VRAI", "faux", " Wahr", "FALSCH"])
    func spreadsheetBooleans(_ value: String) {
        expectSingleError(S.read(Self.header + ",vip\nA,,,0,0,\(value)\n").errors, line: 2, column: 6,
                          message: ["vip \"\(value)\" is not a yes/no value"],
                          expected: ["true/false, 1/0, yes/no or oui/non; ", "is how a spreadsheet writes TRUE/FALSE when it saves the file again"])
        let other = S.read(Self.header + ",vip\nA,,,0,0,maybe\n").errors.first.first
        #expect(other?.expected == "true/false, 1/0, yes/no or oui/non")
    }

    @Test("a whole number written with decimals (pandas) gets a hint; other values do not")
    func wholeNumbersWithDecimals() {
        let hint = "a whole number written with decimals (as exports from pandas or some spreadsheets write"
        expectSingleError(S.read(Self.header + ",nps\nA,,,0,0,9.0\n").errors, line: 2, column: 6,
                          message: ["nps \"9.0\" is not a whole number"], expected: ["a whole number from 0 to 10; " + hint])
        expectSingleError(S.read(Self.header + "\nA,2026-01-05,2026-01-05,1.00,10\n").errors, line: 2, column: 4,
                          message: ["orders \"1.00\" is not a whole number >= 0"], expected: ["an integer >= 0; " + hint])
        expectSingleError(Self.ledgerErrors("customer_id,date,amount,quantity\nA,2026-01-05,1,2.0\n"), file: "ledger.csv", line: 2, column: 4,
                          expected: ["an integer; " + hint])
        for value in ["9.5", "11", ".0", "9.", "x.0"] {
            let e = S.read(Self.header + ",nps\nA,,,0,0,\(value)\n").errors.first.first
            #expect(e?.expected == "a whole number from 0 to 10", "\(value): \(String(describing: e))")
        }
        #expect(S.read(Self.header + ",nps\nA,,,0,0,11\n").errors.first.first?.message.hasSuffix("is out of range") == true)
    }

    @Test("a UTF-16 file is named as such", arguments: [true, false])
    func utf16(littleEndian: Bool) {
        let text = Self.header + "\nA,2026-01-05,2026-01-05,1,10\n"
        for bom in [true, false] {
            var bytes: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
            for unit in text.utf16 {
                bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            expectSingleError(S.read(bytes: bytes).errors, line: 1, column: 1, message: ["the file is UTF-16 text"],
                              expected: ["UTF-8 text: export it as CSV UTF-8"])
        }
        // A NUL byte in a UTF-8 file is still a NUL byte.
        var nul = Array((text + "B,,,0,0").utf8)
        nul.insert(0, at: nul.count - 1)
        expectSingleError(S.read(bytes: nul + [10]).errors, line: 3, column: 5, message: ["NUL byte in field"])
    }

    @Test("a compressed file or a workbook is named as such, in a snapshot folder and as a ledger", arguments: [
        ([0x1F, 0x8B, 0x08, 0x00], "the file is gzip-compressed", "CSV text: decompress it first"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "the file is a ZIP archive, as an .xlsx workbook is", "save the sheet as CSV UTF-8, or unzip the export"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "the file is an .xls workbook", "CSV text: save the sheet as CSV UTF-8"),
        // UTF-32 was named UTF-16; a doubled byte-order mark went into the first header name.
        ([0xFF, 0xFE, 0x00, 0x00, 0x63, 0x00, 0x00, 0x00], "the file is UTF-32 text", "UTF-8 text: export it as CSV UTF-8"),
        ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x63], "the file is UTF-32 text", "UTF-8 text: export it as CSV UTF-8"),
        ([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], "the file starts with two byte-order marks", "one at most: save the file as CSV UTF-8 again"),
    ] as [([UInt8], String, String)])
    func binaryFiles(_ signature: [UInt8], _ message: String, _ expected: String) {
        let bytes = signature + Array("customer_id,date,amount\nA,2026-01-05,1\n".utf8)
        expectSingleError(S.read(bytes: bytes).errors, line: 1, column: 1, message: [message], expected: [expected])
        guard case .failure(let errors) = S.ledger(bytes: bytes) else { Issue.record("accepted"); return }
        expectSingleError(errors, file: "ledger.csv", line: 1, column: 1, message: [message], expected: [expected])
    }

    @Test("a tab- or bar-separated file says so beside each missing column (the errors and their places stay)")
    func tabs() {
        let tsv = Self.header.replacingOccurrences(of: ",", with: "\t") + "\nA\t2026-01-05\t2026-01-05\t1\t10\n"
        let e = S.read(tsv).errors
        #expect(e.total == 4)
        for (error, column) in zip(e.first, ["customer_id", "last_order_date", "orders", "revenue"]) {
            expectError(error, line: 1, column: 0, message: ["required column \(column) is missing"],
                        expected: ["; this one's columns are separated by tabs: export the file as CSV, with , or ;"])
        }
        let bars = Self.ledgerErrors("customer_id|date|amount\nA|2026-01-05|1\n")
        #expect(bars.total == 3)
        #expect(bars.first.allSatisfy { $0.line == 1 && $0.column == 0 && $0.expected.contains("separated by | characters") })
        // A one-column header without tabs: no such hint.
        let one = S.read("customer_id\nA\n").errors
        #expect(one.total == 3)
        #expect(one.first.allSatisfy { !$0.expected.contains("separated") })
    }

    @Test("a first line sep=; or sep=, is named as a spreadsheet's delimiter note beside each missing column")
    func delimiterNote() {
        let hint = "; the first line, \"sep=\", is a spreadsheet's note of the delimiter, not the header row: delete that line"
        for note in ["sep=;", "sep=,", "SEP=;"] {
            let e = S.read(note + "\n" + Self.header + "\nA,2026-01-05,2026-01-05,1,10\n").errors
            #expect(e.total == 4, "\(note): \(e)")
            #expect(e.first.allSatisfy { $0.line == 1 && $0.column == 0 && $0.expected.hasSuffix(hint) }, "\(note): \(e)")
            let ledger = Self.ledgerErrors(note + "\ncustomer_id,date,amount\nA,2026-01-05,10.00\n")
            #expect(ledger.total == 3 && ledger.first.allSatisfy { $0.expected.hasSuffix(hint) }, "\(note): \(ledger)")
        }
        // A header whose first column is named otherwise: no such hint.
        #expect(S.read("id,last_order_date,orders,revenue\nA,2026-01-05,1,10\n").errors.first.allSatisfy { !$0.expected.contains("sep=") })
    }

    /// Lines that end in a carriage return alone run the header on into the data rows: with the
    /// required columns first, the file read as one without a customer (every one lost), exit 0.
    /// Lines that end in \r\r\n leave a \r on the last name, whose column was dropped as unknown.
    @Test("a file whose lines end in a carriage return alone, or in \\r\\r\\n, is an error at the header")
    func carriageReturnLineEnds() {
        let expected = "lines that end in \\n or \\r\\n: save the file as CSV UTF-8"
        let alone = "the header row runs on past a carriage return: this file's lines end in a carriage return alone (\\r, as \"CSV (Macintosh)\" exports write them)"
        let e = S.read(Self.header.replacingOccurrences(of: "\n", with: "\r") + "\rA,2026-01-05,2026-01-05,1,10\r").errors
        #expect(e.first.contains { $0.line == 1 && $0.message == alone && $0.expected == expected }, "\(e)")
        // The required columns first: nothing else is wrong with the header.
        let full = S.read("customer_id,last_order_date,orders,revenue,nps\rA,2026-01-05,1,10,9\rB,2026-01-05,1,10,9\r").errors
        expectSingleError(full, line: 1, column: 5, message: [alone], expected: [expected])
        let ledger = Self.ledgerErrors("customer_id,date,amount\rA,2026-01-05,10.00\rB,2026-01-06,5.00\r")
        #expect(ledger.first.first.map { $0.line == 1 && $0.column == 3 && $0.message == alone } == true, "\(ledger)")
        let doubled = S.read("customer_id,last_order_date,orders,revenue,nps\r\r\nA,2026-01-05,1,10,9\r\r\n").errors
        #expect(doubled.first.first.map { $0.line == 1 && $0.column == 5 && $0.expected == expected
            && $0.message == "header name \"nps\" ends in a carriage return: this file's lines end in \\r\\r\\n (a line end converted twice)" } == true, "\(doubled)")
        // A known name quoted with a line break at its end is that column (it was dropped as unknown).
        let quoted = S.read("customer_id,last_order_date,orders,\"revenue\r\"\nA,2026-01-05,1,10\n")
        #expect(quoted.errors.total == 0 && quoted.table?.revenue.first == 10 * Money.scale, "\(quoted.errors)")
        // A quoted header name may hold a line break (an unknown column, ignored).
        #expect(S.read("customer_id,last_order_date,orders,revenue,\"note\r\nx\"\r\nA,2026-01-05,1,10,hi\r\n").errors.total == 0)
        // The same rows with \r\n line ends are read.
        #expect(Self.ledgerErrors("customer_id,date,amount\r\nA,2026-01-05,10.00\r\n").total == 0)
    }

    @Test("a header spelt otherwise is suggested as a columns: mapping")
    func headerLookAlike() {
        let e = S.read("Customer ID,Last-Order Date,Orders,Revenue\nA,2026-01-05,1,10\n").errors
        #expect(e.total == 2, "\(e)")
        expectError(e.first[0], line: 1, column: 0, message: ["required column customer_id is missing"],
                    expected: ["\"Customer ID\" may be it: map it in fidelis.yml with columns: {\"Customer ID\": customer_id}"])
        expectError(e.first[1], line: 1, column: 0, message: ["required column last_order_date is missing"],
                    expected: ["columns: {\"Last-Order Date\": last_order_date}"])
        // No header like customer_id: the plain message.
        let plain = S.read("id,last_order_date,orders,revenue\nA,2026-01-05,1,10\n").errors
        expectSingleError(plain, line: 1, column: 0, message: ["required column customer_id is missing"])
        #expect(plain.first.first?.expected == "a header row with customer_id, last_order_date, orders, revenue")
    }

    @Test("the suggested mapping is read as fidelis.yml says")
    func suggestedMappingWorks() throws {
        let config = try ConfigLoader.parse("columns: {\"Customer ID\": customer_id, \"Last-Order Date\": last_order_date}\n", file: "fidelis.yml")
        let read = S.read("Customer ID,Last-Order Date,Orders,Revenue\nA,2026-01-05,1,10\n", dialect: config.dialect)
        #expect(read.errors.isEmpty, "\(read.errors)")
        #expect(read.row("A") == 0)
    }
}
