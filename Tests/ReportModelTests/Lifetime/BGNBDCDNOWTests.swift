import Foundation
import Testing
@testable import ReportModel

/// The published CDNOW fits: Fader, Hardie & Lee (2005) for BG/NBD, Fader & Hardie (2013) for
/// Gamma-Gamma.
@Suite struct BGNBDCDNOWTests {
    // MARK: - BG/NBD

    @Test func reproducesPublishedBGNBDParameters() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        #expect(histories.count == 2357)
        let fit = try BGNBDModel.fit(histories)
        #expect(abs(fit.r / 0.243 - 1) < 0.005, "r = \(fit.r)")
        #expect(abs(fit.alpha / 4.414 - 1) < 0.005, "alpha = \(fit.alpha)")
        #expect(abs(fit.a / 0.793 - 1) < 0.005, "a = \(fit.a)")
        #expect(abs(fit.b / 2.426 - 1) < 0.005, "b = \(fit.b)")
        #expect(abs(fit.logLikelihood - -9582.4) < 0.1, "LL = \(fit.logLikelihood)")
    }

    @Test func totalLogLikelihoodIsTheSumOverCustomers() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        let params = (r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let direct = histories.reduce(0) { $0 + BGNBDModel.logLikelihood(params, $1) }
        let grouped = BGNBDData(histories).logLikelihood(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426).value
        #expect(abs(direct - grouped) < 1.0e-8)
        #expect(abs(direct - -9582.4) < 0.1)
    }

    // MARK: - Gamma-Gamma

    @Test func reproducesPublishedGammaGammaParameters() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        #expect(histories.filter(GammaGammaModel.isEligible).count == 946)
        #expect(GammaGammaModel.excludedCount(histories) == 2357 - 946)
        let fit = try GammaGammaModel.fit(histories)
        #expect(abs(fit.p / 6.25 - 1) < 0.01, "p = \(fit.p)")
        #expect(abs(fit.q / 3.74 - 1) < 0.01, "q = \(fit.q)")
        #expect(abs(fit.v / 15.44 - 1) < 0.01, "v = \(fit.v)")
        // Cross-check (an independent fit of the same likelihood with SciPy gives −4055.923).
        #expect(abs(fit.logLikelihood - -4055.923) < 0.01, "LL = \(fit.logLikelihood)")
    }

    // MARK: - Known predictions

    @Test func publishedConditionalExpectationForCustomerOne() throws {
        // Customer 1 (x = 2, tx = 30.43, T = 38.86): 1.226 expected purchases in the next 39 weeks.
        let p = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        let h = PurchaseHistory(x: 2, tx: 30.43, T: 38.86)
        let e = BGNBDModel.expectedPurchases(p, h, horizon: 39)
        #expect(abs(e - 1.226) < 0.0005, "E = \(e)")
        // P(alive) by hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
        let odds = 0.793 / (2.426 + 1) * pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2)
        #expect(abs(BGNBDModel.probabilityAlive(p, h) - 1 / (1 + odds)) < 1.0e-12)
    }
}
