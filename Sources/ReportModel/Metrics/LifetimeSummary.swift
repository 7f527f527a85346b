/// The predictive CLV model of a snapshot, as reported.
public enum LifetimeSummary: Sendable {
    /// Not computed: no buyer, too few buyers to fit the model, or not needed (the snapshot's pages
    /// are reused).
    case notComputed(reason: LifetimeModelReason)
    /// The fit failed (`reason` is `.didNotConverge` with its detail); the report says so and shows
    /// no numbers.
    case didNotConverge(reason: LifetimeModelReason)
    case fitted(LifetimeModelFigures)
}

/// Fitted parameters of BG/NBD and Gamma-Gamma.
public struct LifetimeModelFigures: Sendable, Equatable {
    public var timeUnit: LifetimeTimeUnit
    public var r: Double, alpha: Double, a: Double, b: Double, logLikelihood: Double
    /// Nil when Gamma-Gamma could not be fitted (no predicted CLV is shown then).
    public var p: Double?, q: Double?, v: Double?
    /// Why Gamma-Gamma could not be fitted, when it could not.
    public var gammaGammaReason: LifetimeModelReason?
    /// Buyers left out of the Gamma-Gamma fit (x = 0 or m = 0).
    public var gammaGammaExcluded: Int
    public var horizonMonths: Int
    public var monthlyDiscountRate: Double

    public init(timeUnit: LifetimeTimeUnit, r: Double, alpha: Double, a: Double, b: Double, logLikelihood: Double, p: Double?, q: Double?, v: Double?, gammaGammaExcluded: Int, horizonMonths: Int, monthlyDiscountRate: Double, gammaGammaReason: LifetimeModelReason? = nil) {
        self.timeUnit = timeUnit
        self.r = r; self.alpha = alpha; self.a = a; self.b = b; self.logLikelihood = logLikelihood
        self.p = p; self.q = q; self.v = v
        self.gammaGammaExcluded = gammaGammaExcluded
        self.horizonMonths = horizonMonths
        self.monthlyDiscountRate = monthlyDiscountRate
        self.gammaGammaReason = gammaGammaReason
    }
}
