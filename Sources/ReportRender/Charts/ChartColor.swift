import Foundation

/// An sRGB colour, written to SVG as `#rrggbb`.
public struct ChartColor: Sendable, Hashable {
    /// Red, green and blue components, 0...255.
    public let red: UInt8, green: UInt8, blue: UInt8

    /// Creates a colour from 0...255 components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rgb` or `#rrggbb` (the `#` is optional); returns nil for anything else.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// `#rrggbb`, lowercase.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for c in [red, green, blue] {
            out.append(digits[Int(c >> 4)])
            out.append(digits[Int(c & 0xF)])
        }
        return out
    }

    /// WCAG relative luminance, 0 (black) ... 1 (white).
    public var relativeLuminance: Double {
        func channel(_ c: UInt8) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG contrast ratio between two colours (1...21).
    public func contrastRatio(with other: ChartColor) -> Double {
        let a = relativeLuminance, b = other.relativeLuminance
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The dark text colour used on charts.
    public static let text = ChartColor(red: 0x1f, green: 0x1f, blue: 0x1f)
    /// White.
    public static let white = ChartColor(red: 0xff, green: 0xff, blue: 0xff)

    /// The outline a filled mark of this colour needs on a white plot, or nil: a fill under 3:1
    /// against white (Okabe–Ito orange is 2.25:1, yellow 1.2:1) gets its own colour at 60 % of its
    /// brightness around it, so that the mark's edge reaches 3:1 (WCAG 1.4.11).
    public var outline: ChartColor? {
        guard contrastRatio(with: .white) < 3 else { return nil }
        func dim(_ c: UInt8) -> UInt8 { UInt8((Double(c) * 0.6).rounded()) }
        return ChartColor(red: dim(red), green: dim(green), blue: dim(blue))
    }

    /// Black or white text, whichever contrasts more with `self` as a background (always ≥ 4.58:1).
    public var contrastingText: ChartColor {
        contrastRatio(with: .black) >= contrastRatio(with: .white) ? .black : .white
    }

    // Okabe–Ito colour-blind-safe palette.
    /// Okabe–Ito orange `#e69f00`.
    public static let orange = ChartColor(red: 0xe6, green: 0x9f, blue: 0x00)
    /// Okabe–Ito sky blue `#56b4e9`.
    public static let skyBlue = ChartColor(red: 0x56, green: 0xb4, blue: 0xe9)
    /// Okabe–Ito bluish green `#009e73`.
    public static let bluishGreen = ChartColor(red: 0x00, green: 0x9e, blue: 0x73)
    /// Okabe–Ito yellow `#f0e442`.
    public static let yellow = ChartColor(red: 0xf0, green: 0xe4, blue: 0x42)
    /// Okabe–Ito blue `#0072b2`.
    public static let blue = ChartColor(red: 0x00, green: 0x72, blue: 0xb2)
    /// Okabe–Ito vermillion `#d55e00`.
    public static let vermillion = ChartColor(red: 0xd5, green: 0x5e, blue: 0x00)
    /// Okabe–Ito reddish purple `#cc79a7`.
    public static let reddishPurple = ChartColor(red: 0xcc, green: 0x79, blue: 0xa7)
    /// Okabe–Ito black.
    public static let black = ChartColor(red: 0x00, green: 0x00, blue: 0x00)
    /// Neutral grey `#767676` (e.g. NPS passives): the lightest grey at 4.5:1 on white (`#999999`
    /// was 2.85:1, under the 3:1 a chart's marks need).
    public static let grey = ChartColor(red: 0x76, green: 0x76, blue: 0x76)

    /// Okabe–Ito order for filled areas (bars, stacks).
    public static let categorical: [ChartColor] = [.blue, .orange, .bluishGreen, .vermillion, .reddishPurple, .skyBlue, .yellow, .black]
    /// Okabe–Ito order for lines on white: the colours with the best contrast come first.
    public static let lines: [ChartColor] = [.blue, .vermillion, .bluishGreen, .reddishPurple, .black, .orange, .skyBlue]
}
