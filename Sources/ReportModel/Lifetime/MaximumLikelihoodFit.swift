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

    /// The fitted parameters (natural scale, in the order of `names`). Throws `didNotConverge` when
    /// the search does not reach a stationary point, or the maximum lies on the boundary (a parameter
    /// running to 0 or ∞) or is not strict (the Hessian there is not positive definite).
    static func parameters(_ objective: LifetimeOptimizer.Objective, starts: [[Double]], names: [String]) throws -> [Double] {
        guard let best = LifetimeOptimizer.minimize(objective, starts: starts) else {
            throw LifetimeModelError.didNotConverge("the log-likelihood is not finite at any start")
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
        let curvature = LifetimeOptimizer.hessianEigenvalues(objective, at: best.theta)
        if let lowest = curvature.first, let highest = curvature.last, !(lowest > minimumCurvature * max(1, highest)) {
            throw LifetimeModelError.didNotConverge(
                "the maximum is not strict (smallest curvature \(lowest)): the likelihood is flat along a direction, as at a boundary solution")
        }
        return best.theta.map { exp($0) }
    }
}
