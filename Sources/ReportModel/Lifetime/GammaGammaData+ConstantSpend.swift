import Foundation

extension GammaGammaData {
    /// The Gamma-Gamma likelihood's p → ∞ limit with c = p·v held (internal): each customer's spend
    /// per transaction no longer varies around their mean, which is m itself, spread across customers
    /// as an inverse gamma, m ~ InvGamma(q, c). Per customer, log L → q log c − log Γ(q) −
    /// (q + 1) log m − c/m, whatever x (Stirling's log Γ(px + q) − log Γ(px) → q log(px), and
    /// (px + q) log(1 + v/(mx)) → c/m). Its maximum is in closed form but for one root:
    /// log q − ψ(q) = log(mean of 1/m) + mean of log m (> 0 unless every m is the same), then
    /// c = q / (mean of 1/m). Nil when every m is the same (q → ∞ as well) or the root is not found.
    func constantSpendFit() -> (q: Double, c: Double, logLikelihood: Double)? {
        guard customers > 0 else { return nil }
        let n = Double(customers)
        let (inverseSum, logSum) = inverseAndLogSpendSums()
        let meanInverse = inverseSum / n
        let target = log(meanInverse) + logSum / n
        guard target.isFinite, target > 1.0e-12 else { return nil }
        // log q − ψ(q) falls from +∞ to 0 as q grows: bisection on log q, then Newton's polish is not
        // needed at 200 halvings of [−40, 40] (far below the double's resolution).
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            let q = exp(mid)
            if log(q) - LifetimeMath.digamma(q) > target { lo = mid } else { hi = mid }
            if hi - lo < 1.0e-15 * max(1, abs(mid)) { break }
        }
        let q = exp(0.5 * (lo + hi))
        guard q.isFinite, q > 0, hi < 40, lo > -40 else { return nil }
        let c = q / meanInverse
        let ll = constantSpendLogLikelihood(q: q, c: c)
        guard ll.isFinite else { return nil }
        return (q, c, ll)
    }

    /// The limit's total log-likelihood at (q, c).
    func constantSpendLogLikelihood(q: Double, c: Double) -> Double {
        let n = Double(customers)
        let (inverseSum, logSum) = inverseAndLogSpendSums()
        return n * (q * log(c) - LifetimeMath.logGamma(q)) - (q + 1) * logSum - c * inverseSum
    }

    /// Σ 1/m and Σ log m over the customers (the limit's sufficient statistics).
    private func inverseAndLogSpendSums() -> (inverse: Double, log: Double) {
        var inverseSum = 0.0, logSum = 0.0
        for group in counts.indices {
            logSum += countLogSpend[group]
            let x = counts[group]
            // entryTotal = m·x, so x / entryTotal = 1/m.
            for e in groupStart[group]..<groupStart[group + 1] { inverseSum += entryWeight[e] * x / entryTotal[e] }
        }
        return (inverseSum, logSum)
    }
}
