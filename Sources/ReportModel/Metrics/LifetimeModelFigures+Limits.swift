/// What the fitted parameters say beyond their values: the limits a fit can reach, where the
/// parameters alone would not tell a reader what the model assumes, and the population's mean spend.
extension LifetimeModelFigures {
    /// A limit of the Gamma-Gamma spend model (Fader & Hardie 2013) that the fit reached.
    public enum SpendLimit: Sendable, Equatable {
        /// p this large: a customer's spend per purchase has no spread around their own mean, so
        /// each expects to spend their observed mean, and customers without repeats the population's.
        case constantSpend
        /// q this large: the customers' mean spends do not differ beyond chance, so everyone expects
        /// the population mean.
        case sharedRate
        /// Both: a single price for every purchase.
        case singlePrice
    }

    /// The Gamma-Gamma parameters, when the spend model was fitted.
    public var gammaGamma: GammaGammaParameters? {
        guard let p, let q, let v else { return nil }
        return GammaGammaParameters(p: p, q: q, v: v)
    }

    /// Mean spend per purchase across the population, p·v / (q − 1); nil without a spend model or
    /// when q <= 1.
    public var populationMeanSpend: Double? { gammaGamma?.populationMeanSpend }

    /// Whether the BG/NBD fit ran along the a, b → ∞ ridge: the Beta(a, b) of the dropout
    /// probability has no spread left, so every customer drops out after a purchase with the same
    /// probability a / (a + b).
    public var hasConstantDropout: Bool { a + b >= BGNBDModel.ridgeScale }

    /// The Gamma-Gamma limit the fit reached, if any.
    public var spendLimit: SpendLimit? {
        let spendAtLimit = (p ?? 0) >= GammaGammaModel.ridgeScale, rateAtLimit = (q ?? 0) >= GammaGammaModel.ridgeScale
        switch (spendAtLimit, rateAtLimit) {
        case (true, true): return .singlePrice
        case (true, false): return .constantSpend
        case (false, true): return .sharedRate
        case (false, false): return nil
        }
    }
}
