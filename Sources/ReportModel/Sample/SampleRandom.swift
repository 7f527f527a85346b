import Foundation

/// SplitMix64 pseudo-random stream used by the sample generator.
///
/// Streams are keyed by (seed, a, b, salt) so that any customer/month/order can be
/// drawn independently of the order in which things are generated. No Foundation
/// randomness is used, so the output only depends on the settings.
struct SampleRandom {
    private var state: UInt64

    /// A stream for `seed`, distinguished by two keys and a salt naming its purpose.
    @inline(__always)
    init(seed: UInt64, _ a: UInt64, _ b: UInt64 = 0, salt: UInt64) {
        var x = SampleRandom.mix(seed &+ salt &* 0x9E37_79B9_7F4A_7C15)
        x = SampleRandom.mix(x ^ (a &* 0xD1B5_4A32_D192_ED03))
        x = SampleRandom.mix(x ^ (b &* 0xAEF1_7502_108E_F2D9) ^ 0x5851_F42D_4C95_7F2D)
        state = x
    }

    /// The SplitMix64 finalizer.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SampleRandom.mix(state)
    }

    /// Uniform in [0, 1).
    @inline(__always)
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform integer in 0..<bound (bound > 0).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Standard normal (Box–Muller, one value per call).
    mutating func normal() -> Double {
        let u1 = 1.0 - uniform()            // (0, 1]
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(1.0 - uniform())
    }

    /// Gamma(shape, scale) by Marsaglia–Tsang (with the shape < 1 boost).
    mutating func gamma(shape: Double, scale: Double) -> Double {
        if shape < 1 {
            let u = 1.0 - uniform()
            return gamma(shape: shape + 1, scale: scale) * pow(u, 1.0 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1.0 / (9.0 * d).squareRoot()
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                x = normal()
                v = 1.0 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1.0 - uniform()
            if u < 1.0 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1.0 - v + log(v)) { return d * v * scale }
        }
    }

    /// Beta(a, b) from two gamma draws.
    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, scale: 1)
        let y = gamma(shape: b, scale: 1)
        return x / (x + y)
    }
}
