import Foundation
import TestSupport

/// The same generator, as the model's other tests name it.
typealias SplitMix = LifetimeTestRNG

/// The tests' deterministic generator (SplitMix64, shared with ReportRenderTests), with the
/// samplers the lifetime tests need.
typealias LifetimeTestRNG = SplitMix64

extension SplitMix64 {
    // MARK: - Uniform

    /// Uniform in the open interval (0, 1).
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    // MARK: - Distributions

    /// Standard normal (Box–Muller, one value per call).
    mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// Exponential with the given rate.
    mutating func exponential(rate: Double) -> Double {
        -log(uniform()) / rate
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1.
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 {
            let boost = pow(uniform(), 1 / shape)
            return gamma(shape: shape + 1, rate: rate) * boost
        }
        let d = shape - 1.0 / 3
        let c = 1 / sqrt(9 * d)
        while true {
            var x: Double, v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return d * v / rate
            }
        }
    }

    /// Beta(a, b) as a ratio of gammas.
    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, rate: 1)
        let y = gamma(shape: b, rate: 1)
        return x / (x + y)
    }
}
