import Foundation
import Testing
@testable import ReportModel

/// Typed values: Money, FieldParser, Day, Month and SnapshotPeriod.
@Suite("Ingest: values")
struct IngestValueTests {
    typealias S = IngestSupport

    static func money(_ text: String, comma: Bool = false, negative: Bool = false) -> Int64? {
        Array(text.utf8).withUnsafeBytes { Money.parse($0, decimalComma: comma, allowNegative: negative) }
    }

    static func date(_ text: String, _ format: DateFormat = .iso) -> Day? {
        Array(text.utf8).withUnsafeBytes { FieldParser.date($0, format: format) }
    }

    static func boolean(_ text: String) -> Bool? {
        Array(text.utf8).withUnsafeBytes { FieldParser.boolean($0) }
    }

    // MARK: - Money

    struct MoneyCase: Sendable, CustomTestStringConvertible {
        var text: String
        var comma = false
        var negative = false
        var units: Int64?
        var testDescription: String { "\"\(text)\" comma=\(comma) negative=\(negative) → \(units.map(String.init) ?? "nil")" }
    }

    @Test("Money.parse is exact in ten-thousandths", arguments: [
        MoneyCase(text: "12.5", units: 125_000),
        MoneyCase(text: "12.50", units: 125_000),
        MoneyCase(text: "0.10", units: 1_000),
        MoneyCase(text: "0.1", units: 1_000),
        MoneyCase(text: "0.01", units: 100),
        MoneyCase(text: "0.0001", units: 1),
        MoneyCase(text: "0", units: 0),
        MoneyCase(text: "-0", negative: true, units: 0),
        MoneyCase(text: "7", units: 70_000),
        MoneyCase(text: " 7 ", units: 70_000),
        MoneyCase(text: "12.", units: 120_000),
        MoneyCase(text: ".5", units: 5_000),
        MoneyCase(text: "+3.25", units: 32_500),
        MoneyCase(text: "0007.5", units: 75_000),
        MoneyCase(text: "1234.5678", units: 12_345_678),
        // Rounding past four decimals: half up on the fifth.
        MoneyCase(text: "1.23456", units: 12_346),
        MoneyCase(text: "1.23454", units: 12_345),
        MoneyCase(text: "1.23455", units: 12_346),
        MoneyCase(text: "1.234549999", units: 12_345),
        MoneyCase(text: "0.00005", units: 1),
        MoneyCase(text: "0.00004", units: 0),
        MoneyCase(text: "0.99995", units: 10_000),
        MoneyCase(text: "9.99999", units: 100_000),
        MoneyCase(text: "-1.23456", negative: true, units: -12_346),
        // Twelve integer digits at most.
        MoneyCase(text: "999999999999", units: 9_999_999_999_990_000),
        MoneyCase(text: "999999999999.9999", units: 9_999_999_999_999_999),
        MoneyCase(text: "000000000000999999999999", units: 9_999_999_999_990_000),
        MoneyCase(text: "1000000000000", units: nil),
        MoneyCase(text: String(repeating: "1", count: 100_000), units: nil),
        // Decimal comma only when asked.
        MoneyCase(text: "12,50", comma: true, units: 125_000),
        MoneyCase(text: "12.50", comma: true, units: 125_000),
        MoneyCase(text: "12,50", units: nil),
        MoneyCase(text: "1,234.5", comma: true, units: nil),
        MoneyCase(text: "1.234,5", comma: true, units: nil),
        // Negatives only when allowed.
        MoneyCase(text: "-12.5", negative: true, units: -125_000),
        MoneyCase(text: "-12.5", units: nil),
        MoneyCase(text: "-12,5", comma: true, negative: true, units: -125_000),
        // Not numbers.
        MoneyCase(text: "", units: nil),
        MoneyCase(text: "   ", units: nil),
        MoneyCase(text: ".", units: nil),
        MoneyCase(text: "-", negative: true, units: nil),
        MoneyCase(text: "+", units: nil),
        MoneyCase(text: "1.2.3", units: nil),
        MoneyCase(text: "1e3", units: nil),
        MoneyCase(text: "1 000", units: nil),
        MoneyCase(text: "€12", units: nil),
        MoneyCase(text: "12€", units: nil),
        MoneyCase(text: "--1", negative: true, units: nil),
        MoneyCase(text: "0x10", units: nil),
    ])
    func moneyParse(_ c: MoneyCase) {
        #expect(Self.money(c.text, comma: c.comma, negative: c.negative) == c.units)
    }

    @Test("Money.value converts units back to currency")
    func moneyValue() {
        #expect(Money.value(125_000) == 12.5)
        #expect(Money.value(-1) == -0.0001)
        #expect(Money.scale == 10_000)
    }

    @Test("Money sums are independent of order")
    func moneyOrderIndependent() {
        let texts = ["0.1", "0.2", "0.3", "1234.5678", "0.00005", "99.99"]
        let units = texts.map { Self.money($0)! }
        #expect(units.reduce(0, +) == units.reversed().reduce(0, +))
        let expected: Int64 = 1_000 + 2_000 + 3_000 + 12_345_678 + 1 + 999_900
        #expect(units.reduce(0, +) == expected)
    }

    // MARK: - Integers

    @Test("FieldParser.nonNegativeInteger and integer")
    func integers() {
        func nn(_ s: String) -> Int? { Array(s.utf8).withUnsafeBytes { FieldParser.nonNegativeInteger($0) } }
        func int(_ s: String) -> Int? { Array(s.utf8).withUnsafeBytes { FieldParser.integer($0) } }
        #expect(nn("0") == 0)
        #expect(nn(" 42 ") == 42)
        #expect(nn("999999999999999") == 999_999_999_999_999)
        #expect(nn("1000000000000000") == nil)
        #expect(nn(String(repeating: "7", count: 100_000)) == nil)
        #expect(nn("-1") == nil)
        #expect(nn("+1") == nil)
        #expect(nn("1.0") == nil)
        #expect(nn("") == nil)
        #expect(nn("1 2") == nil)
        #expect(int("-12") == -12)
        #expect(int("+12") == 12)
        #expect(int("-") == nil)
        #expect(int("--1") == nil)
        #expect(int("3x") == nil)
    }

    // MARK: - Dates

    @Test("FieldParser.date handles leap years and rejects impossible dates", arguments: [
        ("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("2026-02-28", "2026-02-28"),
        ("2026-02-29", nil), ("1900-02-29", nil), ("2100-02-29", nil), ("2026-02-30", nil),
        ("2026-04-31", nil), ("2026-04-30", "2026-04-30"), ("2026-12-31", "2026-12-31"), ("2026-13-01", nil),
        ("2026-00-10", nil), ("2026-10-00", nil), ("0000-01-01", nil), ("0001-01-01", "0001-01-01"),
        ("9999-12-31", "9999-12-31"), (" 2026-10-05\t", "2026-10-05"), ("2026-1-05", nil), ("26-10-05", nil),
        ("2026/10/05", nil), ("2026-10-05x", nil), ("2026-1a-05", nil), ("+026-10-05", nil), ("", nil),
    ] as [(String, String?)])
    func isoDates(_ text: String, _ expected: String?) {
        let d = Self.date(text)
        #expect(d?.description == expected)
    }

    @Test("day-first and month-first dates", arguments: [
        ("29/02/2024", DateFormat.dayFirst, "2024-02-29"), ("02/29/2024", .monthFirst, "2024-02-29"),
        ("29/02/2026", .dayFirst, nil), ("02/29/2026", .monthFirst, nil), ("12/11/2026", .dayFirst, "2026-11-12"),
        ("12/11/2026", .monthFirst, "2026-12-11"), ("31-12-2026", .dayFirst, nil), ("2026-12-31", .monthFirst, nil),
        ("1/2/2026", .dayFirst, nil), ("01/02/26", .dayFirst, nil), ("13/13/2026", .monthFirst, nil),
    ] as [(String, DateFormat, String?)])
    func otherFormats(_ text: String, _ format: DateFormat, _ expected: String?) {
        #expect(Self.date(text, format)?.description == expected)
    }

    /// Ten-byte ISO dates (the fast path) against a plain reading of the parts.
    @Test func isoDatesMatchAPlainReading() {
        var g = SplitMix(seed: 2026)
        let alphabet = Array("0123456789-- /x:?".utf8)   // `:` and `?` sit just above the digits
        var valid = 0
        for trial in 0..<30_000 {
            var bytes: [UInt8]
            if trial % 2 == 0 {
                // Mostly well-formed: random year, month 0–13, day 0–32.
                let text = String(format: "%04d-%02d-%02d", Int(g.next() % 10_000), Int(g.next() % 14), Int(g.next() % 33))
                bytes = Array(text.utf8)
            } else {
                bytes = (0..<10).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            var expected: Day?
            if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
               parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
               let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
                expected = Day(year: y, month: m, day: d)
            }
            #expect(Self.date(text, .iso) == expected, "\(text)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 5_000)
    }

    /// Ten-byte day-first and month-first dates (the decoder's fast path) against the general parser
    /// and a plain reading of the parts.
    @Test func slashDatesMatchTheGeneralParser() {
        var g = SplitMix(seed: 2027)
        let alphabet = Array("0123456789// -x.?".utf8)   // `.` and `?` sit just around `/` and above the digits
        var valid = 0
        for trial in 0..<30_000 {
            var bytes: [UInt8]
            if trial % 2 == 0 {
                let text = String(format: "%02d/%02d/%04d", Int(g.next() % 33), Int(g.next() % 14), Int(g.next() % 10_000))
                bytes = Array(text.utf8)
            } else {
                bytes = (0..<10).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            for dayFirst in [true, false] {
                var expected: Day?
                if parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
                   parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                   let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]) {
                    expected = dayFirst ? Day(year: y, month: b, day: a) : Day(year: y, month: a, day: b)
                }
                let fast = bytes.withUnsafeBytes { FieldParser.slashDate($0, dayFirst: dayFirst) }
                #expect(fast == expected, "\(text)")
                #expect(Self.date(text, dayFirst ? .dayFirst : .monthFirst) == expected, "\(text)")
                if expected != nil { valid += 1 }
            }
        }
        #expect(valid > 5_000)
    }

    // MARK: - Booleans

    @Test("booleans in any case", arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("1", true), ("yes", true), ("YES", true), ("Yes", true), ("oui", true), ("OUI", true), (" Oui ", true),
        ("false", false), ("FALSE", false), ("0", false), ("no", false), ("No", false), ("non", false), ("NON", false), ("\tnon", false),
        ("FaLsE", false), ("tRuE", true), (" true", true), ("false ", false), (" 1 ", true),
    ])
    func booleans(_ text: String, _ expected: Bool) {
        #expect(Self.boolean(text) == expected)
    }

    @Test("non-booleans are rejected", arguments: ["", "y", "n", "2", "-1", "truee", "falsee", "yes!", "nein", "si", "on", "off", "vrai", "t", "01",
                                                  "fal5e", "f@lse", "tru3", "TRU\u{C9}", "fALSe!", "\u{0}rue"])
    func notBooleans(_ text: String) {
        #expect(Self.boolean(text) == nil)
    }

    // MARK: - Day

    @Test("known ordinals")
    func knownOrdinals() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.ordinal == -1)
        #expect(Day(year: 2000, month: 1, day: 1)?.ordinal == 10_957)
        #expect(Day(year: 2000, month: 3, day: 1)?.ordinal == 11_017)
        #expect(Day(year: 2026, month: 1, day: 1)?.ordinal == 20_454)
        #expect(Day(year: 2026, month: 10, day: 31)?.ordinal == 20_757)
        #expect(Day(year: 1, month: 1, day: 1)?.ordinal == -719_162)
        #expect(Day(ordinal: 20_757).description == "2026-10-31")
        #expect(Day(ordinal: -719_162).description == "0001-01-01")
    }

    @Test("civil ↔ ordinal round trip over 1600-2400, day by day, matching a naive calendar walk")
    func roundTrip() {
        var ordinal = Day(year: 1600, month: 1, day: 1)!.ordinal
        var (y, m, d) = (1600, 1, 1)
        var mismatches = 0
        while y <= 2400 {
            let day = Day(ordinal: ordinal)
            let c = day.civil
            if c.year != y || c.month != m || c.day != d { mismatches += 1 }
            if Day(year: y, month: m, day: d)?.ordinal != ordinal { mismatches += 1 }
            // Next day by a naive walk.
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            d += 1
            if d > length { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
            ordinal += 1
        }
        #expect(mismatches == 0)
        #expect(ordinal - Day(year: 1600, month: 1, day: 1)!.ordinal == 801 * 365 + 195)   // 195 leap years in 1600...2400
    }

    @Test("Day agrees with Foundation's Gregorian calendar on sample dates")
    func agreesWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for (y, m, d) in [(1970, 1, 1), (1999, 12, 31), (2000, 2, 29), (2024, 2, 29), (2026, 10, 31), (2038, 1, 19), (2100, 3, 1)] {
            let date = try #require(calendar.date(from: DateComponents(year: y, month: m, day: d)))
            let days = Int((date.timeIntervalSince1970 / 86_400).rounded())
            #expect(Day(year: y, month: m, day: d)?.ordinal == Int32(days))
        }
    }

    @Test("invalid civil dates give nil")
    func invalidCivil() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 0, day: 1) == nil)
        #expect(Day(year: 2026, month: 1, day: 0) == nil)
        #expect(Day(year: 2026, month: 1, day: 32) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test("days(since:), comparison and month")
    func dayArithmetic() {
        let a = S.day("2026-01-31"), b = S.day("2026-03-01")
        #expect(b.days(since: a) == 29)
        #expect(a.days(since: b) == -29)
        #expect(a < b)
        #expect(a.month.description == "2026-01")
        #expect(b.month == Month(year: 2026, month: 3))
    }

    @Test("Month last and first days, labels")
    func months() {
        #expect(Month(year: 2024, month: 2).lastDay.description == "2024-02-29")
        #expect(Month(year: 2026, month: 2).lastDay.description == "2026-02-28")
        #expect(Month(year: 2026, month: 12).lastDay.description == "2026-12-31")
        #expect(Month(year: 2026, month: 4).firstDay.description == "2026-04-01")
        #expect(Month(year: 2026, month: 9).description == "2026-09")
        #expect(Month(index: Month(year: 2026, month: 12).index + 1) == Month(year: 2027, month: 1))
    }

    // MARK: - SnapshotPeriod

    @Test("period from a file name", arguments: [
        ("2026-10.csv", "2026-10", "2026-10-31"),
        ("2026-02.csv", "2026-02", "2026-02-28"),
        ("2024-02.csv", "2024-02", "2024-02-29"),
        ("2026-12.csv", "2026-12", "2026-12-31"),
        ("2026-10-15.csv", "2026-10-15", "2026-10-15"),
        ("2024-02-29.csv", "2024-02-29", "2024-02-29"),
        ("2026-10-31.csv", "2026-10-31", "2026-10-31"),
        ("2026-10.CSV", "2026-10", "2026-10-31"),
    ])
    func periodFromFileName(_ name: String, _ label: String, _ asOf: String) throws {
        let p = try #require(SnapshotPeriod(fileName: name))
        #expect(p.label == label)
        #expect(p.asOf == S.day(asOf))
        #expect(p.description == label)
    }

    @Test("bad snapshot file names", arguments: [
        "report.csv", "2026-10", "2026-10.txt", "2026-13.csv", "2026-00.csv", "2026-1.csv", "26-10.csv", "2026_10.csv",
        "2026-10-32.csv", "2026-02-29.csv", "2026-10-1.csv", "2026-10-15-x.csv", "0000-10.csv", "2026-10.csv.bak",
        "2026-10 .csv", "x2026-10.csv", "2026-10-15.csv.csv", ".csv", "2026-1é.csv",
    ])
    func badFileNames(_ name: String) {
        #expect(SnapshotPeriod(fileName: name) == nil)
    }

    @Test("period from an as-of date: YYYY-MM at a month end, YYYY-MM-DD otherwise", arguments: [
        ("2026-10-31", "2026-10"), ("2026-10-30", "2026-10-30"), ("2026-02-28", "2026-02"), ("2024-02-28", "2024-02-28"),
        ("2024-02-29", "2024-02"), ("2026-12-31", "2026-12"), ("2026-01-01", "2026-01-01"), ("2026-06-30", "2026-06"),
    ])
    func periodFromAsOf(_ day: String, _ label: String) {
        let p = SnapshotPeriod(asOf: S.day(day))
        #expect(p.label == label)
        #expect(p.asOf == S.day(day))
    }

    @Test("periods order by as-of date")
    func periodOrder() {
        let names = ["2026-10.csv", "2026-09-15.csv", "2026-01.csv", "2025-12-31.csv", "2026-10-01.csv"]
        let sorted = names.compactMap { SnapshotPeriod(fileName: $0) }.sorted().map(\.label)
        #expect(sorted == ["2025-12-31", "2026-01", "2026-09-15", "2026-10-01", "2026-10"])
        #expect(SnapshotPeriod(monthEnd: Month(year: 2026, month: 10)) == SnapshotPeriod(fileName: "2026-10.csv"))
    }
}

/// Regressions found by the libFuzzer targets (Fuzz/run.sh).
@Suite("Ingest: fuzzing regressions") struct FuzzRegressionTests {
    @Test("rounding that carries past 12 integer digits is rejected, like a 13-digit amount")
    func roundingCarryPastTheLimit() {
        func parse(_ s: String) -> Int64? {
            Array(s.utf8).withUnsafeBytes { Money.parse($0, decimalComma: false, allowNegative: true) }
        }
        #expect(parse("999999999999.99995") == nil)
        #expect(parse("-999999999999.99995") == nil)
        #expect(parse("999999999999.99994") == 9_999_999_999_999_999)
        #expect(parse("1000000000000") == nil)
    }
}
