import Foundation

/// The maximum-likelihood search both lifetime models share (internal): minimise the mean negative
/// log-likelihood over log-parameters from several starts, then accept the optimum only as a strict,
/// interior maximum.
enum MaximumLikelihoodFit {
    /// A fitted log-parameter beyond ±this is taken as a likelihood maximised on the boundary.
    static let divergenceBound = 23.0
    /// The smallest Hessian eigenvalue of the mean negative log-likelihood (per customer, in
    /// log-parameters) must exceed this times the largest for the maximum to count as strict.
    static let minimumCurvature = 1.0e-6

    /// A data set with more customers than this is first searched on a systematic sample of about
    /// `surveyCustomers` (see `parameters`).
    static let surveyThreshold = 80_000
    static let surveyCustomers = 5_000
    /// The most survey optima polished on the whole data.
    static let surveyCandidates = 3
    /// A survey optimum with a log-parameter beyond ±this (a parameter past e^10 ≈ 22,000 or below
    /// its inverse) is not polished: the sample's likelihood runs flat towards the boundary there, and
    /// a polish from it can stay on that ridge when the whole data peak inside (seen on a 62 k-buyer
    /// ledger month surveyed on 5,000 customers: a = 3.7 M instead of a = 2.8, 2.5 log-likelihood
    /// units lower). The search then runs on the whole data.
    static let surveyBound = 10.0

    /// χ²(1) at 95 %: the likelihood-ratio statistic below which a boundary limit, fitted as a model
    /// of its own, is not beaten by a point of the full model (see `limitStands`).
    static let likelihoodRatioBound = 3.84

    /// Whether a boundary limit (a model of its own, log-likelihood `limit`) is the answer where the
    /// full model's search converged on that face at log-likelihood `found`: unless the found point is
    /// clearly higher. Its log-likelihood carries the rounding of log Γ at arguments near
    /// `largestArgument`, once per customer (on 800 customers a BG/NBD ridge point came out above the
    /// limit by 1.1e-6 at a + b = 1.2e7 and by 1.6e-4 at a + b = 1.8e8: the search drifts along the
    /// ridge on that noise).
    static func limitMatches(_ limit: Double, found: Double, largestArgument: Double, customers: Int) -> Bool {
        let rounding = 4 * LifetimeMath.logGamma(largestArgument).ulp * Double(customers)
        return limit >= found - rounding - 1.0e-8 * abs(found)
    }

    /// Whether a boundary limit (log-likelihood `limit`) is the answer where the full model's search
    /// found no reportable maximum, its best point at log-likelihood `best`: when that point does not
    /// beat the limit at all, or lies towards the limit's face and does not beat it by
    /// `likelihoodRatioBound`.
    static func limitStands(_ limit: Double, best: Double, towardsFace: Bool) -> Bool {
        let gain = best - limit
        return gain <= 1.0e-8 * abs(limit) || (towardsFace && 2 * gain < likelihoodRatioBound)
    }

    /// The sampling step for `customers` customers: 1 (no survey) up to `surveyThreshold`.
    static func surveyStep(customers: Int) -> Int {
        customers > surveyThreshold ? customers / surveyCustomers : 1
    }

    /// The fitted parameters (natural scale, in the order of `names`). Throws `didNotConverge` when
    /// the search does not reach a stationary point, or the maximum lies on the boundary (a parameter
    /// running to 0 or ∞) or is not strict (the Hessian there is not positive definite).
    ///
    /// With a `survey` (the same mean likelihood on a systematic sample of the customers), the
    /// multi-start search runs on the survey and BFGS then polishes its optima on the whole data,
    /// starting from the survey's inverse-Hessian estimates (both objectives are per customer, so
    /// their curvatures agree). On 1 M × 12 sample snapshots this took the BG/NBD fit from 53–107
    /// evaluations of the whole likelihood (0.09–0.34 s) to about a dozen; the answer is the same
    /// stationary point to the gradient tolerance. When no polish converges, the full multi-start
    /// search runs on the whole data. A survey of 5,000 customers instead of 20,000 took the surveys
    /// of a 63-month-end ledger build from about 20 + 24 ms to 6 + 5 ms per month end (BG/NBD +
    /// Gamma-Gamma, ~45 evaluations each), with the same polish (5–8 evaluations of the whole data).
    ///
    /// `reached` is told the best objective value found and its parameters (natural scale), before
    /// the checks that may reject them.
    ///
    /// A `region` bounds the search (see `LifetimeOptimizer.search`): a best point that left it is
    /// reported as not converged, without a fallback search beyond it.
    ///
    /// `secondOrder` (the objective with its exact Hessian, row-major, in one pass) polishes the survey's
    /// optima by Newton's method (BFGS where the Hessian is not positive definite on the way) and serves
    /// the strictness test; the forward-difference Hessian it replaces there (one evaluation of the
    /// whole likelihood per parameter) was a fifth of a 63-month-end ledger build's fitting time.
    /// Polishing by Newton instead of BFGS took the polish and Hessian CPU samples of a 63-month-end
    /// ledger build from 1,705 to 1,214 (perf, both models).
    static func parameters(
        _ objective: LifetimeOptimizer.Objective, survey: LifetimeOptimizer.Objective? = nil,
        secondOrder: (([Double]) -> LifetimeOptimizer.SecondOrder)? = nil, starts: [[Double]], names: [String],
        within region: LifetimeOptimizer.Region? = nil, reached: ((Double, [Double]) -> Void)? = nil
    ) throws -> [Double] {
        var found: LifetimeOptimizer.Result?
        if let survey {
            // Each distinct optimum of the survey (the best few) is polished on the whole data, and the
            // best polished one kept: a survey can rank two optima otherwise than the whole data does.
            let (rough, optima) = LifetimeOptimizer.search(survey, starts: starts, within: region)
            let candidates = optima.isEmpty ? rough.map { [$0] } ?? [] : Array(optima.prefix(surveyCandidates))
            for candidate in candidates where !candidate.theta.contains(where: { abs($0) > surveyBound }) {
                let newton = secondOrder.flatMap {
                    LifetimeOptimizer.newton($0, from: candidate.theta, gradientTolerance: LifetimeOptimizer.gradientTolerance)
                }.flatMap { $0.gradientNorm <= LifetimeOptimizer.acceptTolerance ? $0 : nil }
                guard let polished = newton ?? LifetimeOptimizer.bfgs(
                    objective, from: candidate.theta, gradientTolerance: LifetimeOptimizer.gradientTolerance,
                    initialInverseHessian: candidate.inverseHessian, within: region),
                    polished.gradientNorm <= LifetimeOptimizer.acceptTolerance else { continue }
                if found.map({ polished.value < $0.value }) ?? true { found = polished }
            }
        }
        if found == nil { found = LifetimeOptimizer.minimize(objective, starts: starts, within: region) }
        guard let best = found else {
            throw LifetimeModelError.didNotConverge("the log-likelihood is not finite at any start")
        }
        reached?(best.value, best.theta.map { exp($0) })
        if best.leftRegion && best.gradientNorm > LifetimeOptimizer.acceptTolerance {
            throw LifetimeModelError.didNotConverge(
                "the likelihood keeps rising beyond the region searched (at \(zip(names, best.theta).map { "\($0) = \(exp($1))" }.joined(separator: ", ")))")
        }
        if best.gradientNorm > 1.0e-6 {
            throw LifetimeModelError.didNotConverge(
                "no interior maximum found (largest gradient \(best.gradientNorm) after \(best.iterations) iterations); "
                    + "the likelihood may peak on the boundary")
        }
        if let i = best.theta.firstIndex(where: { abs($0) > divergenceBound }) {
            throw LifetimeModelError.didNotConverge(
                "the likelihood is maximised on the boundary (\(names[i]) → \(best.theta[i] > 0 ? "∞" : "0"))")
        }
        // Strict when the exact Hessian, or else its forward-difference estimate over a step of 1e-4
        // (the test used alone before the exact one), is positive definite to `minimumCurvature`.
        // The estimate also accepts a maximum whose likelihood is flat at the point but still bends
        // within the step, as at the first month of the shipped examples (a and b in the hundreds of
        // thousands, a/(a+b) well determined): such fits keep being shown.
        func strict(_ eigenvalues: [Double]) -> Bool {
            guard let lowest = eigenvalues.first, let highest = eigenvalues.last else { return true }
            return lowest > minimumCurvature * max(1, highest)
        }
        let exact = (best.hessian ?? secondOrder.map { $0(best.theta).hessian })
            .map { LifetimeOptimizer.symmetricEigenvalues($0, best.theta.count).sorted() }
        let eigenvalues = exact.flatMap { strict($0) ? $0 : nil }
            ?? LifetimeOptimizer.hessianEigenvalues(objective, at: best.theta, gradient: best.gradient)
        if !strict(eigenvalues), let lowest = eigenvalues.first {
            throw LifetimeModelError.didNotConverge(
                "the maximum is not strict (smallest curvature \(lowest)): the likelihood is flat along a direction, as at a boundary solution")
        }
        return best.theta.map { exp($0) }
    }

    /// The mean negative log-likelihood per customer and its gradient over θ = log(parameters), from
    /// the log-likelihood's `value` and `gradient` over the parameters: ∂f/∂θᵢ = −pᵢ gᵢ / customers.
    static func logParameterObjective(_ value: Double, gradient: [Double], parameters p: [Double], customers: Int) -> (value: Double, gradient: [Double]) {
        let n = Double(max(customers, 1))
        return (-value / n, p.indices.map { -gradient[$0] * p[$0] / n })
    }

    /// The Hessian of the mean negative log-likelihood over θ = log(parameters), from the
    /// log-likelihood's `hessian` and `gradient` over the parameters (row-major, n × n):
    /// ∂²f/∂θᵢ∂θⱼ = −(pᵢ pⱼ Hᵢⱼ + δᵢⱼ pᵢ gᵢ) / customers.
    static func logParameterHessian(_ hessian: [Double], gradient: [Double], parameters p: [Double], customers: Int) -> [Double] {
        let n = p.count
        let scale = -1 / Double(max(customers, 1))
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] = scale * (p[i] * p[j] * hessian[i * n + j] + (i == j ? p[i] * gradient[i] : 0))
            }
        }
        return h
    }
}
