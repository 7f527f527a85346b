import Foundation

/// Special functions and log-space helpers for the lifetime models (internal).
enum LifetimeMath {
    // MARK: - Gamma family

    /// log |Γ(x)| without touching the C library's global `signgam`.
    @inline(__always)
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// (log |Γ(x)|, sign of Γ(x)); the sign is 0 at the poles (x a non-positive integer).
    static func signedLogGamma(_ x: Double) -> (log: Double, sign: Double) {
        if x <= 0, x == x.rounded() { return (.infinity, 0) }
        var sign: Int32 = 0
        let value = lgamma_r(x, &sign)
        return (value, sign < 0 ? -1 : 1)
    }

    /// 1 / Γ(x) as (log |1/Γ(x)|, sign); sign 0 at the poles of Γ, where 1/Γ is 0.
    static func signedLogReciprocalGamma(_ x: Double) -> (log: Double, sign: Double) {
        let g = signedLogGamma(x)
        return g.sign == 0 ? (-.infinity, 0) : (-g.log, g.sign)
    }

    /// log B(a, b).
    @inline(__always)
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// Digamma ψ(x) for x > 0: recurrence up to x >= 8, then the asymptotic series.
    static func digamma(_ x: Double) -> Double {
        guard x.isFinite else { return x == .infinity ? .infinity : .nan }
        guard x > 0 else {
            // Reflection, for completeness: ψ(1 − x) − ψ(x) = π cot(πx).
            if x == x.rounded() { return .nan }
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var value = 0.0
        var y = x
        while y < 8 {
            value -= 1 / y
            y += 1
        }
        let inv = 1 / y
        let inv2 = inv * inv
        // B2k / (2k) coefficients: 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760, 1/12.
        let series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
            - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))))
        return value + log(y) - 0.5 * inv - series
    }

    /// Trigamma ψ′(x) for x > 0: recurrence up to x >= 10, then the asymptotic series
    /// 1/y + 1/(2y²) + Σ B₂ₖ / y^(2k+1) (the curvature of the lifetime likelihoods).
    static func trigamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? 0 : .nan }
        var value = 0.0
        var y = x
        // From 10 on, the first term left out, 3617/(510 y¹⁷), is below 1e-16.
        while y < 10 {
            value += 1 / (y * y)
            y += 1
        }
        let inv = 1 / y
        let inv2 = inv * inv
        // B2k: 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6.
        let series = inv * (1 + inv * (0.5 + inv * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30
            - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * 7.0 / 6))))))))
        return value + series
    }

    // MARK: - Log-space helpers

    /// log(e^u + e^v) without overflow.
    @inline(__always)
    static func logAddExp(_ u: Double, _ v: Double) -> Double {
        if u == -.infinity { return v }
        if v == -.infinity { return u }
        return u > v ? u + log1p(exp(v - u)) : v + log1p(exp(u - v))
    }

    /// 1 / (1 + e^t) without overflow.
    @inline(__always)
    static func logisticOfNegative(_ t: Double) -> Double {
        if t > 0 {
            let e = exp(-t)
            return e / (1 + e)
        }
        return 1 / (1 + exp(t))
    }
}
