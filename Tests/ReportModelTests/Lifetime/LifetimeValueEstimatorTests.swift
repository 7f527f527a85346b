import Foundation
import Testing
@testable import ReportModel

/// End-to-end CLV computation.
@Suite struct LifetimeValueEstimatorTests {
    // MARK: - CDNOW

    @Test func cdnowCustomerValuesFollowTheSpecFormula() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        let settings = LifetimeValueSettings()
        let fit = try LifetimeValueEstimator.estimate(histories, settings: settings)
        #expect(fit.customers.count == histories.count)
        #expect(fit.gammaGammaExcluded == 2357 - 946)
        let gg = try #require(fit.gammaGamma)
        #expect(abs(gg.p / 6.25 - 1) < 0.01)
        #expect(fit.gammaGammaError == nil)

        let month = 365.25 / 12 / 7
        for i in [0, 1, 2, 10, 100, 2356] {
            let h = histories[i]
            let c = fit.customers[i]
            #expect(c.probabilityAlive == BGNBDModel.probabilityAlive(fit.bgnbd, h))
            let spend = GammaGammaModel.expectedSpend(gg, h)
            #expect(c.expectedSpend == spend)
            var clv = 0.0
            for k in 1...12 {
                let delta = BGNBDModel.expectedPurchases(fit.bgnbd, h, horizon: Double(k) * month)
                    - BGNBDModel.expectedPurchases(fit.bgnbd, h, horizon: Double(k - 1) * month)
                clv += delta * spend / pow(1.01, Double(k))
            }
            #expect(abs(c.predictedCLV - clv) < 1.0e-9 * max(1, clv), "customer \(i)")
            let horizon = BGNBDModel.expectedPurchases(fit.bgnbd, h, horizon: 12 * month)
            #expect(abs(c.expectedPurchases - horizon) < 1.0e-12 * max(1, horizon))
        }
        // Predictions are computed once per distinct (x, tx, T) and spread back: every customer's
        // P(alive) is the one of its own history, bit for bit.
        for (i, h) in histories.enumerated() where fit.customers[i].probabilityAlive != BGNBDModel.probabilityAlive(fit.bgnbd, h) {
            Issue.record("customer \(i): P(alive) \(fit.customers[i].probabilityAlive) is not its history's")
        }
        // Customer 3 (x = 0) gets the population mean spend.
        #expect(abs(fit.customers[2].expectedSpend - gg.populationMeanSpend!) < 1.0e-12)
    }

    @Test func zeroDiscountIsPurchasesTimesSpend() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        let fit = try LifetimeValueEstimator.estimate(
            histories, settings: LifetimeValueSettings(timeUnit: .week, horizonMonths: 6, monthlyDiscountRate: 0))
        for c in fit.customers.prefix(50) {
            #expect(abs(c.predictedCLV - c.expectedPurchases * c.expectedSpend) < 1.0e-9 * max(1, c.predictedCLV))
        }
        let none = try LifetimeValueEstimator.estimate(
            histories, settings: LifetimeValueSettings(horizonMonths: 0))
        #expect(none.customers.allSatisfy { $0.predictedCLV == 0 && $0.expectedPurchases == 0 })
    }

    @Test func dayUnitUsesDayMonths() throws {
        // The same customers in days (×7) give the same predictions when the unit says day.
        let weeks = try LifetimeCDNOWFixture.histories()
        let days = weeks.map { PurchaseHistory(x: $0.x, tx: $0.tx * 7, T: $0.T * 7, meanRepeatSpend: $0.meanRepeatSpend) }
        let w = try LifetimeValueEstimator.estimate(weeks, settings: LifetimeValueSettings(timeUnit: .week))
        let d = try LifetimeValueEstimator.estimate(days, settings: LifetimeValueSettings(timeUnit: .day))
        #expect(abs(d.bgnbd.alpha / w.bgnbd.alpha - 7) < 1.0e-4)
        for i in [0, 5, 40] {
            #expect(abs(d.customers[i].predictedCLV - w.customers[i].predictedCLV) < 1.0e-4 * max(1, w.customers[i].predictedCLV))
        }
    }

    // MARK: - Fallbacks

    /// Without a Gamma-Gamma fit no spend is made up (output.md: "never a made-up number"): the
    /// expected spend and predicted CLV are NaN (reported as missing) for every customer, while
    /// P(alive) and the expected purchases stay.
    @Test func noPredictedValueWithoutGammaGamma() throws {
        var histories = LifetimeSimulation.customers(count: 3000, r: 0.5, alpha: 5, a: 0.8, b: 2.5, seed: 5) { rng in
            10 + 40 * rng.uniform()
        }
        // Keep the spend of a single repeat buyer: Gamma-Gamma has too few customers.
        let keep = try #require(histories.firstIndex { $0.x > 0 })
        for i in histories.indices where i != keep { histories[i].meanRepeatSpend = 0 }
        histories[keep].meanRepeatSpend = 42
        let fit = try LifetimeValueEstimator.estimate(histories, settings: LifetimeValueSettings())
        #expect(fit.gammaGamma == nil)
        #expect(fit.gammaGammaError == .tooFewCustomers(1))
        #expect(fit.gammaGammaExcluded == histories.count - 1)
        #expect(fit.customers.allSatisfy { $0.expectedSpend.isNaN && $0.predictedCLV.isNaN })
        #expect(fit.customers.allSatisfy { $0.probabilityAlive.isFinite && $0.expectedPurchases.isFinite })
    }

    @Test func bgnbdFailureIsThrown() {
        let histories = (0..<20).map { PurchaseHistory(x: 0, tx: 0, T: Double($0 + 1)) }
        #expect(throws: LifetimeModelError.self) {
            try LifetimeValueEstimator.estimate(histories, settings: LifetimeValueSettings())
        }
    }
}
