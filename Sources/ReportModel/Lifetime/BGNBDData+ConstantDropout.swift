import Foundation

/// The BG/NBD likelihood in its a, b → ∞ limit with a / (a + b) → π (internal): every customer drops
/// out with the same probability π after each repeat purchase. Where the data show no spread in the
/// dropout probability the four-parameter likelihood keeps rising along that ridge and has no
/// interior maximum; this face of the boundary is then fitted as a model of its own (r, α, π).
extension BGNBDData {
    /// Log-likelihood of the limit and its gradient with respect to (r, α, π). Per history (FHL 2005,
    /// eq. 6 with B(a, b+x)/B(a, b) → (1−π)^x and B(a+1, b+x−1)/B(a, b) → π (1−π)^(x−1)):
    /// log L = log Γ(r+x) − log Γ(r) + r log α + (x−1) log(1−π) + log(e^A3 + e^A4) for x > 0, with
    /// A3 = log(1−π) − (r+x) log(α+T) and A4 = log π − (r+x) log(α+tx); r log α − r log(α+T) for x = 0.
    func constantDropoutLogLikelihood(r: Double, alpha: Double, pi: Double) -> (value: Double, gradient: [Double]) {
        let logAlpha = log(alpha)
        let (logAge, invAge, logRecency, invRecency) = ageTerms(alpha: alpha)
        let logPi = log(pi), logStay = log1p(-pi)
        var ll = 0.0, dr = 0.0, dAlpha = 0.0, dPi = 0.0
        for (i, w) in zeroWeight.enumerated() {
            let j = Int(zeroAge[i])
            ll += w * r * (logAlpha - logAge[j])
            dr += w * (logAlpha - logAge[j])
            dAlpha += w * r * (1 / alpha - invAge[j])
        }
        let lgR = LifetimeMath.logGamma(r), psiR = LifetimeMath.digamma(r)
        for (group, x) in counts.enumerated() {
            let wx = countWeight[group]
            let k = r + x
            ll += wx * (LifetimeMath.logGamma(k) - lgR + r * logAlpha + (x - 1) * logStay)
            dr += wx * (LifetimeMath.digamma(k) - psiR + logAlpha)
            dAlpha += wx * r / alpha
            dPi -= wx * (x - 1) / (1 - pi)
            for e in groupStart[group]..<groupStart[group + 1] {
                let w = entryWeight[e]
                let ja = Int(entryAge[e]), jr = Int(entryRecency[e])
                let a3 = logStay - k * logAge[ja]
                let a4 = logPi - k * logRecency[jr]
                let top = max(a3, a4)
                let e3 = exp(a3 - top), e4 = exp(a4 - top)
                let w4 = e4 / (e3 + e4), w3 = 1 - w4
                ll += w * (top + log(e3 + e4))
                dr -= w * (w3 * logAge[ja] + w4 * logRecency[jr])
                dAlpha -= w * k * (w3 * invAge[ja] + w4 * invRecency[jr])
                dPi += w * (w4 / pi - w3 / (1 - pi))
            }
        }
        return (ll, [dr, dAlpha, dPi])
    }

    /// Mean negative log-likelihood of the limit per customer over θ = (log r, log α, log(π/(1−π))).
    func constantDropoutObjective(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let r = exp(theta[0]), alpha = exp(theta[1])
        let pi = 1 / (1 + exp(-theta[2]))
        let (value, g) = constantDropoutLogLikelihood(r: r, alpha: alpha, pi: pi)
        let n = Double(max(customers, 1))
        guard value.isFinite else { return (.infinity, [0, 0, 0]) }
        return (-value / n, [-r * g[0] / n, -alpha * g[1] / n, -pi * (1 - pi) * g[2] / n])
    }
}
