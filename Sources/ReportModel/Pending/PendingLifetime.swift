// Temporary stand-ins until Lifetime/ lands.
public enum LifetimeTimeUnit: String, Sendable { case day, week }
public struct LifetimeValueSettings: Sendable, Equatable {
    public var timeUnit: LifetimeTimeUnit = .week; public var horizonMonths: Int = 12; public var monthlyDiscountRate: Double = 0.01
    public init() {}
}
