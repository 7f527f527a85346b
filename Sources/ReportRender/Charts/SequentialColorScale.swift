/// A single-hue sequential colour scale (light → dark blues, ColorBrewer "Blues"), colour-blind safe.
///
/// Every RGB channel is non-increasing along the ramp, so darkness grows monotonically with the value.
public struct SequentialColorScale: Sendable {
    /// The ramp stops, lightest first.
    public static let blues: [ChartColor] = [
        "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
    ].map { ChartColor(hex: $0)! }

    /// The value mapped to the lightest colour.
    public let lower: Double
    /// The value mapped to the darkest colour.
    public let upper: Double
    /// The ramp stops, lightest first.
    public let stops: [ChartColor]

    /// A scale over `domain`; values outside are clamped. A degenerate or non-finite domain becomes `0...1`.
    public init(domain: ClosedRange<Double>, stops: [ChartColor] = SequentialColorScale.blues) {
        let a = domain.lowerBound, b = domain.upperBound
        if a.isFinite && b.isFinite && b > a {
            (lower, upper) = (a, b)
        } else if a.isFinite && a > 0 {
            (lower, upper) = (0, a)
        } else if a.isFinite && a < 0 {
            (lower, upper) = (a, 0)
        } else {
            (lower, upper) = (0, 1)
        }
        self.stops = stops.isEmpty ? SequentialColorScale.blues : stops
    }

    /// Position of `value` on the ramp, 0...1 (NaN → 0).
    public func position(_ value: Double) -> Double {
        guard value.isFinite else { return value == .infinity ? 1 : 0 }
        let t = (value - lower) / (upper - lower)
        return t.isFinite ? min(max(t, 0), 1) : 0
    }

    /// The colour for `value`, interpolated between ramp stops in sRGB.
    public func color(for value: Double) -> ChartColor {
        guard stops.count > 1 else { return stops[0] }
        let scaled = position(value) * Double(stops.count - 1)
        let index = min(Int(scaled), stops.count - 2)
        let f = scaled - Double(index)
        let a = stops[index], b = stops[index + 1]
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8(min(max((Double(x) + (Double(y) - Double(x)) * f).rounded(), 0), 255))
        }
        return ChartColor(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
}
