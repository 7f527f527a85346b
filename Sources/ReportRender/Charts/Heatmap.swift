/// A grid of values coloured on a light → dark single-hue ramp (R×F grid, cohort retention, segment migration).
public struct Heatmap: SVGChart {
    /// The sanitised id prefix; the SVG uses `<id>-title` and `<id>-desc` (and `<id>-hatch`, `<id>-ramp` for heatmaps).
    public let id: String
    let title: String
    let description: String
    let rowLabels: [String]
    let columnLabels: [String]
    let cells: [[Double?]]
    let rowAxisTitle: String
    /// The data table's first header (the row axis title unless given).
    let tableCorner: String
    let columnAxisTitle: String
    let domain: ClosedRange<Double>?
    let noDataMessage: String
    let missingValueText: String
    let valueFormatter: @Sendable (Double) -> String
    /// Between a tooltip's place and its value: ": ", or "\u{00A0}: " in French.
    let labelColon: String
    /// A cell's place in its tooltip, from its row and column labels ("R5, F1").
    let cellPlace: @Sendable (String, String) -> String
    /// Preferred viewBox width (the chart may grow wider when its content needs it).
    public let width: Double

    /// Creates a heatmap.
    /// - Parameters:
    ///   - id: Prefix for element ids; sanitised to `[A-Za-z0-9_-]`. Must be unique on the page.
    ///   - rowLabels: Labels down the left side (e.g. cohort months).
    ///   - columnLabels: Labels across the top (e.g. months since first purchase).
    ///   - cells: `cells[row][column]`; missing entries and nil are empty cells (hatched, and listed in the legend with `noDataMessage`).
    ///   - rowAxisTitle: Title of the row axis (also the first table header).
    ///   - columnAxisTitle: Title of the column axis.
    ///   - domain: Value range of the colour ramp; by default `min(0, smallest)...largest`.
    ///   - noDataMessage: Legend text for empty cells, and the message when there is no row or column.
    ///   - missingValueText: Table cell text for nil values.
    ///   - width: Preferred viewBox width in user units (fonts are 11–16 units), e.g. 720 for desktop or
    ///     400 for a phone-sized variant; clamped to 320...2400.
    ///   - valueFormatter: Formats cell text, legend bounds and table cells.
    ///   - cellPlace: A cell's place in its tooltip (before `: value`), from its row and column labels.
    ///   - tableCorner: The data table's first header, when the row axis title alone does not say
    ///     what rows and columns are ("From → To").
    public init(
        id: String, title: String, description: String,
        rowLabels: [String], columnLabels: [String], cells: [[Double?]],
        rowAxisTitle: String, columnAxisTitle: String,
        domain: ClosedRange<Double>? = nil,
        noDataMessage: String, missingValueText: String = "–",
        valueFormatter: @escaping @Sendable (Double) -> String = ChartFormat.number(),
        cellPlace: @escaping @Sendable (String, String) -> String = { row, column in "\(row), \(column)" },
        tableCorner: String? = nil,
        labelColon: String = ": ",
        width: Double = 720
    ) {
        self.tableCorner = tableCorner ?? rowAxisTitle
        self.id = SVGEscaping.sanitizeID(id)
        self.title = title
        self.description = description
        self.cellPlace = cellPlace
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.rowAxisTitle = rowAxisTitle
        self.columnAxisTitle = columnAxisTitle
        self.domain = domain
        self.noDataMessage = noDataMessage
        self.missingValueText = missingValueText
        self.valueFormatter = valueFormatter
        self.labelColon = labelColon
        self.width = ChartStyle.clampWidth(width)
    }

    /// The finite value at (`row`, `column`), or nil.
    func value(_ row: Int, _ column: Int) -> Double? {
        guard cells.indices.contains(row), cells[row].indices.contains(column),
              let v = cells[row][column], v.isFinite else { return nil }
        return v
    }

    /// The colour scale used for the cells.
    public var colorScale: SequentialColorScale {
        if let domain { return SequentialColorScale(domain: domain) }
        let values = rowLabels.indices.flatMap { r in columnLabels.indices.compactMap { value(r, $0) } }
        let lo = min(values.min() ?? 0, 0), hi = values.max() ?? 1
        return SequentialColorScale(domain: lo...max(hi, lo))
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let m = ChartStyle.margin
        let size = ChartStyle.labelSize
        let scale = colorScale
        let hatchID = "\(id)-hatch", rampID = "\(id)-ramp"
        let rows = rowLabels.count, cols = columnLabels.count
        let texts: [[String?]] = (0..<rows).map { r in (0..<cols).map { c in value(r, c).map(valueFormatter) } }
        let hasEmpty = texts.contains { $0.contains { $0 == nil } }

        // Column widths and label orientation.
        let rowLabelWidth = min(self.width * 0.28, rowLabels.map { TextMetrics.width($0, fontSize: size) }.max() ?? 0)
        let gridLeft = m + (rowAxisTitle.isEmpty ? 0 : ChartStyle.axisTitleSize + 10) + rowLabelWidth + 8
        let textWidth = texts.joined().compactMap { $0 }.map { TextMetrics.width($0, fontSize: size) }.max() ?? 0
        let columnLabelWidth = min(160, columnLabels.map { TextMetrics.width($0, fontSize: size) }.max() ?? 0)
        // Cells fill the default width (up to 72 units each); when too narrow for their text they are
        // drawn without it (values stay in tooltips and the data table) down to 14 units, then the canvas grows.
        var preferred = max(44, textWidth + 10)
        if columnLabelWidth + 8 <= 96 { preferred = max(preferred, columnLabelWidth + 8) }
        let fit = cols > 0 ? (self.width - m - gridLeft) / Double(cols) : preferred
        var cellWidth = fit >= preferred ? max(preferred, min(72, fit)) : max(fit, 14)
        let rotated = columnLabelWidth + 4 > cellWidth
        if rotated && cols > 0 {
            // Leave room on the right for the last column's slanted label.
            let last = min(160, TextMetrics.width(columnLabels[cols - 1], fontSize: size))
            let overhang = min(max(0, last * 0.71 - cellWidth / 2), self.width * 0.25)
            cellWidth = max(min(cellWidth, (self.width - m - overhang - gridLeft) / Double(cols)), 14)
        }
        let showText = textWidth + 4 <= cellWidth
        let cellHeight = 28.0
        let gridRight = gridLeft + Double(cols) * cellWidth
        let width = max(self.width, gridRight + m)
        // Rotated labels may not run past the right edge.
        let columnLabelMax = (0..<cols).map { c in
            rotated ? min(160, (width - 4 - (gridLeft + (Double(c) + 0.5) * cellWidth)) / 0.71) : cellWidth - 4
        }
        let shownColumnLabels = (0..<cols).map { TextMetrics.truncate(columnLabels[$0], maxWidth: columnLabelMax[$0], fontSize: size) }
        let shownColumnWidth = shownColumnLabels.map { TextMetrics.width($0, fontSize: size) }.max() ?? 0

        var w = SVGWriter()
        var y = w.header(title: title, width: width)

        guard rows > 0, cols > 0 else {
            return w.noDataDocument(noDataMessage, top: y, id: id, width: width, title: title, description: description)
        }

        // Legend: ramp with its bounds, then the empty-cell swatch.
        if hasEmpty {
            w.def("<pattern id=\"\(hatchID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(ChartStyle.hatchLine)\" stroke-width=\"2\"/></pattern>")
        }
        let stops = scale.stops.enumerated().map { i, c in
            "<stop offset=\"\(SVGNumber.format(Double(i) * 100 / Double(max(scale.stops.count - 1, 1))))%\" stop-color=\"\(c.hex)\"/>"
        }.joined()
        w.def("<linearGradient id=\"\(rampID)\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">\(stops)</linearGradient>")
        let legendSize = ChartStyle.legendSize
        let mid = y + 10
        var x = m
        let lowText = valueFormatter(scale.lower), highText = valueFormatter(scale.upper)
        w.text(lowText, x: x, y: mid + legendSize * 0.35, size: legendSize)
        x += TextMetrics.width(lowText, fontSize: legendSize) + 6
        w.rect(x: x, y: mid - 6, width: 120, height: 12, fill: "url(#\(rampID))", stroke: ChartStyle.emptyStroke, strokeWidth: 0.5)
        x += 126
        w.text(highText, x: x, y: mid + legendSize * 0.35, size: legendSize)
        x += TextMetrics.width(highText, fontSize: legendSize) + 24
        var legendHeight = 20.0
        if hasEmpty {
            let label = TextMetrics.truncate(noDataMessage, maxWidth: width - 2 * m - 20, fontSize: legendSize)
            let itemWidth = 20 + TextMetrics.width(label, fontSize: legendSize)
            var itemMid = mid
            if x + itemWidth > width - m {
                x = m
                itemMid += 20
                legendHeight += 20
            }
            w.rect(x: x, y: itemMid - 7, width: 14, height: 14, fill: "url(#\(hatchID))", stroke: ChartStyle.emptyStroke)
            w.text(label, x: x + 20, y: itemMid + legendSize * 0.35, size: legendSize)
        }
        y += legendHeight + 10

        // Column axis title and labels.
        if !columnAxisTitle.isEmpty {
            y += ChartStyle.axisTitleSize + 4
            // As wide as the grid, or as the title needs up to the canvas's width: a grid of one or
            // two columns cut « Mois depuis la 1re commande » to « Mois depuis la 1re comman… ».
            let needed = TextMetrics.width(columnAxisTitle, fontSize: ChartStyle.axisTitleSize)
            let titleWidth = min(max(gridRight - gridLeft, needed), width - 2 * m)
            let center = min(max((gridLeft + gridRight) / 2, m + titleWidth / 2), width - m - titleWidth / 2)
            w.text(TextMetrics.truncate(columnAxisTitle, maxWidth: titleWidth, fontSize: ChartStyle.axisTitleSize),
                   x: center, y: y, size: ChartStyle.axisTitleSize, anchor: .middle)
            y += 6
        }
        let labelBand = rotated ? shownColumnWidth * 0.71 + size + 4 : size + 8
        let labelBaseline = y + labelBand - 6
        for c in 0..<cols {
            let cx = gridLeft + (Double(c) + 0.5) * cellWidth
            let label = shownColumnLabels[c]
            if rotated {
                w.text(label, x: cx - size * 0.3, y: labelBaseline, rotate: -45)
            } else {
                w.text(label, x: cx, y: labelBaseline, anchor: .middle)
            }
        }
        let gridTop = y + labelBand
        let gridBottom = gridTop + Double(rows) * cellHeight

        // Row axis title and labels. The title, turned, may run below a grid of a row or two: the
        // chart is then made taller to hold it (its first letters were cut off).
        var bottom = gridBottom + m
        if !rowAxisTitle.isEmpty {
            let shown = TextMetrics.truncate(rowAxisTitle, maxWidth: max(gridBottom - gridTop + 60, 120), fontSize: ChartStyle.axisTitleSize)
            let center = (gridTop + gridBottom) / 2
            w.text(shown, x: m + ChartStyle.axisTitleSize * 0.8, y: center, size: ChartStyle.axisTitleSize,
                   anchor: .middle, rotate: -90)
            bottom = max(bottom, center + TextMetrics.width(shown, fontSize: ChartStyle.axisTitleSize) / 2 + 4)
        }
        for r in 0..<rows {
            let label = TextMetrics.truncate(rowLabels[r], maxWidth: rowLabelWidth, fontSize: size)
            w.text(label, x: gridLeft - 8, y: gridTop + (Double(r) + 0.5) * cellHeight + size * 0.35, anchor: .end)
        }

        // Cells.
        for r in 0..<rows {
            for c in 0..<cols {
                let cx = gridLeft + Double(c) * cellWidth, cy = gridTop + Double(r) * cellHeight
                let place = cellPlace(rowLabels[r], columnLabels[c])
                if let v = value(r, c), let text = texts[r][c] {
                    let fill = scale.color(for: v)
                    w.rect(x: cx, y: cy, width: cellWidth, height: cellHeight, fill: fill.hex, stroke: "#ffffff",
                           tooltip: "\(place)\(labelColon)\(text)")
                    if showText {
                        w.text(text, x: cx + cellWidth / 2, y: cy + cellHeight / 2 + size * 0.35, anchor: .middle,
                               fill: fill.contrastingText.hex)
                    }
                } else {
                    w.rect(x: cx + 0.5, y: cy + 0.5, width: cellWidth - 1, height: cellHeight - 1, fill: "url(#\(hatchID))",
                           stroke: ChartStyle.grid, tooltip: "\(place)\(labelColon)\(noDataMessage)")
                }
            }
        }
        w.rect(x: gridLeft, y: gridTop, width: gridRight - gridLeft, height: gridBottom - gridTop, fill: "none",
               stroke: ChartStyle.hatchLine)
        return w.document(id: id, width: width, height: bottom, title: title, description: description)
    }

    /// One row per heatmap row, one column per heatmap column.
    public func dataTable() -> ChartTable {
        let rows = rowLabels.indices.map { r in
            [rowLabels[r]] + columnLabels.indices.map { c in value(r, c).map(valueFormatter) ?? missingValueText }
        }
        return ChartTable(caption: title, header: [tableCorner] + columnLabels, rows: rows)
    }
}
