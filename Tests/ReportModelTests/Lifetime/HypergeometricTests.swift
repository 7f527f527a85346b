import Foundation
import Testing
@testable import ReportModel

/// ₂F₁ against closed forms.
@Suite struct HypergeometricTests {
    private func close(_ u: Double, _ v: Double, _ tolerance: Double = 1.0e-12) -> Bool {
        abs(u - v) <= tolerance * max(1, abs(v))
    }

    // MARK: - Closed forms

    @Test(arguments: [-50.0, -3, -0.9, -0.3, 1.0e-6, 0.2, 0.5, 0.85, 0.9, 0.95, 0.99, 0.999, 0.9999999])
    func logarithm(_ z: Double) {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z (c − a − b = 0: the integer case near 1).
        let expected = -log1p(-z) / z
        let value = Hypergeometric.hyp2f1(1, 1, 2, z)
        #expect(close(value, expected, 1.0e-11), "z=\(z): \(value) vs \(expected)")
    }

    @Test(arguments: [(0.3, 2.5), (1.7, 0.4), (-0.6, 1.2), (2.2, 3.3), (0.243, 2.426), (1, 0.4), (2, 1.3), (3, 0.7)], [-4.0, -0.5, 0.3, 0.8, 0.93, 0.995, 0.999999])
    func binomial(_ ab: (Double, Double), _ z: Double) {
        // ₂F₁(a, b; b; z) = (1 − z)^(−a).
        let (a, b) = ab
        let expected = pow(1 - z, -a)
        let value = Hypergeometric.hyp2f1(a, b, b, z)
        #expect(close(value, expected, 1.0e-11), "a=\(a) b=\(b) z=\(z): \(value) vs \(expected)")
    }

    @Test(arguments: [0.1, 0.5, 0.9, 0.97, 0.999])
    func inverseTrigonometric(_ y: Double) {
        // ₂F₁(1/2, 1/2; 3/2; y²) = arcsin(y) / y and ₂F₁(1/2, 1; 3/2; −y²) = arctan(y) / y.
        #expect(close(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, y * y), asin(y) / y, 1.0e-10))
        #expect(close(Hypergeometric.hyp2f1(0.5, 1, 1.5, -y * y), atan(y) / y))
        // And ₂F₁(1/2, 1; 3/2; y²) = artanh(y) / y.
        #expect(close(Hypergeometric.hyp2f1(0.5, 1, 1.5, y * y), atanh(y) / y, 1.0e-10))
    }

    @Test(arguments: [0.3, 0.95, 0.9999999])
    func integerGapNearOne(_ z: Double) {
        // c − a − b = 1: ₂F₁(1, 1; 3; z) = 2((1 − z) ln(1 − z) + z) / z².
        let expected = 2 * ((1 - z) * log1p(-z) + z) / (z * z)
        #expect(close(Hypergeometric.hyp2f1(1, 1, 3, z), expected, 1.0e-11))
    }

    @Test func integerGapReferenceValues() {
        // c − a − b = 1, 0, −2, 3; reference values from mpmath (30 digits, at the exact binary z).
        let cases: [(Double, Double, Double, Double, Double)] = [
            (0.5, 1.5, 3, 0.95, 1.5474761828216258941), (0.5, 1.5, 3, 0.9999999, 1.6976507879310400393),
            (0.3, 0.7, 1, 0.95, 1.7008562689954479655), (0.3, 0.7, 1, 0.9999999, 5.069556172773095673),
            (1.5, 2.5, 2, 0.95, 343.55253595297401979), (1.5, 2.5, 2, 0.9999999, 84882638527099.114214),
            (0.25, 1.75, 5, 0.95, 1.1236255982197794594), (0.25, 1.75, 5, 0.9999999, 1.1352213334291266002),
        ]
        for (a, b, c, z, expected) in cases {
            let value = Hypergeometric.hyp2f1(a, b, c, z)
            #expect(close(value, expected, 1.0e-11), "₂F₁(\(a), \(b); \(c); \(z)) = \(value), expected \(expected)")
        }
    }

    @Test func polynomialsAndSpecialPoints() {
        // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)), for any z.
        for z in [-7.0, -0.4, 0.6, 1.0, 3.0] {
            let (b, c) = (1.3, 2.7)
            let expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1))
            #expect(close(Hypergeometric.hyp2f1(-2, b, c, z), expected))
        }
        // Gauss: ₂F₁(a, b; c; 1) = Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)).
        let gauss = tgamma(4.5) * tgamma(4.5 - 0.7 - 1.3) / (tgamma(4.5 - 0.7) * tgamma(4.5 - 1.3))
        #expect(close(Hypergeometric.hyp2f1(0.7, 1.3, 4.5, 1), gauss))
        #expect(Hypergeometric.hyp2f1(1, 1, 2, 1) == .infinity)
        #expect(Hypergeometric.hyp2f1(0.7, 1.3, 4.5, 0) == 1)
        #expect(Hypergeometric.hyp2f1(0.7, 1.3, -2, 0.5).isNaN)
        #expect(Hypergeometric.hyp2f1(0.7, 1.3, 4.5, 1.5).isNaN)
    }

    @Test func linearTransformationMatchesSeriesNearOne() {
        // Across the 0.9 switch the two methods must agree (generic parameters, non-integer c − a − b).
        for (a, b, c) in [(0.4, 1.3, 2.2), (1.243, 3.426, 2.219), (2.5, -0.3, 1.7), (0.2, 0.6, 3.35)] {
            let below = Hypergeometric.hyp2f1(a, b, c, 0.9)
            let above = Hypergeometric.hyp2f1(a, b, c, 0.9 + 1.0e-12)
            #expect(close(below, above, 1.0e-10), "\(a) \(b) \(c): \(below) vs \(above)")
            // Versus the series summed directly to convergence.
            let z = 0.97
            let direct = Hypergeometric.series(a, b, c, z, maxTerms: 1_000_000)!
            #expect(close(Hypergeometric.hyp2f1(a, b, c, z), direct, 1.0e-10))
        }
    }

    @Test func scaledIncrementMatchesDefinition() {
        // c (F(a, b; c; z) − 1) / b.
        for (a, b, c, z) in [(1.45, -0.207, 2.219, 0.3), (2.2, 0.5, 4.1, 0.8), (-0.7, 1.5, 0.4, 0.6)] {
            let expected = c * (Hypergeometric.hyp2f1(a, b, c, z) - 1) / b
            let value = Hypergeometric.scaledIncrement(a, b, c, z)!
            #expect(close(value, expected, 1.0e-11), "\(value) vs \(expected)")
        }
        // b → 0: c · d/db F at b = 0 = Σ (a)_n (n−1)! / ((c+1)_{n−1} n!) zⁿ; for a = c = 1 it is −ln(1 − z).
        #expect(close(Hypergeometric.scaledIncrement(1, 0, 1, 0.5)!, -log(0.5)))
    }

    @Test func scaledIncrementsAtSeveralZAreTheSingleValues() {
        // Each z converges after its own number of terms; z = 0 and a series that cannot converge
        // in the allowed terms are handled per z.
        let zs = [0.05, 0.3, 0, 0.6, 0.9, 0.97, 0.5]
        for (a, b, c) in [(1.45, -0.207, 2.219), (2.2, 0.5, 4.1), (-0.7, 1.5, 0.4), (0.3, -0.6, 9.5)] {
            let batch = Hypergeometric.scaledIncrements(a, b, c, zs)
            #expect(batch.count == zs.count)
            for (j, z) in zs.enumerated() {
                #expect(batch[j] == Hypergeometric.scaledIncrement(a, b, c, z), "a=\(a) z=\(z)")
            }
        }
        let short = Hypergeometric.scaledIncrements(2.2, 0.5, 4.1, [0.1, 0.97], maxTerms: 40)
        #expect(short[0] == Hypergeometric.scaledIncrement(2.2, 0.5, 4.1, 0.1))
        #expect(short[1] == nil)
    }

    /// Horner's rule over the largest z's terms gives every z's series within rounding of its own
    /// term-by-term sum: parameters of fitted months (large a and b, whose terms first grow by
    /// orders of magnitude), negative a or b, z = 0, and the fallback when the largest z's series
    /// does not converge in the allowed terms.
    @Test func hornerSumsAreTheTermByTermSumsWithinRounding() {
        let zs = [0.05, 0.3, 0, 0.6, 0.9, 0.97, 0.5, 0.58, 0.73, 0.917]
        let parameters: [(Double, Double, Double)] = [
            (1.45, -0.207, 2.219), (2.2, 0.5, 4.1), (-0.7, 1.5, 0.4), (0.3, -0.6, 9.5),
            (234.7, 13.07, 235.0), (66_000_000, 3_720_000, 66_000_010), (0.0, 1.0, 2.0),
        ]
        let workspace = SeriesWorkspace(capacity: zs.count)
        for (a, b, c) in parameters {
            let horner = UnsafeMutablePointer<Double>.allocate(capacity: zs.count)
            defer { horner.deallocate() }
            zs.withUnsafeBufferPointer { z in
                Hypergeometric.scaledIncrementsByHorner(a, b, c, z.baseAddress!, count: zs.count, into: horner, workspace: workspace)
            }
            let termByTerm = Hypergeometric.scaledIncrements(a, b, c, zs)
            for j in zs.indices {
                guard let expected = termByTerm[j] else { #expect(horner[j].isNaN, "a=\(a) z=\(zs[j])"); continue }
                #expect(abs(horner[j] - expected) <= 1.0e-13 * abs(expected), "a=\(a) z=\(zs[j]): \(horner[j]) vs \(expected)")
            }
        }
        // Not converging in 40 terms at z = 0.97: every z is summed term by term instead, as `scaledIncrements` does.
        let short = [0.1, 0.97]
        let out = UnsafeMutablePointer<Double>.allocate(capacity: 2)
        defer { out.deallocate() }
        short.withUnsafeBufferPointer { z in
            Hypergeometric.scaledIncrementsByHorner(2.2, 0.5, 4.1, z.baseAddress!, count: 2, into: out, workspace: workspace, maxTerms: 40)
        }
        #expect(out[0] == Hypergeometric.scaledIncrement(2.2, 0.5, 4.1, 0.1))
        #expect(out[1].isNaN)
    }
}
