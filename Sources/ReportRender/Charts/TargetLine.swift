/// A horizontal reference line on a `LineChart` (e.g. a KPI target).
public struct TargetLine: Sendable {
    /// The target value, in data units.
    public var value: Double
    /// Localised label, e.g. "target" or "cible".
    public var label: String

    /// Creates a target line at `value` labelled `label`.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}
