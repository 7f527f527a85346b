/// A named series of values aligned with a chart's x labels or categories (nil = no data).
public struct ChartSeries: Sendable {
    /// Legend and table header text.
    public var name: String
    /// One value per x label / category; missing trailing values count as nil.
    public var values: [Double?]
    /// Colour override; by default the chart picks from the Okabe–Ito palette.
    public var color: ChartColor?

    /// Creates a series. Non-finite values are treated as nil when rendering.
    public init(name: String, values: [Double?], color: ChartColor? = nil) {
        self.name = name
        self.values = values
        self.color = color
    }

    /// The finite value at `index`, or nil.
    func value(at index: Int) -> Double? {
        guard values.indices.contains(index), let v = values[index], v.isFinite else { return nil }
        return v
    }
}
