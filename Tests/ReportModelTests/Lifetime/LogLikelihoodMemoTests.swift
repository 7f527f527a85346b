import Foundation
import Testing
@testable import ReportModel

/// The fits report the log-likelihood at their parameters from the last evaluation when it was
/// there (`LogLikelihoodMemo`): it must be the full pass's value, to the bit.
@Suite struct LogLikelihoodMemoTests {
    @Test func memoGivesOnlyTheLastParametersExactly() {
        let memo = LogLikelihoodMemo()
        #expect(memo.logLikelihood(at: [1, 2]) == nil)
        memo.remember([1, 2], -5)
        memo.remember([1, 2.5], -4)
        #expect(memo.logLikelihood(at: [1, 2.5]) == -4)
        #expect(memo.logLikelihood(at: [1, 2]) == nil)
        #expect(memo.logLikelihood(at: [1, 2.5.nextUp]) == nil)
    }

    /// Simulated customers, surveyed (more than `MaximumLikelihoodFit.surveyThreshold`) and not.
    @Test(arguments: [3_000, 90_000])
    func fittedLogLikelihoodsAreTheFullPassesAtTheFittedParameters(customers: Int) throws {
        let histories = LifetimeSimulation.customers(count: customers, r: 0.8, alpha: 6, a: 0.7, b: 2.5, seed: 17) { rng in
            Double(Int(rng.uniform() * 52) + 26)
        }
        let purchases = BGNBDData(histories)
        let bgnbd = try BGNBDModel.fitFourParameters(purchases)
        let full = purchases.logLikelihood(r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, wantGradient: false).value
        #expect(bgnbd.logLikelihood.bitPattern == full.bitPattern, "\(bgnbd.logLikelihood) against \(full)")

        let spend = GammaGammaData(histories)
        let gammaGamma = try GammaGammaModel.fitThreeParameters(spend)
        let fullSpend = spend.logLikelihood(p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v, wantGradient: false).value
        #expect(gammaGamma.logLikelihood.bitPattern == fullSpend.bitPattern, "\(gammaGamma.logLikelihood) against \(fullSpend)")
    }
}
