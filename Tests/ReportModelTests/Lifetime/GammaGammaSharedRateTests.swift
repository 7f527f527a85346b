import Foundation
import Testing
@testable import ReportModel

/// The Gamma-Gamma's q → ∞ limit with v/q = 1/ν held (every customer has the same rate ν): its
/// likelihood, its fit, and the fit that reports it where the customers' means show no spread.
@Suite struct GammaGammaSharedRateTests {
    /// Customers whose x repeat amounts are all Gamma(p, ν) alike (m is their mean).
    static func alikeSpenders(count: Int, p: Double, rate: Double, seed: UInt64) -> [PurchaseHistory] {
        var rng = LifetimeTestRNG(seed: seed)
        return (0..<count).map { _ in
            let x = Double(1 + Int(rng.uniform() * 5))
            var total = 0.0
            for _ in 0..<Int(x) { total += rng.gamma(shape: p, rate: rate) }
            return PurchaseHistory(x: x, tx: x, T: 10, meanRepeatSpend: total / x)
        }
    }

    /// The three-parameter likelihood at q = K, v = K/ν tends to the limit's as K grows, and the
    /// limit's value is the Gamma(px, νx) log-density of m summed by hand.
    @Test func limitOfTheThreeParameterLikelihood() {
        let data = ThreeRepeatBuyers.data
        let (p, rate) = (1.5, 0.05)
        var byHand = 0.0
        for (x, m) in ThreeRepeatBuyers.values {
            let shape: Double = p * x
            let density: Double = shape * log(rate * x) + (shape - 1) * log(m) - rate * x * m - lgamma(shape)
            byHand += density
        }
        let limit = data.sharedRateLogLikelihood(p: p, rate: rate)
        #expect(abs(limit - byHand) < 1.0e-12 * abs(byHand))
        expectTendsToLimit(limit, tolerance: 1.0e-3) { k in data.logLikelihood(p: p, q: k, v: k / rate, wantGradient: false).value }
    }

    /// The fit is the limit's maximum (a step either way in p or in ν lowers it) near the simulated
    /// (p, ν), and its mean p/ν is the transaction-weighted mean Σxm / Σx.
    @Test func fitIsTheLimitsMaximum() throws {
        let histories = Self.alikeSpenders(count: 4_000, p: 2, rate: 1.0 / 30, seed: 3)
        let data = GammaGammaData(histories)
        let (p, rate, ll) = try #require(data.sharedRateFit())
        #expect(abs(p / 2 - 1) < 0.1 && abs(rate * 30 - 1) < 0.1, "p = \(p), ν = \(rate)")
        let weighted = histories.reduce(0.0) { $0 + $1.modelTriple.x * $1.meanRepeatSpend } / histories.reduce(0.0) { $0 + $1.modelTriple.x }
        #expect(abs(p / rate / weighted - 1) < 1.0e-12)
        for (dp, dr) in [(1.0e-4 * p, 0.0), (0.0, 1.0e-4 * rate)] {
            let up = data.sharedRateLogLikelihood(p: p + dp, rate: rate + dr)
            let down = data.sharedRateLogLikelihood(p: p - dp, rate: rate - dr)
            #expect(up < ll && down < ll)
        }
    }

    /// 300 customers spending alike: with seed 1 the three-parameter search fails (the likelihood
    /// rises as q → ∞) and the fit reports the limit (q = limitScale, v = q/ν), every customer then
    /// expecting the population mean p/ν; with seed 2 the sample peaks inside and keeps its fit, at a
    /// likelihood above the limit's.
    @Test func alikeSpendersAreFittedAtTheLimitUnlessTheyPeakInside() throws {
        let alike = Self.alikeSpenders(count: 300, p: 2, rate: 1.0 / 30, seed: 1)
        #expect(throws: LifetimeModelError.self) { try GammaGammaModel.fitThreeParameters(GammaGammaData(alike)) }
        let fit = try GammaGammaModel.fit(alike)
        let closed = try #require(GammaGammaData(alike).sharedRateFit())
        #expect(fit.q == GammaGammaModel.limitScale)
        #expect(fit.p == closed.p && abs(fit.v * closed.rate / fit.q - 1) < 1.0e-12)
        for h in alike.prefix(30) {
            #expect(abs(GammaGammaModel.expectedSpend(fit, h) * closed.rate / closed.p - 1) < 1.0e-6)
        }
        let inside = Self.alikeSpenders(count: 300, p: 2, rate: 1.0 / 30, seed: 2)
        let interior = try GammaGammaModel.fit(inside)
        #expect(interior.q < GammaGammaModel.ridgeScale && interior.p < GammaGammaModel.ridgeScale)
        let limit = try #require(GammaGammaData(inside).sharedRateFit())
        #expect(interior.logLikelihood > limit.logLikelihood)
    }

    /// One price for everyone (revenue / orders = 9.99 up to rounding): no maximum on either face;
    /// the fit reports p = q = limitScale and every customer, repeat buyer or not, expects 9.99.
    @Test func aSinglePriceIsEveryonesExpectedSpend() throws {
        let histories = (1...40).map { i in
            let orders = Double(1 + i % 5)
            return PurchaseHistory(x: orders - 1, tx: orders, T: 20, meanRepeatSpend: orders > 1 ? (9.99 * orders) / orders : 0)
        }
        let fit = try GammaGammaModel.fit(histories)
        #expect(fit.p == GammaGammaModel.limitScale && fit.q == GammaGammaModel.limitScale)
        for h in histories {
            #expect(abs(GammaGammaModel.expectedSpend(fit, h) / 9.99 - 1) < 1.0e-12)
        }
        // A second price among them: no longer one price (the usual fit or a limit).
        var two = histories
        two[3].meanRepeatSpend = 19.99
        #expect(GammaGammaData(two).commonSpend == nil)
    }
}
