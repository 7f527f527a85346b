import Foundation

/// Maximum-likelihood parameters of the BG/NBD model (Fader, Hardie & Lee 2005).
///
/// Purchase rates are Gamma(`r`, `alpha`) across customers (shape, rate in the time unit),
/// drop-out probabilities after each repeat purchase are Beta(`a`, `b`).
public struct BGNBDParameters: Sendable, Equatable {
    /// Shape of the purchase-rate gamma distribution.
    public var r: Double
    /// Rate (inverse scale) of the purchase-rate gamma distribution, in the time unit.
    public var alpha: Double
    /// First shape of the drop-out beta distribution.
    public var a: Double
    /// Second shape of the drop-out beta distribution.
    public var b: Double
    /// Total log-likelihood over the fitted customers (0 for parameters not from a fit).
    public var logLikelihood: Double

    /// Creates a parameter set.
    public init(r: Double, alpha: Double, a: Double, b: Double, logLikelihood: Double = 0) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
        self.logLikelihood = logLikelihood
    }

    // MARK: - Convenience

    /// The four parameters as the tuple `BGNBDModel.logLikelihood` takes.
    public var tuple: (r: Double, alpha: Double, a: Double, b: Double) { (r, alpha, a, b) }
}
