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

    /// The same fit on histories already grouped.
    static func fit(_ data: GammaGammaData) throws -> GammaGammaParameters {
        guard data.customers >= minimumCustomers else {
            throw LifetimeModelError.tooFewCustomers(data.customers)
        }
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
        let p = try MaximumLikelihoodFit.parameters(
            data.objective, survey: survey.map { sample in { sample.objective($0) } },
            secondOrder: data.objectiveWithHessian, starts: starts, names: ["p", "q", "v"])
        let ll = data.logLikelihood(p: p[0], q: p[1], v: p[2], wantGradient: false).value
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
    /// a weighted mean of the population mean p v / (q − 1) and the observed m. For x = 0 or
    /// m <= 0 the population mean (+∞ when q <= 1).
    public static func expectedSpend(_ p: GammaGammaParameters, _ h: PurchaseHistory) -> Double {
        guard isEligible(h) else { return p.populationMeanSpend ?? .infinity }
        let x = h.modelTriple.x
        return p.p * (p.v + h.meanRepeatSpend * x) / (p.p * x + p.q - 1)
    }
}
