/// Locale-independent value formatters for chart labels and tables.
public enum ChartFormat {
    /// A number formatter: `fractionDigits` (0...6) decimals, the given separators, minus sign `-`.
    ///
    /// Example: `number(fractionDigits: 1, decimalSeparator: ",", groupingSeparator: "\u{202F}")`
    /// formats `12345.67` as `12 345,7`. Non-finite values become `–`.
    public static func number(
        fractionDigits: Int = 0, decimalSeparator: String = ".", groupingSeparator: String = ""
    ) -> @Sendable (Double) -> String {
        { format($0, fractionDigits: fractionDigits, decimalSeparator: decimalSeparator, groupingSeparator: groupingSeparator) }
    }

    /// A percentage formatter for shares (`0.425` → `42.5%` with one decimal).
    ///
    /// French style: `percent(decimalSeparator: ",", suffix: "\u{202F}%")`.
    public static func percent(
        fractionDigits: Int = 0, decimalSeparator: String = ".", suffix: String = "%"
    ) -> @Sendable (Double) -> String {
        { value in
            guard value.isFinite else { return "–" }
            return format(value * 100, fractionDigits: fractionDigits, decimalSeparator: decimalSeparator, groupingSeparator: "") + suffix
        }
    }

    /// Formats `value` with a fixed number of decimals, without using the process locale.
    static func format(_ value: Double, fractionDigits: Int, decimalSeparator: String, groupingSeparator: String) -> String {
        guard value.isFinite else { return "–" }
        let digits = min(max(fractionDigits, 0), 6)
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = min((abs(value) * Double(scale)).rounded(), 9e15)
        let units = UInt64(scaled)
        let whole = units / scale
        let frac = units % scale
        var wholeText = String(whole)
        if !groupingSeparator.isEmpty && wholeText.count > 3 {
            var grouped = ""
            for (i, ch) in wholeText.enumerated() {
                if i > 0 && (wholeText.count - i) % 3 == 0 { grouped += groupingSeparator }
                grouped.append(ch)
            }
            wholeText = grouped
        }
        // A minus sign (U+2212), as the report's other figures show negatives.
        var text = (value < 0 && units != 0 ? "\u{2212}" : "") + wholeText
        if digits > 0 {
            let fracText = String(frac)
            text += decimalSeparator + String(repeating: "0", count: digits - fracText.count) + fracText
        }
        return text
    }
}
