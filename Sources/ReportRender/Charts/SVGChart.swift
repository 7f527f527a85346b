/// A chart that renders itself to a standalone inline SVG string and exposes its data as a table.
public protocol SVGChart: Sendable {
    /// The sanitised id prefix of the chart's elements.
    var id: String { get }
    /// The chart as an `<svg>` element (no XML prolog), deterministic for equal inputs.
    func svg() -> String
    /// The numbers behind the chart, formatted the same way as in the chart.
    func dataTable() -> ChartTable
}
