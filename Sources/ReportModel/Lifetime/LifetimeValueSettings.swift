import Foundation

/// Settings of the predictive lifetime-value computation.
public struct LifetimeValueSettings: Sendable, Equatable {
    // MARK: - Settings

    /// Unit the histories are expressed in; sets the month length (365.25 / 12 days).
    public var timeUnit: LifetimeTimeUnit = .week
    /// Prediction horizon H in months.
    public var horizonMonths: Int = 12
    /// Monthly discount rate d.
    public var monthlyDiscountRate: Double = 0.01

    // MARK: - Creating

    /// Creates settings; the defaults are the spec's (week, 12 months, 1 %).
    public init(timeUnit: LifetimeTimeUnit = .week, horizonMonths: Int = 12, monthlyDiscountRate: Double = 0.01) {
        self.timeUnit = timeUnit
        self.horizonMonths = horizonMonths
        self.monthlyDiscountRate = monthlyDiscountRate
    }
}
