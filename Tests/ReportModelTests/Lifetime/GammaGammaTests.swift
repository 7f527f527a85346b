import Foundation
import Testing
@testable import ReportModel

/// Gamma-Gamma spend model: formula by hand, recovery from simulated spend, edge cases.
@Suite struct GammaGammaTests {
    // MARK: - Expected spend by hand

    @Test func conditionalMeanByHand() {
        let p = GammaGammaParameters(p: 6, q: 4, v: 15)
        // Population mean p v / (q − 1) = 90 / 3 = 30.
        #expect(p.populationMeanSpend == 30)
        // x = 2, m = 40: weight on m = p x / (p x + q − 1) = 12/15; (3/15)·30 + (12/15)·40 = 38.
        let h = PurchaseHistory(x: 2, tx: 5, T: 10, meanRepeatSpend: 40)
        #expect(abs(GammaGammaModel.expectedSpend(p, h) - 38) < 1.0e-12)
        // No repeat spend: the population mean.
        #expect(GammaGammaModel.expectedSpend(p, PurchaseHistory(x: 0, tx: 0, T: 10, meanRepeatSpend: 0)) == 30)
        // Repeats whose spend nets to zero or less (refunds) still weigh in: m = 0, x = 3:
        // 6 · 15 / (18 + 3) = 30 / 7; m = −30, x = 1: 6 · (15 − 30) / (6 + 3) = −10.
        #expect(abs(GammaGammaModel.expectedSpend(p, PurchaseHistory(x: 3, tx: 5, T: 10, meanRepeatSpend: 0)) - 30.0 / 7) < 1.0e-12)
        #expect(abs(GammaGammaModel.expectedSpend(p, PurchaseHistory(x: 1, tx: 5, T: 10, meanRepeatSpend: -30)) + 10) < 1.0e-12)
        // q <= 1: no finite population mean.
        #expect(GammaGammaParameters(p: 2, q: 0.8, v: 3).populationMeanSpend == nil)
    }

    @Test func publishedCDNOWExpectedSpend() throws {
        // CDNOW parameters: the population mean is p γ / (q − 1) = 6.25 · 15.44 / 2.74 = 35.22.
        let p = GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44)
        #expect(abs(p.populationMeanSpend! - 35.22) < 0.01)
    }

    // MARK: - Recovery and failures

    @Test func recoversSimulatedParameters() throws {
        let histories = LifetimeSimulation.customers(
            count: 8000, r: 1.5, alpha: 10, a: 0.8, b: 2.5, spend: (p: 5, q: 4, v: 20), seed: 11
        ) { rng in 30 + 30 * rng.uniform() }
        let fit = try GammaGammaModel.fit(histories)
        #expect(abs(fit.p / 5 - 1) < 0.1, "p = \(fit.p)")
        #expect(abs(fit.q / 4 - 1) < 0.2, "q = \(fit.q)")
        #expect(abs(fit.v / 20 - 1) < 0.25, "v = \(fit.v)")
        // The population mean is far better identified than the parameters.
        #expect(abs(fit.populationMeanSpend! / (5 * 20 / 3.0) - 1) < 0.05)
    }

    @Test func tooFewRepeatBuyers() {
        let histories = [
            PurchaseHistory(x: 0, tx: 0, T: 10, meanRepeatSpend: 0),
            PurchaseHistory(x: 2, tx: 4, T: 10, meanRepeatSpend: 25),
            PurchaseHistory(x: 3, tx: 4, T: 10, meanRepeatSpend: 0),
        ]
        #expect(throws: LifetimeModelError.tooFewCustomers(1)) { try GammaGammaModel.fit(histories) }
        #expect(GammaGammaModel.excludedCount(histories) == 2)
    }

    /// Grouping worked by hand: ineligible customers left out, identical (x, m) counted once, groups
    /// by x in ascending order, spends ascending within a group, and the same in any input order.
    @Test func groupingByHandInAnyOrder() {
        let histories = [
            PurchaseHistory(x: 2, tx: 3, T: 9, meanRepeatSpend: 10),
            PurchaseHistory(x: 1, tx: 1, T: 9, meanRepeatSpend: 5),
            PurchaseHistory(x: 0, tx: 0, T: 9, meanRepeatSpend: 7),    // no repeat purchase
            PurchaseHistory(x: 2, tx: 4, T: 8, meanRepeatSpend: 3),
            PurchaseHistory(x: 3, tx: 4, T: 8, meanRepeatSpend: 0),    // no spend
            PurchaseHistory(x: 2, tx: 5, T: 9, meanRepeatSpend: 10),
        ]
        for order in [[0, 1, 2, 3, 4, 5], [5, 4, 3, 2, 1, 0], [3, 0, 5, 1, 4, 2]] {
            let data = GammaGammaData(order.map { histories[$0] })
            #expect(data.customers == 4)
            #expect(data.excluded == 2)
            #expect(data.counts == [1, 2])
            #expect(data.countWeight == [1, 3])
            #expect(data.groupStart == [0, 1, 3])
            #expect(data.entryTotal == [5, 6, 20])   // m · x: 5 · 1; 3 · 2, 10 · 2
            #expect(data.entryWeight == [1, 1, 2])
            #expect(abs(data.countLogSpend[1] - (log(3) + 2 * log(10))) < 1e-12)
            #expect(data.meanSpend == 7)             // (5 + 3 + 10 + 10) / 4
        }
        let none = GammaGammaData([PurchaseHistory(x: 0, tx: 0, T: 1)])
        #expect(none.counts.isEmpty && none.groupStart == [0] && none.customers == 0 && none.excluded == 1)
    }

    /// A spend that is not a finite positive number, or a count that is not one, leaves the
    /// customer out, at any place in the list (the grouping keeps the eligible ones without a branch).
    @Test func unusableSpendsAndCountsAreLeftOut() {
        let usable = PurchaseHistory(x: 2, tx: 3, T: 9, meanRepeatSpend: 10)
        let unusable = [
            PurchaseHistory(x: 2, tx: 3, T: 9, meanRepeatSpend: .nan),
            PurchaseHistory(x: 2, tx: 3, T: 9, meanRepeatSpend: .infinity),
            PurchaseHistory(x: 2, tx: 3, T: 9, meanRepeatSpend: -4),
            PurchaseHistory(x: .nan, tx: 3, T: 9, meanRepeatSpend: 10),
            PurchaseHistory(x: -1, tx: 0, T: 9, meanRepeatSpend: 10),
            PurchaseHistory(x: 0.4, tx: 0, T: 9, meanRepeatSpend: 10),   // rounds to no repeat purchase
        ]
        for at in 0...unusable.count {
            var histories = unusable
            histories.insert(usable, at: at)
            let data = GammaGammaData(histories)
            #expect(data.customers == 1 && data.excluded == unusable.count, "usable at \(at)")
            #expect(data.entryTotal == [20] && data.meanSpend == 10)
        }
    }

    /// The predictions' branch-free expected spend is `expectedSpend`, bit for bit: repeat buyers and
    /// not, unusable spends, and parameters without a population mean (q <= 1).
    @Test func branchFreeExpectedSpendIsTheSame() {
        var g = SplitMix(seed: 5)
        let parameters = [GammaGammaParameters(p: 6.25, q: 3.74, v: 15.44), GammaGammaParameters(p: 2, q: 0.8, v: 3)]
        for p in parameters {
            for k in 0..<2_000 {
                let x = Double(g.next() % 4) + (k % 7 == 0 ? 0.4 : 0)
                let m = k % 11 == 0 ? .nan : k % 13 == 0 ? .infinity : Double(g.next() % 100_000) / 97
                let h = PurchaseHistory(x: x, tx: 1, T: 5, meanRepeatSpend: m)
                let plain = GammaGammaModel.expectedSpend(p, h), free = GammaGammaModel.expectedSpendWithoutBranch(p, h)
                #expect(plain.bitPattern == free.bitPattern, "x \(x), m \(m): \(plain) vs \(free)")
            }
        }
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        let data = GammaGammaData(try LifetimeCDNOWFixture.histories())
        expectGradientMatchesCentralDifferences(data.objective, at: [log(5.0), log(3.0), log(12.0)])
    }

    /// The analytic Hessian equals central differences of the analytic gradient, near the CDNOW
    /// optimum and away from it, and is symmetric.
    @Test func hessianMatchesFiniteDifferencesOfTheGradient() throws {
        let data = GammaGammaData(try LifetimeCDNOWFixture.histories())
        for theta in [[log(6.25), log(3.74), log(15.44)], [log(5.0), log(3.0), log(12.0)], [log(0.5), log(8.0), log(2.0)]] {
            HessianCheck.expectMatchesGradientDifferences({ data.objective($0).gradient }, data.objectiveHessian(theta), at: theta)
        }
    }
}
