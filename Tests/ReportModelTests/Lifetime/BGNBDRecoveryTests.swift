import Foundation
import Testing
@testable import ReportModel

/// BG/NBD fits on data simulated from known parameters, the likelihood's gradient, failures.
@Suite struct BGNBDRecoveryTests {
    // MARK: - Recovery

    /// True parameters, seed, and relative tolerances on (r, α, a, b). The second set has a and b
    /// only loosely identified over 78 weeks (seed-to-seed spread about ±30 %).
    @Test(arguments: [
        (truth: [0.25, 4.0, 0.8, 2.5], seed: UInt64(1), tolerance: [0.05, 0.1, 0.1, 0.15]),
        (truth: [1.2, 20.0, 1.5, 6.0], seed: UInt64(2), tolerance: [0.05, 0.05, 0.25, 0.3]),
    ])
    func recoversSimulatedParameters(_ case: (truth: [Double], seed: UInt64, tolerance: [Double])) throws {
        let t = `case`.truth
        // 10,000 customers acquired evenly over 78 weeks, observed to week 78 (ages rounded to days).
        let histories = LifetimeSimulation.customers(
            count: 10_000, r: t[0], alpha: t[1], a: t[2], b: t[3], seed: `case`.seed
        ) { rng in (78 * 7 * rng.uniform()).rounded() / 7 }
        let fit = try BGNBDModel.fit(histories)
        let fitted = [fit.r, fit.alpha, fit.a, fit.b]
        for i in 0..<4 {
            #expect(abs(fitted[i] / t[i] - 1) < `case`.tolerance[i], "parameter \(i): \(fitted[i]) vs \(t[i])")
        }
        // Mean purchase rate r/α is sharply identified.
        #expect(abs((fit.r / fit.alpha) / (t[0] / t[1]) - 1) < 0.05)
        // The MLE beats the truth, by a chi-square-sized margin.
        let data = BGNBDData(histories)
        let atTruth = data.logLikelihood(r: t[0], alpha: t[1], a: t[2], b: t[3]).value
        #expect(fit.logLikelihood >= atTruth)
        #expect(fit.logLikelihood - atTruth < 10)
    }

    @Test func fitIsIndependentOfInputOrder() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        let forward = try BGNBDModel.fit(histories)
        let backward = try BGNBDModel.fit(histories.reversed())
        #expect(forward == backward)
    }

    // MARK: - Gradient

    @Test func gradientMatchesFiniteDifferences() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        for theta in [[log(0.3), log(5.0), log(0.7), log(2.0)], [log(2.0), log(0.5), log(3.0), log(0.4)]] {
            expectGradientMatchesCentralDifferences(data.objective, at: theta)
        }
    }

    /// The analytic Hessian (the strictness test's curvature) equals central differences of the
    /// analytic gradient, at the CDNOW optimum and away from it; it is symmetric, and the value and
    /// gradient of the order-2 pass are those of the gradient pass, bit for bit.
    @Test func hessianMatchesFiniteDifferencesOfTheGradient() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        for theta in [[log(0.243), log(4.414), log(0.793), log(2.426)], [log(0.3), log(5.0), log(0.7), log(2.0)],
                      [log(2.0), log(0.5), log(3.0), log(0.4)]] {
            HessianCheck.expectMatchesGradientDifferences({ data.objective($0).gradient }, data.objectiveHessian(theta), at: theta)
            let p = theta.map { exp($0) }
            let first = data.derivatives(r: p[0], alpha: p[1], a: p[2], b: p[3], order: 1)
            let second = data.derivatives(r: p[0], alpha: p[1], a: p[2], b: p[3], order: 2)
            #expect(first.value == second.value && first.gradient == second.gradient && first.hessian.isEmpty)
        }
    }

    @Test func trigammaKnownValues() {
        #expect(abs(LifetimeMath.trigamma(1) - Double.pi * Double.pi / 6) < 1.0e-14)
        #expect(abs(LifetimeMath.trigamma(0.5) - Double.pi * Double.pi / 2) < 1.0e-13)
        #expect(abs(LifetimeMath.trigamma(2) - (Double.pi * Double.pi / 6 - 1)) < 1.0e-14)
        #expect(abs(LifetimeMath.trigamma(1.0e-3) - 1_000_001.642_533_195) < 1.0e-6)
        #expect(abs(LifetimeMath.trigamma(1000) - 0.001_000_500_166_666_633) < 1.0e-17)
        #expect(abs(LifetimeMath.trigamma(8) - 0.133_137_014_694_031_4) < 1.0e-15)
        #expect(LifetimeMath.trigamma(0).isNaN && LifetimeMath.trigamma(-1).isNaN)
    }

    @Test func digammaKnownValues() {
        #expect(abs(LifetimeMath.digamma(1) - -0.577_215_664_901_532_9) < 1.0e-14)
        #expect(abs(LifetimeMath.digamma(0.5) - (-0.577_215_664_901_532_9 - 2 * log(2.0))) < 1.0e-14)
        #expect(abs(LifetimeMath.digamma(1.0e-3) - -1000.5755719318103) < 1.0e-9)
        #expect(abs(LifetimeMath.digamma(1000) - 6.907_255_195_648_812) < 1.0e-13)
    }

    // MARK: - Failures

    @Test func tooFewCustomers() {
        let histories = [PurchaseHistory(x: 1, tx: 2, T: 5), PurchaseHistory(x: 0, tx: 0, T: 5)]
        #expect(throws: LifetimeModelError.tooFewCustomers(2)) { try BGNBDModel.fit(histories) }
    }

    @Test func noRepeatPurchasesDoesNotConverge() {
        let histories = (0..<50).map { PurchaseHistory(x: 0, tx: 0, T: Double($0 % 10 + 1)) }
        #expect(throws: LifetimeModelError.self) { try BGNBDModel.fit(histories) }
        do {
            _ = try BGNBDModel.fit(histories)
        } catch let LifetimeModelError.didNotConverge(reason) {
            #expect(!reason.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func smallSamplesInteriorAndBoundary() throws {
        let cdnow = try LifetimeCDNOWFixture.histories()
        // The first 30 CDNOW customers have an interior maximum (checked with SciPy:
        // r 0.293934, α 5.97184, a 0.0478112, b 0.0964509, LL −144.944904).
        let fit = try BGNBDModel.fit(Array(cdnow.prefix(30)))
        for (value, reference) in [(fit.r, 0.293934), (fit.alpha, 5.97184), (fit.a, 0.0478112), (fit.b, 0.0964509)] {
            #expect(abs(value / reference - 1) < 1.0e-4, "\(value) vs \(reference)")
        }
        #expect(abs(fit.logLikelihood - -144.944904) < 1.0e-5)
        // The first 100 peak on the boundary (a, b → 0): not a fit to report.
        #expect(throws: LifetimeModelError.self) { try BGNBDModel.fit(Array(cdnow.prefix(100))) }
        // Four customers: the best point lies on a flat ridge towards a → 0, b → ∞.
        let tiny = [
            PurchaseHistory(x: 1, tx: 2, T: 5), PurchaseHistory(x: 0, tx: 0, T: 5),
            PurchaseHistory(x: 3, tx: 4, T: 5), PurchaseHistory(x: 0, tx: 0, T: 3),
        ]
        #expect(throws: LifetimeModelError.self) { try BGNBDModel.fit(tiny) }
    }

    @Test func everyoneBuyingAtTheSameRhythmIsABoundaryFit() {
        // No heterogeneity and no drop-out: the MLE runs off to the boundary; it must not be reported.
        let histories = (0..<200).map { i in PurchaseHistory(x: 10, tx: 10, T: 10 + Double(i % 3) * 0.1) }
        #expect(throws: LifetimeModelError.self) { try BGNBDModel.fit(histories) }
    }
}
