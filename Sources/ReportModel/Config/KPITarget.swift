/// A KPI's target: a threshold and whether the value should be above or below it.
public struct KPITarget: Sendable, Equatable {
    public enum Direction: String, Sendable { case above, below }

    /// The threshold; nil for KPIs that are shown without a target.
    public var value: Double?
    public var direction: Direction

    public init(_ value: Double?, _ direction: Direction) {
        self.value = value
        self.direction = direction
    }

    /// The seed's targets.
    public static let defaults: [KPIKey: KPITarget] = [
        .retentionRate: KPITarget(0.85, .above),
        .churnRate: KPITarget(0.05, .below),
        .ltv: KPITarget(nil, .above),
        .ltvGrowthYoY: KPITarget(0.20, .above),
        .nps: KPITarget(50, .above),
        .csat: KPITarget(4.2, .above),
        .csatSatisfiedShare: KPITarget(nil, .above),
        .ces: KPITarget(nil, .below),
        .repeatPurchaseRate: KPITarget(0.40, .above),
    ]

    /// Judges a value: strictly beyond the threshold is on target.
    public func status(of value: Double?) -> KPIStatus {
        guard let value else { return .noData }
        guard let target = self.value else { return .noTarget }
        switch direction {
        case .above: return value > target ? .onTarget : .offTarget
        case .below: return value < target ? .onTarget : .offTarget
        }
    }
}

/// Where a KPI stands against its target.
public enum KPIStatus: String, Sendable {
    case onTarget = "on_target"
    case offTarget = "off_target"
    case noData = "no_data"
    /// A value shown without a target (CES, satisfied share, historical LTV).
    case noTarget = "no_target"

    /// The status written to `metrics.json`: output.md allows `on_target`, `off_target` and
    /// `no_data` only, so a KPI without a target (nothing to judge its value against) is `no_data`
    /// there, with a null target; the pages still say "no target".
    public var metricsValue: String { self == .noTarget ? KPIStatus.noData.rawValue : rawValue }
}
