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
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4) { buffer in
            let result = buffer.baseAddress!
            tanhSinh(from: lo, to: hi, count: 1, tolerance: tolerance, maxLevel: maxLevel, into: result, scratch: result + 1) { x, toHi, values in
                values[0] = f(x, toHi)
            }
            return result[0]
        }
    }

    /// `count` integrals over the same nodes: `f(x, hi − x, values)` writes the `count` integrands
    /// at x, and the integrals go to `result`. Levels are refined until every integral agrees with
    /// its previous estimate to `tolerance` (relative). `scratch` holds 3 × `count` values. For
    /// integrands that share most of their work (the 12 monthly horizons under one posterior), the
    /// nodes' weights and the shared factors are computed once.
    static func tanhSinh(
        from lo: Double, to hi: Double, count: Int, tolerance: Double = 1.0e-12, maxLevel: Int = 12,
        into result: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>,
        _ f: (Double, Double, UnsafeMutablePointer<Double>) -> Void
    ) {
        guard hi > lo else {
            result.update(repeating: 0, count: count)
            return
        }
        let sum = scratch, left = scratch + count, right = scratch + 2 * count
        let half = 0.5 * (hi - lo)
        let tMax = 4.0
        /// The weighted integrands at node t (0 where not finite).
        func contribution(_ t: Double, _ out: UnsafeMutablePointer<Double>) {
            let u = 0.5 * Double.pi * sinh(t)
            let coshU = cosh(u)
            let weight = half * 0.5 * Double.pi * cosh(t) / (coshU * coshU)
            guard weight > 0, weight.isFinite else {
                out.update(repeating: 0, count: count)
                return
            }
            // Distances to the ends: half (1 ± tanh u) = 2 half / (1 + e^(∓2u)).
            let toLo = 2 * half / (1 + exp(-2 * u))
            let toHi = 2 * half / (1 + exp(2 * u))
            let x = t < 0 ? lo + toLo : hi - toHi
            f(x, toHi, out)
            for j in 0..<count { out[j] = out[j].isFinite ? weight * out[j] : 0 }
        }
        /// Adds the nodes ±t.
        func addPair(_ t: Double) {
            contribution(t, left)
            contribution(-t, right)
            for j in 0..<count { sum[j] += left[j] + right[j] }
        }
        var h = 1.0
        contribution(0, sum)
        var k = 1.0
        while k * h <= tMax {
            addPair(k * h)
            k += 1
        }
        for j in 0..<count { result[j] = h * sum[j] }
        for level in 1...maxLevel {
            h *= 0.5
            var k = 1.0
            while k * h <= tMax {
                addPair(k * h)
                k += 2
            }
            var settled = level >= 3
            for j in 0..<count {
                let next = h * sum[j]
                if !(abs(next - result[j]) <= tolerance * abs(next)) { settled = false }
                result[j] = next
            }
            if settled { return }
        }
    }
}
