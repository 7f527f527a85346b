/// The numbers behind a chart, for an accessible table shown beside it.
///
/// Cells are already formatted for display; they are plain text (not escaped).
public struct ChartTable: Sendable, Equatable {
    /// The table caption (the chart title).
    public var caption: String
    /// Column headers; the first one names the row-label column.
    public var header: [String]
    /// One entry per row, each with `header.count` cells.
    public var rows: [[String]]

    /// Creates a table from already formatted cells.
    public init(caption: String, header: [String], rows: [[String]]) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}
