import Foundation
import Testing
@testable import ReportModel

/// P(alive) and conditional expected purchases against values derived independently.
@Suite struct BGNBDPredictionTests {
    // MARK: - Hand-worked values

    /// Covers both evaluation paths: the series (z <= 0.98) and quadrature (z up to 0.99997).
    @Test func noRepeatCustomerIsAliveAndMatchesClosedForm() {
        // x = 0, r = 1, b = 1, a = 2: λ ~ Exp(α+T), p ~ Beta(2, 1) with density 2p, and
        // E = ∫ 2p · t / (K + p t) dp = 2 − 2 (K/t) ln(1 + t/K), K = α + T.
        let p = BGNBDParameters(r: 1, alpha: 3, a: 2, b: 1)
        for (T, t) in [(10.0, 5.0), (0.0, 1.0), (50.0, 52.0), (2.0, 400.0), (0.0, 1.0e5)] {
            let h = PurchaseHistory(x: 0, tx: 0, T: T)
            #expect(BGNBDModel.probabilityAlive(p, h) == 1)
            let k = 3 + T
            let expected = 2 - 2 * (k / t) * log(1 + t / k)
            let e = BGNBDModel.expectedPurchases(p, h, horizon: t)
            #expect(abs(e - expected) < 1.0e-10 * max(1, expected), "T=\(T) t=\(t): \(e) vs \(expected)")
        }
    }

    /// 0.98 < z <= 0.998: the long series, against FHL 2005 eq. 10 evaluated by mpmath at 40 digits
    /// (`mp.hyp2f1`). The first case is a random ledger's month (a near 0), where the quadrature
    /// that answered before was 2.5e-6 off.
    @Test func longSeriesMatchesMpmathBeyondTheShortSeries() {
        let cases: [(BGNBDParameters, x: Double, T: Double, t: Double, expected: Double)] = [
            (BGNBDParameters(r: 0.6808663091075733, alpha: 0.745294764924289, a: 0.0056698166413666476, b: 0.013361611133519058),
             0, 2.0 / 7, 12 * 365.25 / 12 / 7, 23.981176572134816),
            (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 2, 1.5, 300, 19.576915488978555),
            (BGNBDParameters(r: 0.243, alpha: 0.3, a: 0.05, b: 0.2), 0, 0, 60, 31.588057539633246),
            (BGNBDParameters(r: 1.7, alpha: 0.9, a: 3.5, b: 12), 4, 0.5, 200, 7.3989608915632511),
            (BGNBDParameters(r: 0.5, alpha: 0.05, a: 0.01, b: 0.02), 1, 0.1, 40, 377.37864795814054),
        ]
        for (p, x, T, t, expected) in cases {
            let z = t / (p.alpha + T + t)
            #expect(z > BGNBDModel.seriesLimit && z <= BGNBDModel.longSeriesLimit)
            #expect(BGNBDModel.expectedPurchasesIfAliveSeries(p, x: x, T: T, horizon: t) == nil)
            let value = BGNBDModel.expectedPurchasesIfAlive(p, x: x, T: T, horizon: t)
            #expect(abs(value - expected) < 1.0e-12 * expected, "\(p) x=\(x) T=\(T) t=\(t): \(value) vs \(expected)")
        }
    }

    @Test func aEqualToOneMatchesSimpsonIntegral() {
        // a = 1 makes the published closed form 0/0; the implementation must stay regular.
        for (params, h, t) in [
            (BGNBDParameters(r: 1, alpha: 2, a: 1, b: 1), PurchaseHistory(x: 1, tx: 3, T: 8), 10.0),
            (BGNBDParameters(r: 0.5, alpha: 4, a: 1, b: 3), PurchaseHistory(x: 0, tx: 0, T: 20), 52.0),
            (BGNBDParameters(r: 0.7, alpha: 1.5, a: 2.5, b: 1.5), PurchaseHistory(x: 4, tx: 30, T: 40), 26.0),
            (BGNBDParameters(r: 2, alpha: 10, a: 1.0000001, b: 2), PurchaseHistory(x: 3, tx: 12, T: 13), 4.0),
        ] {
            let expected = Self.handExpectation(params, h, horizon: t)
            let e = BGNBDModel.expectedPurchases(params, h, horizon: t)
            #expect(abs(e - expected) < 1.0e-8 * max(1, expected), "\(params) \(h): \(e) vs \(expected)")
        }
    }

    @Test func probabilityAliveByHand() {
        let p = BGNBDParameters(r: 0.5, alpha: 2, a: 1.5, b: 3)
        // x = 1, tx = T: ((α+T)/(α+tx))^(r+x) = 1, odds = a / b.
        #expect(abs(BGNBDModel.probabilityAlive(p, PurchaseHistory(x: 1, tx: 10, T: 10)) - 1 / (1 + 1.5 / 3)) < 1.0e-14)
        // x = 3, tx = 2, T = 6: odds = 1.5 / 5 · (8/4)^3.5.
        let odds = 1.5 / 5 * pow(2, 3.5)
        #expect(abs(BGNBDModel.probabilityAlive(p, PurchaseHistory(x: 3, tx: 2, T: 6)) - 1 / (1 + odds)) < 1.0e-14)
    }

    // MARK: - Internal consistency

    @Test func matchesPublishedFormulaWithHyp2f1() {
        // FHL 2005 eq. 10 literally, with the public ₂F₁, away from a = 1 where it is 0/0.
        var rng = LifetimeTestRNG(seed: 77)
        for _ in 0..<200 {
            let p = BGNBDParameters(
                r: 0.1 + 3 * rng.uniform(), alpha: 0.5 + 40 * rng.uniform(),
                a: [0.3, 0.8, 1.6, 4][Int(rng.uniform() * 4)], b: 0.5 + 8 * rng.uniform())
            let x = Double(Int(rng.uniform() * 30))
            let T = 100 * rng.uniform()
            let h = PurchaseHistory(x: x, tx: x == 0 ? 0 : T * rng.uniform(), T: T)
            let t = 1 + 200 * rng.uniform()
            let z = t / (p.alpha + T + t)
            let hyp = Hypergeometric.hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z)
            let bracket = 1 - pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * hyp
            let literal = (p.a + p.b + x - 1) / (p.a - 1) * bracket * BGNBDModel.probabilityAlive(p, h)
            let e = BGNBDModel.expectedPurchases(p, h, horizon: t)
            #expect(abs(e - literal) < 1.0e-8 * max(1, literal), "\(p) \(h) t=\(t): \(e) vs \(literal)")
        }
    }

    @Test func seriesAndQuadratureAgree() {
        let cases: [(BGNBDParameters, Double, Double, Double)] = [
            (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 0, 38.86, 39),
            (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 2, 38.86, 300),
            (BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), 0, 0.5, 100),
            (BGNBDParameters(r: 1.3, alpha: 20, a: 0.2, b: 0.3), 0, 5, 300),
            (BGNBDParameters(r: 1.3, alpha: 20, a: 0.2, b: 0.3), 7, 200, 365),
            (BGNBDParameters(r: 0.05, alpha: 0.5, a: 4, b: 0.4), 1, 2, 20),
            (BGNBDParameters(r: 3, alpha: 30, a: 1, b: 10), 250, 2000, 365),
        ]
        for (p, x, T, t) in cases {
            let z = t / (p.alpha + T + t)
            guard let series = BGNBDModel.expectedPurchasesIfAliveSeries(p, x: x, T: T, horizon: t) else {
                Issue.record("series did not converge at z = \(z)")
                continue
            }
            let quadrature = BGNBDModel.expectedPurchasesIfAliveQuadrature(p, x: x, T: T, horizon: t)
            #expect(abs(series - quadrature) < 1.0e-9 * max(1, series), "z=\(z): \(series) vs \(quadrature)")
        }
    }

    /// Posteriors of the dropout probability from a spike (a fit on the a, b → ∞ ridge: the shipped
    /// example's first month) to ordinary ones, against ∫ h(p) Beta(p; a, b+x) dp worked out with
    /// mpmath at 40 digits (split around the mode). Tanh-sinh over [0, 1/2] missed the spike of the
    /// first case (its predicted CLVs were off by up to 18x) and ran every level doing so.
    @Test func quadratureFindsAConcentratedPosterior() {
        let month = 365.25 / 12 / 7
        let cases: [(BGNBDParameters, x: Double, T: Double, t: Double, expected: Double)] = [
            (BGNBDParameters(r: 0.11689211592796472, alpha: 1.5125910150408568, a: 373816.0105419652, b: 6548572.614665959), 0, 67.0 / 7, 12 * month, 0.48387128912916753933),
            (BGNBDParameters(r: 0.5, alpha: 3, a: 50, b: 500), 3, 20, 52, 5.301944881277931834),
            (BGNBDParameters(r: 0.5, alpha: 3, a: 2000, b: 30000), 3, 20, 52, 5.9260085981569587795),
            (BGNBDParameters(r: 0.24, alpha: 4.4, a: 0.79, b: 2.4), 2, 30, 39, 2.0422665195814927414),
            (BGNBDParameters(r: 0.24, alpha: 4.4, a: 5, b: 2.4), 2, 30, 500, 2.0682212602939209451),
        ]
        for (p, x, T, t, expected) in cases {
            let quadrature = BGNBDModel.expectedPurchasesIfAliveQuadrature(p, x: x, T: T, horizon: t)
            #expect(abs(quadrature - expected) < 1.0e-10 * expected, "\(p) x=\(x): \(quadrature) vs \(expected)")
            // The batch path (series where it converges, quadrature otherwise) gives the same value.
            let batch = BGNBDModel.expectedPurchasesIfAlive(p, x: x, T: T, horizon: t)
            #expect(abs(batch - expected) < 1.0e-10 * expected, "\(p) x=\(x): \(batch) vs \(expected)")
        }
    }

    /// The 12 monthly horizons under a spiked posterior, integrated together over shared nodes, are
    /// each the value the quadrature gives alone (and increase with the horizon).
    @Test func spikedPosteriorHorizonsTogetherMatchOneByOne() {
        let month = 365.25 / 12 / 7
        let horizons = (1...12).map { Double($0) * month }
        let p = BGNBDParameters(r: 0.11689211592796472, alpha: 1.5125910150408568, a: 373816.0105419652, b: 6548572.614665959)
        for (x, T) in [(0.0, 67.0 / 7), (2.0, 13.0 / 7), (9.0, 52.0)] {
            let together = BGNBDModel.expectedPurchasesIfAlive(p, x: x, T: T, horizons: horizons)
            for (j, t) in horizons.enumerated() {
                let alone = BGNBDModel.expectedPurchasesIfAliveQuadrature(p, x: x, T: T, horizon: t)
                #expect(abs(together[j] - alone) < 1.0e-11 * alone, "x=\(x) T=\(T) t=\(t): \(together[j]) vs \(alone)")
                if j > 0 { #expect(together[j] > together[j - 1]) }
            }
        }
        // The first case's last horizon against mpmath (see quadratureFindsAConcentratedPosterior).
        let last = BGNBDModel.expectedPurchasesIfAlive(p, x: 0, T: 67.0 / 7, horizons: horizons)[11]
        #expect(abs(last - 0.48387128912916753933) < 1.0e-10)
    }

    /// Several integrals over the same nodes each agree with the scalar rule (to rounding: a component
    /// may run more levels together than alone).
    @Test func tanhSinhOfSeveralIntegrandsIsTheScalarRule() {
        let functions: [(Double) -> Double] = [
            { (x: Double) -> Double in Foundation.exp(-x) }, { (x: Double) -> Double in 1 / (1 + x * x) },
            { (x: Double) -> Double in x.squareRoot() }, { (_: Double) -> Double in 0 },
        ]
        var result = [Double](repeating: 0, count: functions.count)
        var scratch = [Double](repeating: 0, count: 3 * functions.count)
        result.withUnsafeMutableBufferPointer { r in
            scratch.withUnsafeMutableBufferPointer { s in
                LifetimeQuadrature.tanhSinh(from: 0, to: 2, count: functions.count, into: r.baseAddress!, scratch: s.baseAddress!) { x, _, values in
                    for (j, f) in functions.enumerated() { values[j] = f(x) }
                }
            }
        }
        let root2: Double = 2.0.squareRoot()
        let exact: [Double] = [1 - Foundation.exp(-2.0), Foundation.atan(2.0), 4 * root2 / 3, 0]
        for (j, f) in functions.enumerated() {
            #expect(abs(result[j] - exact[j]) < 1.0e-12)
            // Each settles no earlier than alone; once settled, more levels change it by rounding only.
            let alone = LifetimeQuadrature.tanhSinh(from: 0, to: 2) { x, _ in f(x) }
            #expect(abs(result[j] - alone) <= 1.0e-13 * max(1, abs(alone)))
        }
    }

    /// The window of a spiked Beta holds all but a negligible part of its mass, and none for
    /// densities that reach an end of [0, 1] or are not log-concave.
    @Test func betaPeakWindow() throws {
        #expect(BetaPeak(a: 0.8, b: 2.4) == nil)
        #expect(BetaPeak(a: 2, b: 3) == nil)
        #expect(BetaPeak(a: 50, b: 0.9) == nil)
        let peak = try #require(BetaPeak(a: 2000, b: 30000))
        #expect(peak.lower > 0 && peak.upper < 1 && peak.lower < peak.mode && peak.mode < peak.upper)
        // Mean a / (a + b) and second moment a (a+1) / ((a+b)(a+b+1)) of Beta(a, b).
        let n = 32000.0
        #expect(abs(peak.mean { $0 } - 2000 / n) < 1.0e-13)
        #expect(abs(peak.mean { $0 * $0 } - 2000 * 2001 / (n * (n + 1))) < 1.0e-14)
    }

    @Test func expectationsAtSeveralHorizonsAreTheSingleValuesWithinRounding() {
        // Monthly horizons in weeks, a zero horizon, and horizons with z > 0.98 (quadrature).
        let month: Double = 365.25 / 12 / 7
        let monthly: [Double] = (1...12).map { Double($0) * month }
        let horizons: [Double] = [0] + monthly + [900, 3000]
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        for (x, T) in [(0.0, 38.86), (2.0, 10.0), (7.0, 0.5), (30.0, 78.0)] {
            let batch = BGNBDModel.expectedPurchasesIfAlive(p, x: x, T: T, horizons: horizons)
            for (j, t) in horizons.enumerated() {
                // Within rounding: the batch sums every series over the terms its largest z needs.
                let single = BGNBDModel.expectedPurchasesIfAlive(p, x: x, T: T, horizon: t)
                #expect(abs(batch[j] - single) <= 1.0e-13 * max(single, 1.0e-300), "x=\(x) T=\(T) t=\(t): \(batch[j]) vs \(single)")
            }
            #expect(batch[0] == 0)
            // Expected purchases grow with the horizon.
            #expect(zip(batch, batch.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    @Test func stableForLargeCountsAndAges() {
        // Days: x in the hundreds, T in the thousands.
        let p = BGNBDParameters(r: 0.8, alpha: 40, a: 0.6, b: 4)
        var previous = 0.0
        for x in [0.0, 1, 10, 100, 300, 800] {
            let h = PurchaseHistory(x: x, tx: x == 0 ? 0 : 2999, T: 3000)
            let alive = BGNBDModel.probabilityAlive(p, h)
            let e = BGNBDModel.expectedPurchases(p, h, horizon: 365)
            #expect(alive > 0 && alive <= 1)
            #expect(e.isFinite && e >= 0)
            #expect(BGNBDModel.logLikelihood(p.tuple, h).isFinite)
            if x >= 10 { #expect(e > previous, "more purchases, more expected (x = \(x))") }
            previous = e
        }
        // A very heavy buyer: close to rate (r+x)/(α+T) over a year, scaled by P(alive).
        let heavy = PurchaseHistory(x: 800, tx: 2999, T: 3000)
        let e = BGNBDModel.expectedPurchases(p, heavy, horizon: 365)
        let naive = (0.8 + 800) / (40 + 3000) * 365 * BGNBDModel.probabilityAlive(p, heavy)
        #expect(e < naive && e > 0.5 * naive, "\(e) vs \(naive)")
        // Long dead: P(alive) tiny, expectation tiny, no NaN.
        let gone = PurchaseHistory(x: 300, tx: 100, T: 3000)
        #expect(BGNBDModel.probabilityAlive(p, gone) < 1.0e-100)
        #expect(BGNBDModel.expectedPurchases(p, gone, horizon: 365) < 1.0e-90)
    }

    @Test func expectationGrowsWithHorizonAndVanishesAtZero() {
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let h = PurchaseHistory(x: 3, tx: 20, T: 39)
        #expect(BGNBDModel.expectedPurchases(p, h, horizon: 0) == 0)
        var last = 0.0
        for t in stride(from: 1.0, through: 5000, by: 97) {
            let e = BGNBDModel.expectedPurchases(p, h, horizon: t)
            #expect(e > last, "t = \(t)")
            last = e
        }
    }

    // MARK: - Independent reference

    /// P(alive) by the closed form and E[X | alive] by composite Simpson on
    /// ∫ (1/p)(1 − ((α+T)/(α+T+p t))^(r+x)) Beta(p; a, b+x) dp (requires a >= 1, b+x >= 1).
    static func handExpectation(_ p: BGNBDParameters, _ h: PurchaseHistory, horizon t: Double) -> Double {
        let (r, alpha, a, b) = (p.r, p.alpha, p.a, p.b)
        let x = h.x, k = alpha + h.T
        var alive = 1.0
        if x > 0 { alive = 1 / (1 + a / (b + x - 1) * pow((alpha + h.T) / (alpha + h.tx), r + x)) }
        let beta = b + x
        let norm = tgamma(a + beta) / (tgamma(a) * tgamma(beta))
        func f(_ node: Double) -> Double {
            // The density's limit at 0 for a just above 1 is reached only at astronomically small p.
            let q = node == 0 ? 1.0e-300 : node
            let inner = q < 1.0e-200 ? (r + x) * t / k : (1 - pow(k / (k + q * t), r + x)) / q
            let density = norm * (a == 1 ? 1 : pow(q, a - 1)) * (beta == 1 ? 1 : pow(1 - q, beta - 1))
            return inner * density
        }
        let n = 200_000
        let step = 1.0 / Double(n)
        var sum = f(0) + f(1)
        for i in 1..<n { sum += f(Double(i) * step) * (i % 2 == 1 ? 4 : 2) }
        return alive * sum * step / 3
    }
}
