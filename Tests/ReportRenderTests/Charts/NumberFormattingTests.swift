import Testing
@testable import ReportRender

@Suite struct NumberFormattingTests {
    @Test func coordinatesHaveAtMostOneDecimal() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.25) == "12.3")
        #expect(SVGNumber.format(12.04) == "12")
        #expect(SVGNumber.format(-3.26) == "-3.3")
        #expect(SVGNumber.format(-0.04) == "0")
        #expect(SVGNumber.format(0.05) == "0.1")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(.infinity) == "0")
        #expect(SVGNumber.format(1e300) == "1000000000")
    }

    @Test func numberFormatterIsLocaleIndependent() {
        #expect(ChartFormat.number()(1234.5) == "1235")
        #expect(ChartFormat.number(fractionDigits: 2)(3.14159) == "3.14")
        #expect(ChartFormat.number(fractionDigits: 1, decimalSeparator: ",", groupingSeparator: "\u{202F}")(1234567.25) == "1\u{202F}234\u{202F}567,3")
        #expect(ChartFormat.number(groupingSeparator: ",")(-1234) == "\u{2212}1,234")
        #expect(ChartFormat.number(fractionDigits: 1)(-0.01) == "0.0")
        #expect(ChartFormat.number(fractionDigits: 2)(0.5) == "0.50")
        #expect(ChartFormat.number()(.nan) == "–")
    }

    @Test func percentFormatter() {
        #expect(ChartFormat.percent()(0.425) == "43%")
        #expect(ChartFormat.percent(fractionDigits: 1)(0.425) == "42.5%")
        #expect(ChartFormat.percent(fractionDigits: 1, decimalSeparator: ",", suffix: "\u{202F}%")(0.3) == "30,0\u{202F}%")
        #expect(ChartFormat.percent()(1) == "100%")
        #expect(ChartFormat.percent()(.infinity) == "–")
    }
}
