import Foundation

/// Both fitted models and the per-customer predictions.
public struct LifetimeValueFit: Sendable {
    // MARK: - Models and predictions

    /// The BG/NBD fit.
    public var bgnbd: BGNBDParameters
    /// The Gamma-Gamma fit; nil when it could not be fitted (then no customer has a predicted CLV).
    public var gammaGamma: GammaGammaParameters?
    /// Customers left out of the Gamma-Gamma fit (x = 0 or m <= 0).
    public var gammaGammaExcluded: Int
    /// The settings used.
    public var settings: LifetimeValueSettings
    /// Per customer, in the order of the input histories.
    public var customers: [CustomerLifetimeValue]
    /// Why Gamma-Gamma was not used, when `gammaGamma` is nil.
    public var gammaGammaError: LifetimeModelError?

    // MARK: - Creating

    /// Creates a fit.
    public init(
        bgnbd: BGNBDParameters, gammaGamma: GammaGammaParameters?, gammaGammaExcluded: Int,
        settings: LifetimeValueSettings, customers: [CustomerLifetimeValue],
        gammaGammaError: LifetimeModelError? = nil
    ) {
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
        self.gammaGammaExcluded = gammaGammaExcluded
        self.settings = settings
        self.customers = customers
        self.gammaGammaError = gammaGammaError
    }
}
