import Foundation

/// "Nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ) covering a value range.
struct NiceTicks: Equatable {
    /// Tick values, ascending, evenly spaced; the first ≤ the range minimum, the last ≥ its maximum.
    let values: [Double]
    /// Distance between ticks.
    let step: Double

    var lower: Double { values[0] }
    var upper: Double { values[values.count - 1] }

    /// Ticks covering `min...max` with about `targetCount` ticks. Non-finite bounds are ignored;
    /// an empty or zero-width range gets a sensible span around its value.
    init(min rawMin: Double, max rawMax: Double, targetCount: Int = 5) {
        var lo = rawMin.isFinite ? Swift.min(Swift.max(rawMin, -1e12), 1e12) : 0
        var hi = rawMax.isFinite ? Swift.min(Swift.max(rawMax, -1e12), 1e12) : lo
        if lo > hi { swap(&lo, &hi) }
        let magnitude = Swift.max(abs(lo), abs(hi))
        if hi - lo <= magnitude * 1e-9 || hi - lo < 1e-12 {
            if magnitude < 1e-12 {
                lo = 0
                hi = 1
            } else if lo > 0 {
                lo = 0
            } else if hi < 0 {
                hi = 0
            } else {
                lo -= magnitude
                hi += magnitude
            }
        }
        let count = Swift.max(targetCount, 2)
        let step = NiceTicks.niceNumber((hi - lo) / Double(count - 1))
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        let decimals = Swift.min(Swift.max(0, -Int((log10(step)).rounded(.down))), 15)
        let factor = pow(10, Double(decimals))
        var values: [Double] = []
        var k = first
        while k <= last + 0.5 && values.count < 50 {
            let v = (k * step * factor).rounded() / factor
            values.append(v == 0 ? 0 : v)
            k += 1
        }
        if values.count < 2 { values = [lo, hi] }
        self.values = values
        self.step = step
    }

    /// The nearest of 1, 2, 5, 10 × 10ⁿ to `x` (> 0).
    static func niceNumber(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return 1 }
        let exponent = log10(x).rounded(.down)
        let base = pow(10, exponent)
        let fraction = x / base
        let nice: Double
        if fraction < 1.5 { nice = 1 } else if fraction < 3 { nice = 2 } else if fraction < 7 { nice = 5 } else { nice = 10 }
        return nice * base
    }
}
