import Foundation

/// Tanh-sinh (double-exponential) quadrature on a finite interval (internal).
enum LifetimeQuadrature {
    // MARK: - Tanh-sinh

    /// ∫_lo^hi f(x, hi − x) dx. The integrand receives the distance to `hi` as well, computed
    /// without cancellation, for factors like (1 − p)^(β−1). Levels are refined until two
    /// successive estimates agree to `tolerance` (relative).
    static func tanhSinh(
        from lo: Double, to hi: Double, tolerance: Double = 1.0e-12, maxLevel: Int = 12,
        _ f: (Double, Double) -> Double
    ) -> Double {
        guard hi > lo else { return 0 }
        let half = 0.5 * (hi - lo)
        let tMax = 4.0
        func contribution(_ t: Double) -> Double {
            let u = 0.5 * Double.pi * sinh(t)
            let coshU = cosh(u)
            let weight = half * 0.5 * Double.pi * cosh(t) / (coshU * coshU)
            guard weight > 0, weight.isFinite else { return 0 }
            // Distances to the ends: half (1 ± tanh u) = 2 half / (1 + e^(∓2u)).
            let toLo = 2 * half / (1 + exp(-2 * u))
            let toHi = 2 * half / (1 + exp(2 * u))
            let x = t < 0 ? lo + toLo : hi - toHi
            let value = f(x, toHi)
            return value.isFinite ? weight * value : 0
        }
        var h = 1.0
        var sum = contribution(0)
        var k = 1.0
        while k * h <= tMax {
            sum += contribution(k * h) + contribution(-k * h)
            k += 1
        }
        var estimate = h * sum
        for level in 1...maxLevel {
            h *= 0.5
            var k = 1.0
            while k * h <= tMax {
                sum += contribution(k * h) + contribution(-k * h)
                k += 2
            }
            let next = h * sum
            if level >= 3, abs(next - estimate) <= tolerance * abs(next) { return next }
            estimate = next
        }
        return estimate
    }
}
