import Foundation
import Testing
@testable import ReportModel

/// The two-stage search of large fits: a systematic sample for the multi-start search, a polish on
/// the whole data, and the line search's rule for objectives at their rounding noise.
@Suite struct LifetimeSurveyTests {
    // MARK: - Systematic samples

    @Test func bgnbdSampleKeepsOneCustomerInK() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        #expect(data.customers == 2357)
        let sample = data.systematicSample(every: 4)
        // ⌊2357 / 4⌋ customers, each one of the data's own triples.
        #expect(sample.customers == 589)
        let zeroWeight: Double = sample.zeroWeight.reduce(0, +)
        let repeatWeight: Double = sample.countWeight.reduce(0, +)
        #expect(zeroWeight + repeatWeight == 589)
        #expect(sample.entryWeight.reduce(0, +) == Double(sample.repeatBuyers))
        #expect(sample.distinctTriples < data.distinctTriples)
        #expect(Set(sample.counts).isSubset(of: Set(data.counts)))
        // The sample's share of non-repeaters is the data's, to within one in k per stratum.
        let share = Double(data.customers - data.repeatBuyers) / Double(data.customers)
        let sampleShare = Double(sample.customers - sample.repeatBuyers) / Double(sample.customers)
        #expect(abs(share - sampleShare) < 0.01)
    }

    @Test func bgnbdSampleOfStepOneIsTheData() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        let same = data.systematicSample(every: 1)
        let theta = [log(0.3), log(5.0), log(0.7), log(2.0)]
        #expect(same.customers == data.customers)
        #expect(same.objective(theta).value == data.objective(theta).value)
        #expect(same.objective(theta).gradient == data.objective(theta).gradient)
    }

    @Test func samplesAreIndependentOfInputOrder() throws {
        let histories = try LifetimeCDNOWFixture.histories()
        let theta = [log(0.3), log(5.0), log(0.7), log(2.0)]
        let forward = BGNBDData(histories).systematicSample(every: 7)
        let backward = BGNBDData(histories.reversed()).systematicSample(every: 7)
        #expect(forward.objective(theta).value == backward.objective(theta).value)
        let spendTheta = [log(5.0), log(3.0), log(12.0)]
        let spendForward = GammaGammaData(histories).systematicSample(every: 7)
        let spendBackward = GammaGammaData(histories.reversed()).systematicSample(every: 7)
        #expect(spendForward.objective(spendTheta).value == spendBackward.objective(spendTheta).value)
    }

    @Test func gammaGammaSampleKeepsOneCustomerInK() throws {
        let data = GammaGammaData(try LifetimeCDNOWFixture.histories())
        let sample = data.systematicSample(every: 3)
        #expect(sample.customers == data.customers / 3)
        #expect(sample.countWeight.reduce(0, +) == Double(sample.customers))
        // Step 1 gives the same likelihood.
        let theta = [log(5.0), log(3.0), log(12.0)]
        let same = data.systematicSample(every: 1)
        #expect(abs(same.objective(theta).value - data.objective(theta).value) < 1.0e-12)
        #expect(abs(sample.meanSpend / data.meanSpend - 1) < 0.05)
    }

    // MARK: - Survey, then polish

    @Test func surveyThenPolishReachesTheDirectOptimum() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        let starts: [[Double]] = [[0, log(5.0), 0, 0], [log(0.5), log(2.0), log(0.5), log(2.0)]]
        let names = ["r", "alpha", "a", "b"]
        let direct = try MaximumLikelihoodFit.parameters(data.objective, starts: starts, names: names)
        let sample = data.systematicSample(every: 4)
        let surveyed = try MaximumLikelihoodFit.parameters(
            data.objective, survey: { sample.objective($0) }, starts: starts, names: names)
        for i in 0..<4 {
            #expect(abs(surveyed[i] / direct[i] - 1) < 1.0e-6, "\(names[i]): \(surveyed[i]) vs \(direct[i])")
        }
        expectPublishedCDNOWFit(surveyed)
    }

    @Test func misleadingSurveyStillReachesTheOptimum() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        // A survey of other customers entirely, with another optimum.
        let other = BGNBDData(LifetimeSimulation.customers(
            count: 3000, r: 2, alpha: 1, a: 3, b: 1, seed: 5
        ) { rng in 10 + 60 * rng.uniform() })
        let starts: [[Double]] = [[0, log(5.0), 0, 0], [log(0.5), log(2.0), log(0.5), log(2.0)]]
        let p = try MaximumLikelihoodFit.parameters(
            data.objective, survey: { other.objective($0) }, starts: starts, names: ["r", "alpha", "a", "b"])
        expectPublishedCDNOWFit(p)
    }

    /// −Σ wₖ e^(−|θ − cₖ|²): one well per (centre, depth), with its gradient.
    static func wells(_ list: [(centre: [Double], depth: Double)]) -> LifetimeOptimizer.Objective {
        { theta in
            var value = 0.0
            var gradient = [Double](repeating: 0, count: theta.count)
            for (centre, depth) in list {
                let e = depth * exp(-zip(theta, centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
                value -= e
                for i in theta.indices { gradient[i] += 2 * (theta[i] - centre[i]) * e }
            }
            return (value, gradient)
        }
    }

    /// A survey whose optimum lies far out towards the boundary (a ≈ e^15, b ≈ e^17: the ridge along
    /// which a small sample's BG/NBD likelihood can run flat) is not polished from, even where the
    /// whole data have a local optimum there too: their search runs from the starts instead.
    @Test func surveyOptimumNearTheBoundaryIsNotPolishedFrom() throws {
        let inside = [0.1, 0.2, -0.3, 0.4], ridge = [log(0.25), log(4.5), 15, 17]
        let survey: LifetimeOptimizer.Objective = { theta in   // a bowl around the ridge point
            (zip(theta, ridge).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }, zip(theta, ridge).map { 2 * ($0 - $1) })
        }
        let whole = Self.wells([(inside, 2), (ridge, 1)])
        let starts: [[Double]] = [inside.map { $0 + 0.3 }, inside.map { $0 - 0.3 }]
        let p = try MaximumLikelihoodFit.parameters(whole, survey: survey, starts: starts, names: ["r", "alpha", "a", "b"])
        for i in 0..<4 { #expect(abs(log(p[i]) - inside[i]) < 1.0e-4, "\(i): \(log(p[i]))") }
    }

    /// Two survey optima ranked otherwise than on the whole data: both are polished and the whole
    /// data's best is kept (polished alone, the survey's best would end in the whole data's lesser well).
    @Test func everySurveyOptimumIsPolished() throws {
        let near = [0.1, 0.2, -0.3, 0.4], far = [2.0, -1.5, 1.0, 2.5]
        let survey = Self.wells([(near, 1), (far, 2)]), whole = Self.wells([(near, 2), (far, 1)])
        let starts: [[Double]] = [far.map { $0 + 0.2 }, near.map { $0 - 0.2 }, far.map { $0 - 0.1 }]
        let (best, optima) = LifetimeOptimizer.search(survey, starts: starts)
        #expect(optima.count == 2)
        #expect(best.map { zip($0.theta, far).allSatisfy { abs($0 - $1) < 1.0e-4 } } == true)
        let p = try MaximumLikelihoodFit.parameters(whole, survey: survey, starts: starts, names: ["a", "b", "c", "d"])
        for i in 0..<4 { #expect(abs(log(p[i]) - near[i]) < 1.0e-4, "\(i): \(log(p[i]))") }
    }

    // MARK: - Newton polish

    /// From a 1-in-4 survey's optimum, Newton's method with the exact Hessian reaches the whole
    /// CDNOW data's optimum (the one BFGS finds from the starts) to the gradient tolerance, in a few
    /// passes, and hands back the Hessian it stopped at.
    @Test func newtonPolishesTheSurveyOptimum() throws {
        let data = BGNBDData(try LifetimeCDNOWFixture.histories())
        let starts: [[Double]] = [[0, log(5.0), 0, 0]]
        let direct = try #require(LifetimeOptimizer.minimize(data.objective, starts: starts))
        let rough = try #require(LifetimeOptimizer.minimize(data.systematicSample(every: 4).objective, starts: starts))
        var passes = 0
        let polished = try #require(LifetimeOptimizer.newton({ passes += 1; return data.objectiveWithHessian($0) },
                                                             from: rough.theta, gradientTolerance: 1.0e-10))
        #expect(polished.gradientNorm <= 1.0e-10)
        #expect(passes <= 8, "\(passes) passes")
        for i in 0..<4 { #expect(abs(polished.theta[i] - direct.theta[i]) < 1.0e-7) }
        #expect(polished.hessian == data.objectiveWithHessian(polished.theta).hessian)
        expectPublishedCDNOWFit(polished.theta.map { exp($0) })
    }

    /// Where the Hessian is not positive definite (a saddle of f = x² − y²), Newton gives up and the
    /// caller polishes with BFGS.
    @Test func newtonGivesUpWithoutPositiveCurvature() {
        let saddle: ([Double]) -> LifetimeOptimizer.SecondOrder = { v in
            (v[0] * v[0] - v[1] * v[1], [2 * v[0], -2 * v[1]], [2, 0, 0, -2])
        }
        #expect(LifetimeOptimizer.newton(saddle, from: [0.5, 0.5], gradientTolerance: 1.0e-10) == nil)
        #expect(LifetimeOptimizer.choleskySolve([4, 2, 2, 3], [2, 1], 2).map { $0.map { ($0 * 1e12).rounded() / 1e12 } } == [0.5, 0])
    }

    /// r = 0.243, α = 4.414, a = 0.793, b = 2.426 (Fader, Hardie & Lee 2005).
    private func expectPublishedCDNOWFit(_ p: [Double]) {
        let published: [Double] = [0.243, 4.414, 0.793, 2.426]
        for i in 0..<4 {
            #expect(abs(p[i] - published[i]) < 0.0005, "parameter \(i): \(p[i])")
        }
    }

    @Test func surveyStepStartsAboveTheThreshold() {
        #expect(MaximumLikelihoodFit.surveyStep(customers: 10_000) == 1)
        #expect(MaximumLikelihoodFit.surveyStep(customers: MaximumLikelihoodFit.surveyThreshold) == 1)
        #expect(MaximumLikelihoodFit.surveyStep(customers: 1_000_000) == 200)
    }

    // MARK: - Line search at the noise floor

    /// f(θ) = 1000 + Σ cᵢ (e^θᵢ − θᵢ) with a deterministic value-only wobble of 5·10⁻¹⁴ relative,
    /// the size of the rounding of a sum over many customers; the exact gradient vanishes at θ = 0.
    /// Armijo's test alone stops once the true decrease drops below the wobble, near a gradient of
    /// 1e-5; the noise rule carries BFGS on to the tolerance.
    @Test func bfgsConvergesBelowTheObjectivesNoise() throws {
        let c = [1.0, 30.0, 0.05, 4.0]
        let f: LifetimeOptimizer.Objective = { theta in
            var value = 1000.0
            for i in 0..<4 { value += c[i] * (exp(theta[i]) - theta[i]) }
            let wobble = 5.0e-14 * value * sin(1.0e7 * theta.reduce(0, +))
            return (value + wobble, (0..<4).map { c[$0] * (exp(theta[$0]) - 1) })
        }
        let result = try #require(LifetimeOptimizer.bfgs(
            f, from: [1.5, -2, 0.8, -1], gradientTolerance: LifetimeOptimizer.gradientTolerance))
        #expect(result.gradientNorm <= 1.0e-9, "gradient \(result.gradient)")
        #expect(result.theta.allSatisfy { abs($0) < 1.0e-8 })
    }
    /// An objective that keeps falling towards θ₀ → ∞ (a likelihood rising along a ridge): without a
    /// region the search walks to the coordinate bound and then runs its Nelder–Mead fallbacks; with
    /// one, the run stops at its first point outside, says so, and no fallback follows.
    @Test func searchStopsWhereItLeavesTheRegion() throws {
        var calls = 0
        let ridge: LifetimeOptimizer.Objective = { theta in
            calls += 1
            // −log(1 + e^θ₀): its slope tends to −1, so no run ever converges.
            let softplus = theta[0] > 30 ? theta[0] : log1p(exp(theta[0]))
            return (-softplus + (theta[1] - 1) * (theta[1] - 1), [-1 / (1 + exp(-theta[0])), 2 * (theta[1] - 1)])
        }
        let starts = [[0.0, 0.0], [1.0, 2.0]]
        let free = try #require(LifetimeOptimizer.search(ridge, starts: starts).best)
        let freeCalls = calls
        calls = 0
        let bounded = try #require(LifetimeOptimizer.search(ridge, starts: starts, within: { $0[0] <= 5 }).best)
        #expect(!free.leftRegion && free.theta[0] > 20 && free.gradientNorm > LifetimeOptimizer.acceptTolerance)
        #expect(bounded.leftRegion && bounded.theta[0] > 5 && bounded.theta[0] < 10)
        #expect(calls < 100 && calls * 10 < freeCalls, "\(calls) evaluations with the region, \(freeCalls) without")
        #expect(throws: LifetimeModelError.self) {
            try MaximumLikelihoodFit.parameters(ridge, starts: starts, names: ["u", "w"], within: { $0[0] <= 5 })
        }
    }
}
