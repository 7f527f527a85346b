import Foundation

/// Maximum-likelihood parameters of the Gamma-Gamma spend model (Fader & Hardie 2013).
///
/// A transaction's value is Gamma(`p`, ν) with the customer's ν distributed Gamma(`q`, `v`)
/// (shape, rate); `v` is the paper's γ.
public struct GammaGammaParameters: Sendable, Equatable {
    /// Shape of the per-transaction spend distribution.
    public var p: Double
    /// Shape of the across-customer gamma distribution of ν.
    public var q: Double
    /// Rate of the across-customer gamma distribution of ν (γ in the paper).
    public var v: Double
    /// Total log-likelihood over the fitted customers (0 for parameters not from a fit).
    public var logLikelihood: Double

    /// Creates a parameter set.
    public init(p: Double, q: Double, v: Double, logLikelihood: Double = 0) {
        self.p = p
        self.q = q
        self.v = v
        self.logLikelihood = logLikelihood
    }

    // MARK: - Population mean

    /// Mean spend per transaction across the population, p·v / (q − 1); nil when q <= 1
    /// (the mean is then infinite).
    public var populationMeanSpend: Double? {
        q > 1 ? p * v / (q - 1) : nil
    }
}
