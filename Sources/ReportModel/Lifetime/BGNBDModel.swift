import Foundation

/// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the
/// easy way"): while alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat
/// purchase they drop out with probability p ~ Beta(a, b).
public enum BGNBDModel {
    // MARK: - Settings

    /// Fewer customers than this are not fitted.
    public static let minimumCustomers = 4

    // MARK: - Fitting

    /// Maximum-likelihood fit of (r, α, a, b) over all histories.
    ///
    /// Maximises the log-likelihood over log-parameters with BFGS from several starts (and
    /// Nelder–Mead as fallback). Throws `tooFewCustomers` below `minimumCustomers` and
    /// `didNotConverge` when the search does not reach a stationary point, or the maximum lies
    /// on the boundary (a parameter running to 0 or ∞, e.g. when nobody bought twice, or the
    /// Hessian there is not positive definite).
    public static func fit(_ histories: [PurchaseHistory]) throws -> BGNBDParameters {
        try fit(BGNBDData(histories))
    }

    /// a + b from which a fit is taken to lie on the a, b → ∞ ridge (the spread of the dropout
    /// probability is then below 1 % of any mean dropout probability over 1 %); the report then says
    /// the dropout probability is the same for every customer.
    public static let ridgeScale = 1.0e4
    /// a + b beyond which the four-parameter search stops a run (a hundred times `ridgeScale`): a
    /// point there is on the ridge, where the constant-dropout limit is taken unless a point clearly
    /// beats it. Before this bound, such a search crept along the ridge until its iteration limits: on
    /// 50,000 simulated constant-dropout customers, 58,522 evaluations of the likelihood and 67 s for
    /// one month's fit.
    static let ridgeExitScale = 100 * ridgeScale
    /// a + b below which the four-parameter search's best point is taken to lie on the a, b → 0 face.
    static let otherFace = 1.0e-3
    /// a + b reported for the constant-dropout limit: every prediction made from (a, b) is then the
    /// limit's to about 1e-8 relative, far below the printed digits.
    static let limitScale = 1.0e8

    /// The same fit on histories already grouped.
    ///
    /// Where the data show no spread in the dropout probability, the likelihood keeps rising along
    /// the a, b → ∞ ridge and the four-parameter search either fails there or stops at an arbitrary
    /// point of it (on an 800-customer sample, fitted in two months of six and "did not converge" in
    /// four). The limit — one dropout probability π for everyone — is then fitted as a model of its
    /// own (`constantDropoutFit`) and reported with a = π·`limitScale`, b = (1 − π)·`limitScale`.
    static func fit(_ data: BGNBDData) throws -> BGNBDParameters {
        guard data.customers >= minimumCustomers else {
            throw LifetimeModelError.tooFewCustomers(data.customers)
        }
        guard data.repeatBuyers > 0 else {
            throw LifetimeModelError.didNotConverge("no customer made a repeat purchase")
        }
        var reached: (logLikelihood: Double, parameters: [Double])?
        let general = Result { try fitFourParameters(data) { reached = (-$0 * Double(data.customers), $1) } }
        if case .success(let p) = general, p.a + p.b < ridgeScale { return p }
        if let limit = constantDropoutFit(data) {
            if case .success(let found) = general {
                // On the ridge: the limit unless the search's point is clearly higher.
                if MaximumLikelihoodFit.limitMatches(
                    limit.logLikelihood, found: found.logLikelihood, largestArgument: found.a + found.b, customers: data.customers) { return limit }
            } else if let (best, at) = reached {
                // No reportable maximum. The limit is the answer when no point searched beats it, or
                // when the best one does not fit clearly better and does not lie on the other face,
                // a, b → 0 (a + b below `otherFace`): that is another model (some customers never drop
                // out, the others at once), the limit is not the maximum there, and the fit is
                // reported as not converged (the first 100 CDNOW customers peak there, 3.3 above the
                // limit; a 24-customer month of a small ledger, 1.1 above it). A flat maximum at
                // small a + b is not that face: a 6,580-customer ledger month peaks flat at
                // a + b = 0.019, 0.16 above the limit, and keeps the limit.
                if MaximumLikelihoodFit.limitStands(limit.logLikelihood, best: best, towardsFace: at[2] + at[3] >= otherFace) { return limit }
            } else {
                return limit
            }
        }
        return try general.get()
    }

    /// Maximum-likelihood fit of all four parameters (`fit` without the ridge rule).
    /// `reached` is told the best mean objective found and its parameters, before the checks that
    /// may reject them.
    static func fitFourParameters(_ data: BGNBDData, reached: ((Double, [Double]) -> Void)? = nil) throws -> BGNBDParameters {
        // Starting points: rates on the scale of the observed purchase rate.
        let scale = data.rateScale
        let starts: [[Double]] = [
            [0, log(scale), 0, 0],
            [log(0.5), log(0.5 * scale), log(0.5), log(2)],
            [0, 0, 0, 0],
            [log(2), log(2 * scale), log(1.5), log(5)],
            [log(0.25), log(0.1 * scale), log(0.25), log(0.5)],
        ]
        let step = MaximumLikelihoodFit.surveyStep(customers: data.customers)
        let survey = step > 1 ? data.systematicSample(every: step) : nil
        let memo = LogLikelihoodMemo()
        let p = try MaximumLikelihoodFit.parameters(
            { data.objective($0, memo: memo) }, survey: survey.map { sample in { sample.objective($0) } },
            secondOrder: { data.objectiveWithHessian($0, memo: memo) }, starts: starts, names: ["r", "alpha", "a", "b"],
            within: { theta in exp(theta[2]) + exp(theta[3]) <= ridgeExitScale }, reached: reached)
        let ll = memo.logLikelihood(at: p) ?? data.logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3], wantGradient: false).value
        return BGNBDParameters(r: p[0], alpha: p[1], a: p[2], b: p[3], logLikelihood: ll)
    }

    /// The constant-dropout limit (r, α, π) fitted by maximum likelihood, as BG/NBD parameters with
    /// a + b = `limitScale` and the limit's own log-likelihood; nil when its fit fails (π running to
    /// 0 or 1 among others) or when the four-parameter model fits clearly better somewhere along the
    /// ray a = πK, b = (1−π)K (a likelihood-ratio test).
    static func constantDropoutFit(_ data: BGNBDData) -> BGNBDParameters? {
        let scale = data.rateScale
        let logit = { (q: Double) in log(q / (1 - q)) }
        let starts: [[Double]] = [
            [0, log(scale), logit(0.1)],
            [log(0.5), log(0.5 * scale), logit(0.3)],
            [log(2), log(2 * scale), logit(0.03)],
        ]
        guard let p = try? MaximumLikelihoodFit.parameters(
            data.constantDropoutObjective, starts: starts, names: ["r", "alpha", "pi / (1 - pi)"]) else { return nil }
        let (r, alpha, pi) = (p[0], p[1], p[2] / (1 + p[2]))
        let ll = data.constantDropoutLogLikelihood(r: r, alpha: alpha, pi: pi).value
        // No evidence of a spread in the dropout probability: along the ray a = πK, b = (1−π)K of
        // the four-parameter model (at the limit's r, α and π), no K beats the limit by a
        // likelihood-ratio statistic of 3.84 (χ² with one degree of freedom at 95 %). Simulated
        // constant-dropout data can peak at some large K, too flat there for the search's strictness
        // test. Small K stand for the other face, a, b → 0; the CDNOW data beat the limit by 2 × 7.4
        // at K = 100.
        let best = [1.0e-3, 1.0e-2, 0.1, 1, 10, 100, 1.0e3, ridgeScale, 10 * ridgeScale].map {
            data.logLikelihood(r: r, alpha: alpha, a: pi * $0, b: (1 - pi) * $0, wantGradient: false).value
        }.max() ?? -.infinity
        guard ll.isFinite, 2 * (best - ll) < MaximumLikelihoodFit.likelihoodRatioBound else { return nil }
        return BGNBDParameters(r: r, alpha: alpha, a: pi * limitScale, b: (1 - pi) * limitScale, logLikelihood: ll)
    }

    // MARK: - Per-customer formulas

    /// Log-likelihood of one history (FHL 2005, eq. 6):
    /// L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x))
    ///   + δ(x>0) B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+tx)^(r+x)).
    public static func logLikelihood(_ params: (r: Double, alpha: Double, a: Double, b: Double), _ h: PurchaseHistory) -> Double {
        let (r, alpha, a, b) = params
        let (x, tx, T) = h.modelTriple
        let a1 = LifetimeMath.logGamma(r + x) - LifetimeMath.logGamma(r) + r * log(alpha)
        let a2 = LifetimeMath.logGamma(a + b) + LifetimeMath.logGamma(b + x)
            - LifetimeMath.logGamma(b) - LifetimeMath.logGamma(a + b + x)
        let a3 = -(r + x) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + x - 1) - (r + x) * log(alpha + tx)
        return a1 + a2 + LifetimeMath.logAddExp(a3, a4)
    }

    /// Probability the customer is alive at T (Fader, Hardie & Lee 2008, note 021):
    /// 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x)).
    public static func probabilityAlive(_ p: BGNBDParameters, _ h: PurchaseHistory) -> Double {
        let (x, tx, T) = h.modelTriple
        return probabilityAlive(p, x: x, tx: tx, T: T)
    }

    /// Conditional expected number of purchases in (T, T + t] (FHL 2005, eq. 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive).
    ///
    /// Evaluated in a form that is regular at a = 1 and for any x; very close to z = 1 (a
    /// horizon far longer than α + T) by quadrature of the posterior expectation instead.
    public static func expectedPurchases(_ p: BGNBDParameters, _ h: PurchaseHistory, horizon t: Double) -> Double {
        let (x, tx, T) = h.modelTriple
        guard t > 0 else { return 0 }
        return probabilityAlive(p, x: x, tx: tx, T: T) * expectedPurchasesIfAlive(p, x: x, T: T, horizon: t)
    }

    // MARK: - Internal

    /// P(alive) from a sanitised triple, via the log-odds.
    static func probabilityAlive(_ p: BGNBDParameters, x: Double, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        return probabilityAlive(p, x: x, tx: tx, T: T, countTerm: aliveCountTerm(p, x: x))
    }

    /// The part of the log-odds of P(alive) that depends on x only, log a − log(b + x − 1): callers
    /// that walk many customers in x order compute it once per x.
    static func aliveCountTerm(_ p: BGNBDParameters, x: Double) -> Double {
        log(p.a) - log(p.b + x - 1)
    }

    /// P(alive) for x > 0 given `aliveCountTerm(p, x: x)`.
    @inline(__always)
    static func probabilityAlive(_ p: BGNBDParameters, x: Double, tx: Double, T: Double, countTerm: Double) -> Double {
        let logOdds = countTerm + (p.r + x) * log1p((T - tx) / (p.alpha + tx))
        return LifetimeMath.logisticOfNegative(logOdds)
    }

    /// E[X(T, T+t) | alive at T, x, T]: with λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) a posteriori,
    /// c·[1 − (1−z)^ε F(A, ε; c; z)] / ε with c = a+b+x−1, ε = a−1, A = a+b−1−r, z = t/(α+T+t)
    /// (Euler's transformation of eq. 10), written as c·(−expm1(ε L)/ε) − e^(εL)·S with
    /// L = log(1−z) and S = c·(F − 1)/ε, both regular at ε = 0 and c = 0.
    static func expectedPurchasesIfAlive(_ p: BGNBDParameters, x: Double, T: Double, horizon t: Double) -> Double {
        expectedPurchasesIfAlive(p, x: x, T: T, horizons: [t])[0]
    }

    /// The same expectation at several horizons, the series of all of them summed together
    /// (`Hypergeometric.scaledIncrements`); each value is the one a single call gives.
    static func expectedPurchasesIfAlive(_ p: BGNBDParameters, x: Double, T: Double, horizons: [Double]) -> [Double] {
        let workspace = SeriesWorkspace(capacity: horizons.count)
        return horizons.withUnsafeBufferPointer { t in
            [Double](unsafeUninitializedCapacity: horizons.count) { out, initialized in
                expectedPurchasesIfAlive(p, x: x, T: T, horizons: t.baseAddress!, count: t.count, into: out.baseAddress!, workspace: workspace)
                initialized = t.count
            }
        }
    }

    /// `expectedPurchasesIfAlive` at `count` horizons on raw buffers, with no allocation (the CLV
    /// step calls it for every (x, T) group).
    static func expectedPurchasesIfAlive(
        _ p: BGNBDParameters, x: Double, T: Double, horizons: UnsafePointer<Double>, count: Int,
        into out: UnsafeMutablePointer<Double>, workspace: SeriesWorkspace
    ) {
        expectedPurchasesIfAliveSeries(p, x: x, T: T, horizons: horizons, count: count, into: out, workspace: workspace)
        var unanswered = 0
        for j in 0..<count {
            if !(horizons[j] > 0) {
                out[j] = 0
            } else if out[j].isNaN {
                // A horizon the short series left out for its z alone gets the long series first: the
                // quadrature is 2.5e-6 off where a is near 0 (a = 0.0057, b = 0.013 in a random
                // ledger's fit, z = 0.9806: 23.981213 against 23.981177 by the series and by mpmath).
                let z = horizons[j] / (p.alpha + T + horizons[j])
                if z > seriesLimit, let value = expectedPurchasesIfAliveLongSeries(p, x: x, T: T, horizon: horizons[j]) {
                    out[j] = value
                } else {
                    unanswered += 1
                }
            }
        }
        guard unanswered > 0 else { return }
        // Under a spiked posterior (a fit on the a, b → ∞ ridge, where the series fails at every
        // horizon) all the horizons are integrated over the same nodes.
        if unanswered > 1, let peak = BetaPeak(a: p.a, b: p.b + x) {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * unanswered) { buffer in
                let us = buffer.baseAddress!, values = us + unanswered
                var n = 0
                for j in 0..<count where horizons[j] > 0 && out[j].isNaN {
                    us[n] = horizons[j] / (p.alpha + T)
                    n += 1
                }
                let k = p.r + x
                peak.means(count: n, into: values) { q, h in
                    for i in 0..<n { h[i] = purchasesIfAliveAt(q, k: k, u: us[i]) }
                }
                // The same horizons in the same order (each stays NaN until written).
                var i = 0
                for j in 0..<count where horizons[j] > 0 && out[j].isNaN {
                    out[j] = max(values[i], 0)
                    i += 1
                }
            }
            return
        }
        for j in 0..<count where horizons[j] > 0 && out[j].isNaN {
            out[j] = expectedPurchasesIfAliveQuadrature(p, x: x, T: T, horizon: horizons[j])
        }
    }

    /// (1 − (1 + q u)^(−k)) / q, the expected purchases over a horizon of u (α + T) for a customer
    /// who drops out with probability q after each purchase, tending to k·u at q = 0.
    @inline(__always)
    static func purchasesIfAliveAt(_ q: Double, k: Double, u: Double) -> Double {
        q > 0 ? -expm1(-k * log1p(q * u)) / q : k * u
    }

    /// Largest z the short series answers (beyond it, its terms fall slowly).
    static let seriesLimit = 0.98
    /// Largest z the long series is tried at (about 20,000 terms to reach double precision).
    static let longSeriesLimit = 0.998

    /// The series form at one horizon, summed for up to 25,000 terms; nil beyond `longSeriesLimit`
    /// or when it does not converge in them.
    static func expectedPurchasesIfAliveLongSeries(_ p: BGNBDParameters, x: Double, T: Double, horizon t: Double) -> Double? {
        let z = t / (p.alpha + T + t)
        guard z <= longSeriesLimit, let s = Hypergeometric.scaledIncrement(p.a + p.b - 1 - p.r, p.a - 1, p.a + p.b + x - 1, z, maxTerms: 25_000) else { return nil }
        let value = purchasesFromIncrement(p, x: x, T: T, horizon: t, increment: s)
        return value.isNaN ? nil : value
    }

    /// c·(−expm1(ε L)/ε) − e^(εL)·S (see `expectedPurchasesIfAlive`) from the scaled increment S at
    /// horizon t; NaN when not finite.
    @inline(__always)
    static func purchasesFromIncrement(_ p: BGNBDParameters, x: Double, T: Double, horizon t: Double, increment s: Double) -> Double {
        let c = p.a + p.b + x - 1
        let epsilon = p.a - 1
        let logOneMinusZ = log1p(-t / (p.alpha + T + t))
        let el = epsilon * logOneMinusZ
        let growth = epsilon == 0 ? -logOneMinusZ : -expm1(el) / epsilon
        let value = c * growth - exp(el) * s
        return value.isFinite ? max(value, 0) : .nan
    }

    /// The series form; nil when the series does not converge quickly.
    static func expectedPurchasesIfAliveSeries(_ p: BGNBDParameters, x: Double, T: Double, horizon t: Double) -> Double? {
        expectedPurchasesIfAliveSeries(p, x: x, T: T, horizons: [t])[0]
    }

    /// The series form at several horizons; nil for a horizon of z > 0.98 (where the series
    /// converges slowly) or whose series does not converge.
    static func expectedPurchasesIfAliveSeries(_ p: BGNBDParameters, x: Double, T: Double, horizons: [Double]) -> [Double?] {
        let workspace = SeriesWorkspace(capacity: horizons.count)
        let values = horizons.withUnsafeBufferPointer { t in
            [Double](unsafeUninitializedCapacity: horizons.count) { out, initialized in
                expectedPurchasesIfAliveSeries(p, x: x, T: T, horizons: t.baseAddress!, count: t.count, into: out.baseAddress!, workspace: workspace)
                initialized = t.count
            }
        }
        return values.map { $0.isNaN ? nil : $0 }
    }

    /// The series form on raw buffers: NaN for a horizon the series does not give.
    static func expectedPurchasesIfAliveSeries(
        _ p: BGNBDParameters, x: Double, T: Double, horizons: UnsafePointer<Double>, count: Int,
        into out: UnsafeMutablePointer<Double>, workspace: SeriesWorkspace
    ) {
        precondition(count <= workspace.capacity)
        let c = p.a + p.b + x - 1
        let epsilon = p.a - 1
        let bigA = p.a + p.b - 1 - p.r
        let zs = workspace.callerBlocks
        let summed = zs + workspace.capacity
        let increments = zs + 2 * workspace.capacity
        // The series is summed at 0 for a z > `seriesLimit` (answered by the long series or by
        // quadrature instead).
        for j in 0..<count {
            let t = horizons[j]
            zs[j] = t / (p.alpha + T + t)
            summed[j] = zs[j] > seriesLimit ? 0 : zs[j]
        }
        Hypergeometric.scaledIncrementsByHorner(bigA, epsilon, c, summed, count: count, into: increments, workspace: workspace)
        for j in 0..<count {
            let s = increments[j]
            guard zs[j] <= seriesLimit, !s.isNaN else { out[j] = .nan; continue }
            out[j] = purchasesFromIncrement(p, x: x, T: T, horizon: horizons[j], increment: s)
        }
    }

    /// The same expectation as ∫ (1 − (1 + p u)^(−(r+x))) / p · Beta(p; a, b+x) dp, u = t/(α+T),
    /// by tanh-sinh quadrature (substituting y = p^a or (1−p)^(b+x) at an end whose exponent is
    /// below 1, and splitting at p = 1/u where the integrand bends).
    static func expectedPurchasesIfAliveQuadrature(_ p: BGNBDParameters, x: Double, T: Double, horizon t: Double) -> Double {
        let k = p.r + x
        let beta = p.b + x
        let a = p.a
        let u = t / (p.alpha + T)
        func h(_ q: Double) -> Double { purchasesIfAliveAt(q, k: k, u: u) }
        if let window = BetaPeak(a: a, b: beta) {
            return max(window.mean(of: h), 0)
        }
        let logB = LifetimeMath.logBeta(a, beta)
        // Left half, p in [0, 1/2]: ∫ h(p) p^(a−1) (1−p)^(β−1) dp.
        func left(_ lo: Double, _ hi: Double) -> Double {
            if a < 1 {
                // y = p^a: p^(a−1) dp = dy / a.
                return LifetimeQuadrature.tanhSinh(from: pow(lo, a), to: pow(hi, a)) { y, _ in
                    let q = pow(y, 1 / a)
                    return h(q) * exp((beta - 1) * log1p(-q) - logB) / a
                }
            }
            return LifetimeQuadrature.tanhSinh(from: lo, to: hi) { q, _ in
                q > 0 ? h(q) * exp((a - 1) * log(q) + (beta - 1) * log1p(-q) - logB) : (a == 1 ? h(0) * exp(-logB) : 0)
            }
        }
        // Right half, p in [1/2, 1].
        func right() -> Double {
            if beta < 1 {
                // y = (1−p)^β: (1−p)^(β−1) dp = −dy / β.
                return LifetimeQuadrature.tanhSinh(from: 0, to: pow(0.5, beta)) { y, _ in
                    let w = pow(y, 1 / beta)
                    return h(1 - w) * exp((a - 1) * log1p(-w) - logB) / beta
                }
            }
            return LifetimeQuadrature.tanhSinh(from: 0.5, to: 1) { q, w in
                w > 0 ? h(q) * exp((a - 1) * log(q) + (beta - 1) * log(w) - logB) : 0
            }
        }
        var total = right()
        let bend = 1 / u
        if bend < 0.25 {
            total += left(0, bend) + left(bend, 0.5)
        } else {
            total += left(0, 0.5)
        }
        return max(total, 0)
    }
}
