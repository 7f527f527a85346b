import Testing
@testable import ReportModel

/// Amounts written as a spreadsheet shows them get a hint that says how to write them (`MoneyHint`).
@Suite struct MoneyHintTests {
    typealias S = IngestSupport

    static func hint(_ text: String, decimalComma: Bool = false, allowNegative: Bool = true) -> String {
        Array(text.utf8).withUnsafeBytes { MoneyHint.hint(for: $0, decimalComma: decimalComma, allowNegative: allowNegative) }
    }

    static let shown = "; written as it is shown on screen: write it "
    static let currency = "without its currency sign (the currency is set once, in fidelis.yml)"

    @Test("currency signs and codes, before or after the number")
    func currencies() {
        #expect(Self.hint("€10.00") == Self.shown + Self.currency + ", as 10.00")
        #expect(Self.hint("10.00 €") == Self.shown + Self.currency + ", as 10.00")
        #expect(Self.hint("EUR 12.50") == Self.shown + Self.currency + ", as 12.50")
        #expect(Self.hint("12.50 USD") == Self.shown + Self.currency + ", as 12.50")
        #expect(Self.hint("-£3") == Self.shown + Self.currency + ", as -3")
        #expect(Self.hint("12,50\u{00A0}€", decimalComma: true) == Self.shown + Self.currency + ", as 12,50")
        // A non-breaking space alone is no currency.
        #expect(Self.hint("12.50\u{00A0}") == Self.shown + "without the spaces around it, as 12.50")
    }

    @Test("thousands separators, with a point or a decimal comma")
    func thousands() {
        #expect(Self.hint("1,234.50") == Self.shown + "without thousands separators, as 1234.50")
        #expect(Self.hint("1,234,567") == Self.shown + "without thousands separators, as 1234567")
        #expect(Self.hint("1 234,50", decimalComma: true) == Self.shown + "without thousands separators, as 1234,50")
        #expect(Self.hint("1.234,50", decimalComma: true) == Self.shown + "without thousands separators, as 1234,50")
        #expect(Self.hint("1'234.50") == Self.shown + "without thousands separators, as 1234.50")
        #expect(Self.hint("$1,234.50") == Self.shown + Self.currency + " and without thousands separators, as 1234.50")
        // Groups that are not thousands, or two separators: no hint.
        #expect(Self.hint("1,23,450.00") == "")
        #expect(Self.hint("1,234 567.00") == "")
    }

    @Test("a negative amount in parentheses or with its minus sign last, where the column takes negatives")
    func negatives() {
        #expect(Self.hint("(12.50)") == Self.shown + "with its minus sign first, as -12.50")
        #expect(Self.hint("12.50-") == Self.shown + "with its minus sign first, as -12.50")
        #expect(Self.hint("(€1,234.50)") == Self.shown + Self.currency + ", with its minus sign first and without thousands separators, as -1234.50")
        #expect(Self.hint("(12.50)", allowNegative: false) == "")
    }

    @Test("a decimal comma in a file delimited by commas, and the ambiguous 1,234")
    func decimalCommas() {
        let comma = "; a decimal comma: in a file delimited by commas write a point"
        #expect(Self.hint("12,50") == comma + " (12.50), or delimit the file with ; where amounts take decimal commas")
        #expect(Self.hint("1,234") == comma + " (1.234), or delimit the file with ; where amounts take decimal commas; if it separates thousands, write 1234")
        #expect(Self.hint("12,50", decimalComma: true) == "")   // a valid amount there: never asked
    }

    @Test("scientific notation")
    func scientific() {
        let sci = "; written in scientific notation, as a spreadsheet shows large numbers: format the column as a number with its decimals before exporting"
        #expect(Self.hint("1.2E+03") == sci)
        #expect(Self.hint("-4e-2") == sci)
        #expect(Self.hint("3E5") == sci)
        #expect(Self.hint("E5") == "")
        #expect(Self.hint("EUR") == "")
    }

    @Test("values that are nothing of the kind get no hint")
    func noHint() {
        for text in ["abc", "12.5.0", "", "-", "()", "12a", "€", "1.2E", "--5"] { #expect(Self.hint(text) == "", "\(text)") }
    }

    @Test("the readers end their amount errors with the hint", arguments: [false, true])
    func readers(ledger: Bool) {
        if ledger {
            guard case .failure(let e) = S.ledger("customer_id,date,amount\nA,2026-01-05,\"1,234.50\"\n") else { Issue.record("accepted"); return }
            expectSingleError(e, file: "ledger.csv", line: 2, column: 3, message: ["amount \"1,234.50\" is not a decimal number"],
                              expected: [Self.shown + "without thousands separators, as 1234.50"])
        } else {
            let e = S.read("customer_id,last_order_date,orders,revenue,refund_requested\nA,2026-10-05,1,€10.00,(5.00)\n").errors
            #expect(e.total == 2)
            #expect(e.first[0].expected.hasSuffix(Self.shown + Self.currency + ", as 10.00"))
            #expect(e.first[1].message == "refund_requested \"(5.00)\" is not a decimal number >= 0")
            #expect(!e.first[1].expected.contains("minus"))
        }
    }
}
