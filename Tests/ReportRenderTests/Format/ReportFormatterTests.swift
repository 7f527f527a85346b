import Testing
import ReportModel
@testable import ReportRender

/// The report's numbers, worked by hand: grouping, rounding half away from zero, the sign, French
/// spacing, and values too large for an integer (a growth over a base of a few cents).
@Suite struct ReportFormatterTests {
    let en = ReportFormatter(locale: .en, currency: "EUR")
    let fr = ReportFormatter(locale: .fr, currency: "EUR")
    let nnbsp = "\u{202F}"

    @Test func numbersAreGroupedAndRounded() {
        #expect(en.number(1234567.891, decimals: 2) == "1,234,567.89")
        #expect(fr.number(1234567.891, decimals: 2) == "1\(nnbsp)234\(nnbsp)567,89")
        #expect(en.number(999.5) == "1,000")
        #expect(en.number(0.125, decimals: 2) == "0.13")
        #expect(en.number(-2.5) == "−3")
        #expect(en.number(-0.004, decimals: 2) == "0.00")
        #expect(en.number(nil) == "n/a" && fr.number(.nan) == "n.d.")
    }

    @Test func percentsMoneyAndSigns() {
        #expect(en.percent(0.8125) == "81.3%")
        #expect(fr.percent(0.8125) == "81,3\(nnbsp)%")
        #expect(en.signedPercent(-0.034) == "−3.4%")
        #expect(fr.signedPercent(0.5) == "+50,0\(nnbsp)%")
        #expect(en.money(-1234.5) == "−€1,234.50")
        #expect(fr.money(1234.5) == "1\(nnbsp)234,50\(nnbsp)€")
        #expect(en.money(units: 12_345) == "€1.23")   // four decimals of fixed point
        // A currency written as letters keeps a no-break space from the figure in English.
        let chf = ReportFormatter(locale: .en, currency: "CHF"), sek = ReportFormatter(locale: .en, currency: "SEK")
        #expect(chf.money(95_365.67) == "CHF\u{00A0}95,365.67" && chf.money(-5) == "−CHF\u{00A0}5.00")
        #expect(sek.money(5.79) == "SEK\u{00A0}5.79" && ReportFormatter(locale: .en, currency: "USD").money(5) == "$5.00")
        #expect(ReportFormatter(locale: .fr, currency: "CHF").money(5) == "5,00\(nnbsp)CHF")
    }

    /// Counts take the singular for 1 in English, for 0 and 1 in French.
    @Test func countsAgreeWithTheirNouns() {
        #expect(en.counted(1, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "1 buyer")
        #expect(en.counted(0, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "0 buyers")
        #expect(en.counted(1_234, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "1,234 buyers")
        #expect(fr.counted(0, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "0 acheteur")
        #expect(fr.counted(1, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "1 acheteur")
        #expect(fr.counted(2, ("buyer", "buyers"), ("acheteur", "acheteurs")) == "2 acheteurs")
        #expect(en.isSingular(1) && !en.isSingular(0) && !en.isSingular(2))
        #expect(fr.isSingular(1) && fr.isSingular(0) && !fr.isSingular(2))
    }

    /// The first of a month is « 1er » in French; the other days and English are figures.
    @Test func datesWriteTheFirstOfAMonthAsFrenchDoes() {
        #expect(fr.date(Day(year: 2026, month: 10, day: 1)!) == "1er octobre 2026")
        #expect(fr.date(Day(year: 2026, month: 10, day: 2)!) == "2 octobre 2026")
        #expect(en.date(Day(year: 2026, month: 10, day: 1)!) == "1 October 2026")
    }

    /// A French reader is told which dollar.
    @Test func dollarsInFrench() {
        #expect(ReportFormatter(locale: .fr, currency: "USD").money(183.04) == "183,04\(nnbsp)$\u{00A0}US")
        #expect(ReportFormatter(locale: .en, currency: "USD").money(183.04) == "$183.04")
    }

    /// Past what an Int64 holds the whole digits are printed as the double holds them, not trapped.
    @Test func valuesPastAnIntegersRangeArePrinted() {
        #expect(en.number(1e19) == "10,000,000,000,000,000,000")
        #expect(en.number(-1e16, decimals: 1) == "−10,000,000,000,000,000.0")
        #expect(en.signedPercent(1e17) == "+10,000,000,000,000,000,000.0%")
        #expect(fr.money(2e20) == "200\(nnbsp)000\(nnbsp)000\(nnbsp)000\(nnbsp)000\(nnbsp)000\(nnbsp)000,00\(nnbsp)€")
        #expect(en.number(.infinity) == "n/a")
    }
}
