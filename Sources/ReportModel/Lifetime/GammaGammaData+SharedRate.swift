import Foundation

extension GammaGammaData {
    /// The Gamma-Gamma likelihood's q → ∞ limit with v / q = 1/ν held (internal): every customer
    /// has the same rate ν, so the mean m of x transactions is Gamma(px, νx) for everyone and no
    /// customer's mean differs from another's but by chance (a ledger whose amounts are drawn alike
    /// for every customer). Per customer, log L → px log(νx) + (px − 1) log m − νxm − log Γ(px).
    /// Its maximum: ν = p·Σx / Σxm, then p is the one root of
    /// Σ x·(log p + log(Σx / Σxm) + log x + log m − ψ(px)) = 0 (decreasing in p, as ψ'(z) > 1/z).
    /// Nil when that root is not found inside e^±40.
    func sharedRateFit() -> (p: Double, rate: Double, logLikelihood: Double)? {
        guard customers > 0 else { return nil }
        var weightedCount = 0.0, spend = 0.0, constant = 0.0
        for group in counts.indices {
            let x = counts[group], w = countWeight[group]
            weightedCount += w * x
            constant += x * (w * log(x) + countLogSpend[group])
            for e in groupStart[group]..<groupStart[group + 1] { spend += entryWeight[e] * entryTotal[e] }
        }
        guard weightedCount > 0, spend > 0 else { return nil }
        let logRatio = log(weightedCount / spend)
        func score(_ p: Double) -> Double {
            var s = weightedCount * (log(p) + logRatio) + constant
            for group in counts.indices { s -= counts[group] * countWeight[group] * LifetimeMath.digamma(p * counts[group]) }
            return s
        }
        var lo = -40.0, hi = 40.0
        guard score(exp(lo)) > 0, score(exp(hi)) < 0 else { return nil }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if score(exp(mid)) > 0 { lo = mid } else { hi = mid }
            if hi - lo < 1.0e-15 * max(1, abs(mid)) { break }
        }
        let p = exp(0.5 * (lo + hi))
        let rate = p * weightedCount / spend
        let ll = sharedRateLogLikelihood(p: p, rate: rate)
        guard ll.isFinite else { return nil }
        return (p, rate, ll)
    }

    /// The limit's total log-likelihood at (p, ν).
    func sharedRateLogLikelihood(p: Double, rate: Double) -> Double {
        var ll = 0.0
        for group in counts.indices {
            let x = counts[group], w = countWeight[group]
            let px = p * x
            ll += w * (px * log(rate * x) - LifetimeMath.logGamma(px)) + (px - 1) * countLogSpend[group]
            for e in groupStart[group]..<groupStart[group + 1] { ll -= rate * entryWeight[e] * entryTotal[e] }
        }
        return ll
    }
}
