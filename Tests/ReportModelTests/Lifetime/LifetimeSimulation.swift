import Foundation
@testable import ReportModel

/// Customers simulated from known BG/NBD and Gamma-Gamma parameters.
enum LifetimeSimulation {
    // MARK: - BG/NBD + Gamma-Gamma

    /// `count` customers with λ ~ Gamma(r, α), p ~ Beta(a, b): purchases at rate λ after the
    /// first at time 0, drop-out with probability p after each repeat purchase, observed until
    /// an age T drawn by `age`. Each transaction's value is Gamma(spend.p, ν) with
    /// ν ~ Gamma(spend.q, spend.v); m is the mean over the repeat purchases.
    static func customers(
        count: Int, r: Double, alpha: Double, a: Double, b: Double,
        spend: (p: Double, q: Double, v: Double) = (6, 4, 15), seed: UInt64,
        age: (inout LifetimeTestRNG) -> Double
    ) -> [PurchaseHistory] {
        var rng = LifetimeTestRNG(seed: seed)
        var out: [PurchaseHistory] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let lambda = rng.gamma(shape: r, rate: alpha)
            let dropout = rng.beta(a, b)
            let nu = rng.gamma(shape: spend.q, rate: spend.v)
            let T = age(&rng)
            var x = 0.0, tx = 0.0, time = 0.0, total = 0.0
            while true {
                time += rng.exponential(rate: lambda)
                if time > T { break }
                x += 1
                tx = time
                total += rng.gamma(shape: spend.p, rate: nu)
                if rng.uniform() < dropout { break }
            }
            out.append(PurchaseHistory(x: x, tx: tx, T: T, meanRepeatSpend: x > 0 ? total / x : 0))
        }
        return out
    }
}
