/// An amount of money in fixed point: ten-thousandths of a currency unit.
///
/// Sums of fixed-point integers are exact, so totals never depend on row order (a requirement:
/// shuffling input rows changes no byte of the output), which `Double` sums cannot promise.
public enum Money {
    /// Units per currency unit.
    public static let scale: Int64 = 10_000
    /// Most integer digits accepted in one amount.
    public static let maxIntegerDigits = 12
    /// One past the largest amount accepted, in units (10^12 currency units).
    static let maxUnits: Int64 = 10_000_000_000_000_000
    /// Largest total of one snapshot (or one customer's ledger lines), in units: a quarter of
    /// Int64.max, so differences and sums of two snapshots' totals stay exact. Inputs past it are
    /// rejected as errors rather than summed wrongly.
    public static let maxTotal: Int64 = Int64.max / 4

    /// The amount as a `Double` in currency units.
    @inline(__always) public static func value(_ units: Int64) -> Double { Double(units) / Double(scale) }

    /// Whether `raw` is a plain decimal number refused only for its size: more than
    /// `maxIntegerDigits` digits before the point (10^12 currency units or more).
    public static func isTooLarge(_ raw: UnsafeRawBufferPointer, decimalComma: Bool) -> Bool {
        var bytes = FieldParser.trimmed(raw)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let point = bytes.firstIndex { $0 == UInt8(ascii: ".") || (decimalComma && $0 == UInt8(ascii: ",")) }
        let integer = bytes[..<(point ?? bytes.endIndex)], fraction = bytes[(point.map { bytes.index(after: $0) } ?? bytes.endIndex)...]
        func digits<C: Collection>(_ c: C) -> Bool where C.Element == UInt8 { c.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard !integer.isEmpty, digits(integer), digits(fraction) else { return false }
        return integer.drop { $0 == 48 }.count >= maxIntegerDigits
            && parse(raw, decimalComma: decimalComma, allowNegative: true) == nil
    }

    /// The words for an amount `parse` refused: its size, when that is all that is wrong, else
    /// "is not a decimal number" (`orMore`: "… >= 0", for a column that must not be negative).
    public static func refusal(_ raw: UnsafeRawBufferPointer, decimalComma: Bool, orMore: Bool = false) -> String {
        isTooLarge(raw, decimalComma: decimalComma)
            ? bilingual("is too large: amounts have at most \(maxIntegerDigits) digits before the decimal point",
                        "est trop grand\u{00A0}: un montant a au plus \(maxIntegerDigits) chiffres avant la virgule")
            : bilingual("is not a decimal number", "n'est pas un nombre décimal") + (orMore ? " >= 0" : "")
    }

    /// Parses `123`, `123.45` (or `123,45` with `decimalComma`), optionally negative, rounding past 4 decimals.
    public static func parse(_ raw: UnsafeRawBufferPointer, decimalComma: Bool, allowNegative: Bool) -> Int64? {
        let bytes = FieldParser.trimmed(raw)
        guard !bytes.isEmpty else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            guard !negative || allowNegative else { return nil }
            i = 1
        }
        var integer: Int64 = 0
        var integerDigits = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var roundUp = false
        var seenPoint = false
        var anyDigit = false
        while i < bytes.count {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                anyDigit = true
                let d = Int64(b - 48)
                if !seenPoint {
                    if integer == 0 && d == 0 { i += 1; continue }
                    integerDigits += 1
                    guard integerDigits <= maxIntegerDigits else { return nil }
                    integer = integer * 10 + d
                } else if fractionDigits < 4 {
                    fraction = fraction * 10 + d
                    fractionDigits += 1
                } else if fractionDigits == 4 {
                    roundUp = d >= 5
                    fractionDigits += 1
                }
            } else if (b == UInt8(ascii: ".") || (decimalComma && b == UInt8(ascii: ","))) && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard anyDigit else { return nil }
        var scaledFraction = fraction
        for _ in 0..<(4 - min(fractionDigits, 4)) { scaledFraction *= 10 }
        var units = integer * scale + scaledFraction + (roundUp ? 1 : 0)
        // Rounding may carry past the digit limit (999999999999.99995): reject, like a 13-digit amount.
        guard units < maxUnits else { return nil }
        if negative { units = -units }
        return units
    }
}
