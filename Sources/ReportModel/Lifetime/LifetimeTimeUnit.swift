import Foundation

/// Time unit for the predictive lifetime-value models (`week` = days / 7, not calendar weeks).
public enum LifetimeTimeUnit: String, Sendable {
    case day
    case week

    // MARK: - Conversions

    /// Length of one time unit in days.
    public var days: Double {
        switch self {
        case .day: return 1
        case .week: return 7
        }
    }

    /// Length of a month (365.25 / 12 days) in this unit.
    public var monthLength: Double { 365.25 / 12 / days }
}
