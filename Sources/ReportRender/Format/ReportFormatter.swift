import Foundation
import ReportModel

/// Locale-aware, deterministic number, money and date formatting (no system locale involved).
///
/// fr: `81,2 %`, `1 234,56 €`, `31 octobre 2026`; en: `81.2%`, `€1,234.56`, `31 October 2026`.
public struct ReportFormatter: Sendable {
    public let locale: ReportLocale
    public let currency: String

    /// Narrow no-break space, the French thousands separator and the space before `%` and `€`.
    static let narrowNoBreakSpace = "\u{202F}"

    public init(locale: ReportLocale, currency: String) {
        self.locale = locale
        self.currency = currency
    }

    /// Shown for a value that cannot be computed.
    public var missing: String { locale == .fr ? "n.d." : "n/a" }

    /// A number with `decimals` decimals and grouped thousands.
    public func number(_ value: Double?, decimals: Int = 0) -> String {
        guard let value, value.isFinite else { return missing }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        // Past 2^53 a double has no fraction left, and past 2^63 no Int64 holds it (a growth over a
        // base of a few cents can reach that): its whole digits are printed as the double holds them.
        guard scaled < 9e15 else {
            let digits = String(format: "%.0f", abs(value).rounded())
            return (negative ? "−" : "") + group(digits) + (decimals > 0 ? (locale == .fr ? "," : ".") + String(repeating: "0", count: decimals) : "")
        }
        let whole = Int64(scaled / scale)
        var text = group(String(whole))
        if decimals > 0 {
            var fraction = Int64(scaled - Double(whole) * scale)
            var digits = ""
            for _ in 0..<decimals { digits = String(fraction % 10) + digits; fraction /= 10 }
            text += (locale == .fr ? "," : ".") + digits
        }
        return (negative ? "−" : "") + text
    }

    /// A whole count with grouped thousands.
    public func integer(_ value: Int) -> String { number(Double(value)) }

    /// Whether a count takes the singular: 1 in English; 0 and 1 in French (« 0 acheteur »,
    /// « 1 réponse »). The views give the counts that templates write before a noun such a flag
    /// (`…_one`, listed in Templates/README.md), so that they write `{{n}} buyer{{^n_one}}s{{/n_one}}`.
    public func isSingular(_ count: Int) -> Bool { locale == .fr ? abs(count) < 2 : count == 1 }

    /// A count and its noun, singular or plural as `isSingular` says (`1 buyer`, `3 buyers`).
    public func counted(_ count: Int, _ en: (one: String, other: String), _ fr: (one: String, other: String)) -> String {
        let noun = locale == .fr ? fr : en
        return integer(count) + " " + (isSingular(count) ? noun.one : noun.other)
    }

    /// A fraction shown as a percentage (`0.812` → `81.2%`).
    public func percent(_ fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        let n = number(fraction * 100, decimals: decimals)
        return locale == .fr ? n + ReportFormatter.narrowNoBreakSpace + "%" : n + "%"
    }

    /// A share in tenths of a percent, rounded as `percent(_:)` prints it with one decimal (0.1996
    /// → 200): changes worked out from these agree with the shares the reader sees.
    public func percentTenths(_ fraction: Double) -> Double {
        let scaled = (abs(fraction * 100) * 10).rounded()
        return fraction < 0 ? -scaled : scaled
    }

    /// A signed percentage point change or growth (`+3.4%`).
    public func signedPercent(_ fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        let p = percent(abs(fraction), decimals: decimals)
        return (fraction < 0 ? "−" : "+") + p
    }

    /// Money in the configured currency.
    public func money(_ amount: Double?, decimals: Int = 2) -> String {
        guard let amount, amount.isFinite else { return missing }
        let n = number(amount, decimals: decimals)
        var symbol = currencySymbol
        if locale == .fr { return n + ReportFormatter.narrowNoBreakSpace + symbol }
        // A code written in letters (CHF, SEK) keeps a no-break space from the figure in English too:
        // `CHF 95,365.67`, not `CHF95,365.67`.
        if symbol.last?.isLetter == true { symbol += "\u{00A0}" }
        if n.hasPrefix("−") { return "−" + symbol + n.dropFirst() }
        return symbol + n
    }

    /// Money from fixed-point units.
    public func money(units: Int64, decimals: Int = 2) -> String { money(Money.value(units), decimals: decimals) }

    var currencySymbol: String {
        switch currency.uppercased() {
        case "EUR": return "€"
        // « $ » alone is any dollar to a French reader: « 183,04 $ US ».
        case "USD": return locale == .fr ? "$\u{00A0}US" : "$"
        case "GBP": return "£"
        case "CHF": return "CHF"
        case "JPY": return "¥"
        default: return currency
        }
    }

    /// A date written out: `31 octobre 2026` / `31 October 2026`; the first of a month is
    /// `1er octobre 2026` in French.
    public func date(_ day: Day) -> String {
        let c = day.civil
        let dayText = locale == .fr && c.day == 1 ? "1er" : "\(c.day)"
        return "\(dayText) \(monthName(c.month)) \(c.year)"
    }

    /// A month: `octobre 2026` / `October 2026`.
    public func month(_ month: Month) -> String { "\(monthName(month.number)) \(month.year)" }

    func monthName(_ m: Int) -> String {
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return (locale == .fr ? fr : en)[m - 1]
    }

    private func group(_ digits: String) -> String {
        let separator = locale == .fr ? ReportFormatter.narrowNoBreakSpace : ","
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }
}
