import Foundation

/// A Beta(a, b) density concentrated far from both ends of [0, 1] (internal), and the mean of a
/// smooth function under it.
///
/// When a fit runs along the a, b → ∞ ridge of the BG/NBD likelihood (the shipped example's first
/// month: a = 3.7e5, b = 6.5e6), the posterior of the dropout probability is a spike a few 1e-4
/// wide. Tanh-sinh on [0, 1/2] then never settled (every one of the example's ~1,800 expectations
/// ran to its last level: 10.5 s for a 186-buyer month) and could miss the spike. Here the
/// integral runs over the window outside which the density is below e^−80 of its peak, and is
/// divided by the integral of the density over the same window, so that the normalising
/// constant log B(a, b) (≈ −1e6 there, where its rounding alone is a 1e-10 relative error) is
/// never needed.
struct BetaPeak {
    /// Drop of the log-density, from the mode, at the window's ends.
    static let drop = 80.0

    let a: Double, b: Double
    /// Mode and the window around it.
    let mode: Double, lower: Double, upper: Double

    /// The window of Beta(a, b), or nil when the density is not log-concave (a or b ≤ 1) or the
    /// window reaches 0 or 1 (then the density's ends need the substitutions of the general path).
    init?(a: Double, b: Double) {
        guard a > 1, b > 1, a.isFinite, b.isFinite else { return nil }
        self.a = a
        self.b = b
        let mode = (a - 1) / (a + b - 2)
        self.mode = mode
        let n = a + b
        let spread = (a * b / (n * n * (n + 1))).squareRoot()
        // The log-density is concave: once it is `drop` below the peak it only falls further.
        func reach(_ direction: Double, limit: Double) -> Double? {
            var delta = spread
            while delta < limit {
                if BetaPeak.logRatio(mode + direction * delta, a: a, b: b, mode: mode) < -BetaPeak.drop { return delta }
                delta *= 2
            }
            return nil
        }
        guard let below = reach(-1, limit: mode), let above = reach(1, limit: 1 - mode) else { return nil }
        lower = mode - below
        upper = mode + above
    }

    /// log f(q) − log f(mode), each term from the offset q − mode to full relative precision.
    @inline(__always)
    static func logRatio(_ q: Double, a: Double, b: Double, mode: Double) -> Double {
        let delta = q - mode
        return (a - 1) * log1p(delta / mode) + (b - 1) * log1p(-delta / (1 - mode))
    }

    /// E[g(P)] for P ~ Beta(a, b), g smooth on the window: ∫ g f / ∫ f over the window, each side
    /// of the mode on its own.
    func mean(of g: (Double) -> Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 1) { result in
            means(count: 1, into: result.baseAddress!) { q, values in values[0] = g(q) }
            return result[0]
        }
    }

    /// E[gⱼ(P)] for `count` functions evaluated together (`g(q, values)` writes the `count` values
    /// at q), over the same nodes: the density is evaluated once per node for all of them.
    func means(count: Int, into result: UnsafeMutablePointer<Double>, _ g: (Double, UnsafeMutablePointer<Double>) -> Void) {
        let width = count + 1
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 5 * width) { buffer in
            let total = buffer.baseAddress!, side = total + width, scratch = total + 2 * width
            total.update(repeating: 0, count: width)
            let (a, b, mode) = (self.a, self.b, self.mode)
            for (lo, hi) in [(lower, mode), (mode, upper)] {
                // Components 0..<count: gⱼ f; the last one: f (the mass).
                LifetimeQuadrature.tanhSinh(from: lo, to: hi, count: width, into: side, scratch: scratch) { q, _, values in
                    let density = exp(BetaPeak.logRatio(q, a: a, b: b, mode: mode))
                    g(q, values)
                    for j in 0..<count { values[j] *= density }
                    values[count] = density
                }
                for j in 0..<width { total[j] += side[j] }
            }
            for j in 0..<count { result[j] = total[j] / total[count] }
        }
    }
}
