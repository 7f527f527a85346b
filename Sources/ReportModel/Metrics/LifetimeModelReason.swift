/// Why the predictive CLV model, or its Gamma-Gamma part, has no figures for a snapshot (worded by
/// the renderer).
public enum LifetimeModelReason: Sendable, Equatable {
    /// The snapshot has no buyer.
    case noBuyer
    /// Too few buyers (the number usable) to fit BG/NBD.
    case tooFewBuyers(Int)
    /// Too few repeat buyers (the number usable) to fit Gamma-Gamma.
    case tooFewRepeatBuyers(Int)
    /// The maximum-likelihood search failed; the technical detail, in English.
    case didNotConverge(String)
    /// Gamma-Gamma was not fitted and its fit gave no reason.
    case notFitted
    /// Not needed: the snapshot's pages are reused from the site being replaced.
    case pagesReused
}
