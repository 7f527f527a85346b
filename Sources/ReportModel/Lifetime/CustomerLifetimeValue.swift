import Foundation

/// Predicted figures for one customer.
public struct CustomerLifetimeValue: Sendable, Equatable {
    // MARK: - Figures

    /// Probability the customer is still alive at the end of the observation.
    public var probabilityAlive: Double
    /// Expected number of purchases over the horizon.
    public var expectedPurchases: Double
    /// Expected spend per purchase.
    public var expectedSpend: Double
    /// Discounted expected revenue over the horizon.
    public var predictedCLV: Double

    // MARK: - Creating

    /// Creates a customer's figures.
    public init(probabilityAlive: Double, expectedPurchases: Double, expectedSpend: Double, predictedCLV: Double) {
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedSpend = expectedSpend
        self.predictedCLV = predictedCLV
    }
}
