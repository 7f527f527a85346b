import Foundation
import Testing
@testable import ReportModel

/// The Gamma-Gamma's p → ∞ limit with p·v = c held (each customer spends their own mean m,
/// m ~ InvGamma(q, c) across customers): its likelihood, its closed-form fit, and the fit that
/// reports it where customers' spends show no spread around their means.
@Suite struct GammaGammaConstantSpendTests {
    /// Customers with x repeats of the same spend m each, m drawn from InvGamma(q, c) = c / Gamma(q, 1).
    static func constantSpenders(count: Int, q: Double, c: Double, seed: UInt64) -> [PurchaseHistory] {
        var rng = LifetimeTestRNG(seed: seed)
        return (0..<count).map { _ in
            let m = c / rng.gamma(shape: q, rate: 1)
            let x = Double(1 + Int(rng.uniform() * 6))
            return PurchaseHistory(x: x, tx: x, T: 10, meanRepeatSpend: m)
        }
    }

    /// The three-parameter likelihood at p = K, v = c/K tends to the limit's as K grows, and the
    /// limit's value is the inverse-gamma log-density summed by hand.
    @Test func limitOfTheThreeParameterLikelihood() {
        let data = ThreeRepeatBuyers.data
        let (q, c) = (2.5, 60.0)
        var byHand = 0.0
        for (_, m) in ThreeRepeatBuyers.values {
            let constant: Double = q * log(c) - lgamma(q)
            byHand += constant - (q + 1) * log(m) - c / m
        }
        let limit = data.constantSpendLogLikelihood(q: q, c: c)
        #expect(abs(limit - byHand) < 1.0e-12 * abs(byHand))
        expectTendsToLimit(limit, tolerance: 1.0e-3) { k in data.logLikelihood(p: k, q: q, v: c / k, wantGradient: false).value }
    }

    /// The closed-form fit is a stationary point of the limit's likelihood (both partial derivatives
    /// vanish, by central differences) near the simulated (q, c).
    @Test func closedFormFitIsTheLimitsMaximum() throws {
        let data = GammaGammaData(Self.constantSpenders(count: 4_000, q: 3, c: 120, seed: 9))
        let (q, c, ll) = try #require(data.constantSpendFit())
        #expect(abs(q / 3 - 1) < 0.1 && abs(c / 120 - 1) < 0.1, "q = \(q), c = \(c)")
        #expect(abs(ll - data.constantSpendLogLikelihood(q: q, c: c)) < 1.0e-9 * abs(ll))
        for (dq, dc) in [(1.0e-4 * q, 0.0), (0.0, 1.0e-4 * c)] {
            let up = data.constantSpendLogLikelihood(q: q + dq, c: c + dc)
            let down = data.constantSpendLogLikelihood(q: q - dq, c: c - dc)
            #expect(up < ll && down < ll)
            #expect(abs(up - down) / (2 * max(dq, dc)) < 1.0e-6 * abs(ll))
        }
    }

    /// The 45 repeat buyers of the shipped examples' first snapshot (2025-11; x = orders − 1,
    /// m = revenue / orders): their likelihood keeps rising as p → ∞, and the fit reports the limit
    /// (p = limitScale, p·v = c), at the (q, c) SciPy's root finder gives for the inverse-gamma
    /// maximum (q = 2.446214467635456, c = 103.95565403940357); the conditional mean spend is then
    /// each customer's own m.
    @Test func exampleSnapshotIsFittedAtTheLimit() throws {
        let buyers: [(x: Double, revenue: Double, orders: Double)] = [
            (2, 219.56, 3), (10, 861.68, 11), (9, 1243.52, 10), (14, 247.93, 15), (5, 1395.17, 6), (15, 490.48, 16), (1, 135.38, 2), (1, 78.74, 2), (1, 60.46, 2), (9, 434.31, 10), (2, 122.87, 3), (10, 605.74, 11), (14, 753.84, 15), (3, 275.50, 4), (6, 333.27, 7), (6, 431.83, 7), (5, 337.94, 6), (7, 85.53, 8), (5, 677.88, 6), (5, 521.78, 6), (1, 68.98, 2), (2, 82.11, 3), (6, 399.18, 7), (7, 149.97, 8), (2, 94.96, 3), (4, 283.65, 5), (2, 108.80, 3), (2, 258.08, 3), (2, 79.76, 3), (4, 519.11, 5), (2, 115.23, 3), (6, 362.90, 7), (1, 251.75, 2), (4, 119.71, 5), (5, 530.31, 6), (1, 158.76, 2), (1, 100.09, 2), (1, 172.70, 2), (2, 1076.82, 3), (7, 972.46, 8), (1, 130.24, 2), (1, 120.49, 2), (1, 35.83, 2), (2, 88.87, 3), (2, 100.79, 3)
        ]
        let histories = buyers.map { PurchaseHistory(x: $0.x, tx: $0.x, T: 30, meanRepeatSpend: $0.revenue / $0.orders) }
        let fit = try GammaGammaModel.fit(histories)
        #expect(fit.p == GammaGammaModel.limitScale)
        #expect(abs(fit.q / 2.446214467635456 - 1) < 1.0e-9, "q = \(fit.q)")
        #expect(abs(fit.p * fit.v / 103.95565403940357 - 1) < 1.0e-9, "c = \(fit.p * fit.v)")
        for h in histories {
            #expect(abs(GammaGammaModel.expectedSpend(fit, h) / h.meanRepeatSpend - 1) < 1.0e-6)
        }
    }

    /// Simulated customers who each spend one amount, drawn from an inverse gamma, still peak inside
    /// (the three-parameter model fits the spread of m across x better than the limit): the limit
    /// is taken only where the likelihood has no interior maximum.
    @Test func constantSpendersWithAnInteriorMaximumKeepIt() throws {
        let histories = Self.constantSpenders(count: 2_000, q: 2.5, c: 90, seed: 4)
        let fit = try GammaGammaModel.fit(histories)
        #expect(fit.p < GammaGammaModel.ridgeScale, "p = \(fit.p)")
        let closed = try #require(GammaGammaData(histories).constantSpendFit())
        #expect(fit.logLikelihood > closed.logLikelihood)
    }

    /// Data with a spread of spend around each customer's mean keep their interior fit.
    @Test func spreadSpendKeepsTheInteriorFit() throws {
        let histories = LifetimeSimulation.customers(count: 3_000, r: 0.5, alpha: 4, a: 0.8, b: 2.5, seed: 5) { rng in
            (52 * 7 * rng.uniform()).rounded() / 7
        }
        let fit = try GammaGammaModel.fit(histories)
        #expect(fit.p < GammaGammaModel.ridgeScale, "p = \(fit.p)")
    }
}
