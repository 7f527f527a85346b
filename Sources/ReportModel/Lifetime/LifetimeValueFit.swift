import Foundation

/// Both fitted models and the per-customer predictions.
public struct LifetimeValueFit: Sendable {
    // MARK: - Models and predictions

    /// The BG/NBD fit.
    public var bgnbd: BGNBDParameters
    /// The Gamma-Gamma fit; nil when it could not be fitted (then `fallbackSpend` is used).
    public var gammaGamma: GammaGammaParameters?
    /// Customers left out of the Gamma-Gamma fit (x = 0 or m <= 0).
    public var gammaGammaExcluded: Int
    /// The settings used.
    public var settings: LifetimeValueSettings
    /// Per customer, in the order of the input histories.
    public var customers: [CustomerLifetimeValue]
    /// Spend per purchase used for every customer when `gammaGamma` is nil: the mean of the
    /// observed m over buyers with x > 0 and m > 0 (0 when there is none); nil when the
    /// Gamma-Gamma model was used.
    public var fallbackSpend: Double?
    /// Why Gamma-Gamma was not used, when `gammaGamma` is nil.
    public var gammaGammaError: LifetimeModelError?

    // MARK: - Creating

    /// Creates a fit.
    public init(
        bgnbd: BGNBDParameters, gammaGamma: GammaGammaParameters?, gammaGammaExcluded: Int,
        settings: LifetimeValueSettings, customers: [CustomerLifetimeValue], fallbackSpend: Double? = nil,
        gammaGammaError: LifetimeModelError? = nil
    ) {
        self.bgnbd = bgnbd
        self.gammaGamma = gammaGamma
        self.gammaGammaExcluded = gammaGammaExcluded
        self.settings = settings
        self.customers = customers
        self.fallbackSpend = fallbackSpend
        self.gammaGammaError = gammaGammaError
    }
}
