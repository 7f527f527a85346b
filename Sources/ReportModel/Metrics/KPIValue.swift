/// One KPI of a snapshot: its value (nil when it cannot be computed), target and status.
public struct KPIValue: Sendable, Equatable {
    public var key: KPIKey
    public var value: Double?
    public var target: KPITarget

    public init(key: KPIKey, value: Double?, target: KPITarget) {
        self.key = key
        self.value = value
        self.target = target
    }

    public var status: KPIStatus { target.status(of: value) }
}
