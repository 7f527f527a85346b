import Foundation

/// Why a lifetime-value model could not be fitted.
public enum LifetimeModelError: Error, Equatable, Sendable {
    // MARK: - Cases

    /// Too few customers (the count that was usable) to fit the model.
    case tooFewCustomers(Int)
    /// The maximum-likelihood search did not converge; the string says why.
    case didNotConverge(String)
}
