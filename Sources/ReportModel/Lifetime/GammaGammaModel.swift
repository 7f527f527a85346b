import Foundation

/// The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model
/// of monetary value"): transaction values are Gamma(p, ν) around a customer's mean p/ν, with
/// ν ~ Gamma(q, v) across customers.
public enum GammaGammaModel {
    // MARK: - Settings

    /// Fewer eligible customers than this are not fitted.
    public static let minimumCustomers = 2

    // MARK: - Fitting

    /// Maximum-likelihood fit of (p, q, v) on the histories with x > 0 and m > 0; the others
    /// are left out (see `excludedCount`). Throws `tooFewCustomers` (with the eligible count)
    /// below `minimumCustomers` and `didNotConverge` when the search fails or diverges.
    public static func fit(_ histories: [PurchaseHistory]) throws -> GammaGammaParameters {
        try fit(GammaGammaData(histories))
    }

    /// p (or q) from which a fit is taken to lie on the p → ∞ face (no spread of a customer's spend
    /// around their mean) or the q → ∞ face (no spread of the customers' means), where the limit
    /// there is compared with it.
    public static let ridgeScale = 1.0e4
    /// p or q beyond which the search stops a run (see `BGNBDModel.ridgeExitScale`).
    static let ridgeExitScale = 100 * ridgeScale
    /// p (or q) reported for a limit: predictions from the reported parameters are then the limit's
    /// to about 1e-8 relative.
    static let limitScale = 1.0e8

    /// The same fit on histories already grouped.
    ///
    /// The likelihood can keep rising towards two faces, where the three-parameter search fails or
    /// stops at an arbitrary point, and every customer used to get the plain mean m:
    /// - p → ∞ with p·v = c fixed: customers' spends show no spread around their own means (the
    ///   shipped example snapshots in 4 of 12 months, m being a mean over every order, first
    ///   included). Limit: each customer spends their own m, m ~ InvGamma(q, c) across customers;
    ///   reported as p = `limitScale`, v = c / p (`constantSpendFit`).
    /// - q → ∞ with v / q = 1/ν fixed: the customers' means show no spread (a ledger whose amounts
    ///   are drawn alike for everyone). Limit: every customer has the rate ν; reported as
    ///   q = `limitScale`, v = q / ν (`sharedRateFit`).
    /// The better limit is reported, as `BGNBDModel.fit` does for the constant-dropout limit, when no
    /// point searched beats it by a likelihood-ratio statistic of 3.84 (or at all, if that point does
    /// not lie towards that face).
    static func fit(_ data: GammaGammaData) throws -> GammaGammaParameters {
        guard data.customers >= minimumCustomers else {
            throw LifetimeModelError.tooFewCustomers(data.customers)
        }
        if let m = data.commonSpend {
            // Every customer's mean spend is the same (a single price, as in a subscription): both
            // faces at once, a point mass whose likelihood has no maximum. Reported with p = q =
            // `limitScale` and v = m·(q − 1)/p, which give the expected spend m to every customer.
            return GammaGammaParameters(p: limitScale, q: limitScale, v: m * (limitScale - 1) / limitScale, logLikelihood: .infinity)
        }
        var reached: (logLikelihood: Double, parameters: [Double])?
        let general = Result { try fitThreeParameters(data) { reached = (-$0 * Double(data.customers), $1) } }
        if case .success(let p) = general, p.p < ridgeScale, p.q < ridgeScale { return p }
        // Each limit with the parameter that runs to ∞ there (0: p, 1: q).
        var limits: [(parameters: GammaGammaParameters, face: Int)] = []
        if let (q, c, ll) = data.constantSpendFit() {
            limits.append((GammaGammaParameters(p: limitScale, q: q, v: c / limitScale, logLikelihood: ll), 0))
        }
        if let (p, rate, ll) = data.sharedRateFit() {
            limits.append((GammaGammaParameters(p: p, q: limitScale, v: limitScale / rate, logLikelihood: ll), 1))
        }
        switch general {
        case .success(let found):
            // On a face: that face's limit, unless the search's point is clearly higher.
            let face = found.p >= ridgeScale ? 0 : 1
            if let limit = limits.first(where: { $0.face == face })?.parameters, MaximumLikelihoodFit.limitMatches(
                limit.logLikelihood, found: found.logLikelihood, largestArgument: found.p + found.q, customers: data.customers) { return limit }
        case .failure:
            guard let (limit, face) = limits.max(by: { $0.parameters.logLikelihood < $1.parameters.logLikelihood }) else { break }
            guard let (best, at) = reached else { return limit }
            if MaximumLikelihoodFit.limitStands(limit.logLikelihood, best: best, towardsFace: at[face] >= 1) { return limit }
        }
        return try general.get()
    }

    /// Maximum-likelihood fit of the three parameters (`fit` without the limit rule).
    static func fitThreeParameters(_ data: GammaGammaData, reached: ((Double, [Double]) -> Void)? = nil) throws -> GammaGammaParameters {
        let mean = max(data.meanSpend, 1.0e-12)
        let starts: [[Double]] = [
            [0, log(2), log(mean)],
            [log(5), log(3), log(2 * mean)],
            [0, 0, 0],
            [log(0.5), log(1.5), log(0.25 * mean)],
            [log(20), log(10), log(10 * mean)],
        ]
        let step = MaximumLikelihoodFit.surveyStep(customers: data.customers)
        let survey = step > 1 ? data.systematicSample(every: step) : nil
        let memo = LogLikelihoodMemo()
        let p = try MaximumLikelihoodFit.parameters(
            { data.objective($0, memo: memo) }, survey: survey.map { sample in { sample.objective($0) } },
            secondOrder: { data.objectiveWithHessian($0, memo: memo) }, starts: starts, names: ["p", "q", "v"],
            within: { theta in exp(theta[0]) <= ridgeExitScale && exp(theta[1]) <= ridgeExitScale }, reached: reached)
        let ll = memo.logLikelihood(at: p) ?? data.logLikelihood(p: p[0], q: p[1], v: p[2], wantGradient: false).value
        return GammaGammaParameters(p: p[0], q: p[1], v: p[2], logLikelihood: ll)
    }

    /// Whether a history enters the fit: x > 0 and a finite m > 0.
    public static func isEligible(_ h: PurchaseHistory) -> Bool {
        GammaGammaData.isEligible(h)
    }

    /// Number of histories `fit` leaves out (x = 0 or m <= 0).
    public static func excludedCount(_ histories: [PurchaseHistory]) -> Int {
        histories.reduce(0) { $0 + (isEligible($1) ? 0 : 1) }
    }

    // MARK: - Prediction

    /// Conditional expected spend per transaction, E[M | p, q, v, m, x] = p (v + m x) / (p x + q − 1),
    /// a weighted mean of the population mean p v / (q − 1) and the observed m; for x = 0 the
    /// population mean (+∞ when q <= 1), as metrics.md says. A repeat buyer with m <= 0 (refunds
    /// outweighing the repeat purchases), left out of the fit, still gets this conditional mean:
    /// below the population mean, negative when m is far enough below zero (metrics.md gives the
    /// population mean only to customers without repeats; the mean stood in for them before).
    public static func expectedSpend(_ p: GammaGammaParameters, _ h: PurchaseHistory) -> Double {
        guard h.modelTriple.x > 0, h.meanRepeatSpend.isFinite else { return p.populationMeanSpend ?? .infinity }
        let x = h.modelTriple.x
        return p.p * (p.v + h.meanRepeatSpend * x) / (p.p * x + p.q - 1)
    }

    /// `expectedSpend`, the same value, chosen without a branch: the conditional mean is worked out
    /// for every customer and kept or replaced by the population's by a mask. Whether a buyer bought
    /// again falls either way from one row to the next, so the guard's branch was mispredicted about
    /// every other customer of the predictions' loop.
    @inline(__always)
    static func expectedSpendWithoutBranch(_ p: GammaGammaParameters, _ h: PurchaseHistory) -> Double {
        let x = h.modelTriple.x, m = h.meanRepeatSpend
        let conditional = p.p * (p.v + m * x) / (p.p * x + p.q - 1)
        let keep = 0 &- UInt64((x > 0).bit & m.isFinite.bit)
        let population = (p.populationMeanSpend ?? .infinity).bitPattern
        return Double(bitPattern: conditional.bitPattern & keep | population & ~keep)
    }
}
