/// Vertical bars grouped by category, one bar per series (e.g. share of customers vs share of revenue per segment).
public struct GroupedBarChart: SVGChart {
    /// The sanitised id prefix; the SVG uses `<id>-title` and `<id>-desc` (and `<id>-hatch`, `<id>-ramp` for heatmaps).
    public let id: String
    let title: String
    let description: String
    let categories: [String]
    let series: [ChartSeries]
    let xAxisTitle: String
    let yAxisTitle: String
    let noDataMessage: String
    let missingValueText: String
    let valueFormatter: @Sendable (Double) -> String
    /// Between a tooltip's place and its value: ": ", or "\u{00A0}: " in French.
    let labelColon: String
    /// Preferred viewBox width (the chart may grow wider when its content needs it).
    public let width: Double

    /// Creates a grouped bar chart.
    /// - Parameters:
    ///   - id: Prefix for element ids; sanitised to `[A-Za-z0-9_-]`. Must be unique on the page.
    ///   - categories: One group per category (e.g. segment names).
    ///   - series: Bars within each group, each with one value (≥ 0; negatives are drawn as 0) per category.
    ///   - noDataMessage: Shown instead of the plot when there is no category, series or value.
    ///   - missingValueText: Table cell text for nil values (no bar is drawn).
    ///   - width: Preferred viewBox width in user units (fonts are 11–16 units), e.g. 720 for desktop or
    ///     400 for a phone-sized variant; clamped to 320...2400.
    ///   - valueFormatter: Formats tick labels, bar labels and table cells.
    public init(
        id: String, title: String, description: String,
        categories: [String], series: [ChartSeries],
        xAxisTitle: String, yAxisTitle: String,
        noDataMessage: String, missingValueText: String = "–",
        valueFormatter: @escaping @Sendable (Double) -> String = ChartFormat.number(),
        labelColon: String = ": ",
        width: Double = 720
    ) {
        self.id = SVGEscaping.sanitizeID(id)
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.noDataMessage = noDataMessage
        self.missingValueText = missingValueText
        self.valueFormatter = valueFormatter
        self.labelColon = labelColon
        self.width = ChartStyle.clampWidth(width)
    }

    private func color(_ index: Int) -> ChartColor {
        series[index].color ?? ChartColor.categorical[index % ChartColor.categorical.count]
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let m = ChartStyle.margin
        let values = series.flatMap { s in categories.indices.compactMap { s.value(at: $0) } }
        let maxValue = max(values.max() ?? 0, 0)
        let axis = ValueAxis(ticks: NiceTicks(min: 0, max: maxValue), title: yAxisTitle, format: valueFormatter)
        let valueTexts = values.map { valueFormatter(max($0, 0)) }

        // Horizontal layout: keep the default width unless bars would get thinner than 10 units.
        let n = Double(categories.count), k = Double(max(series.count, 1))
        let barGap = 2.0
        let plotLeft = axis.leftMargin
        let available = self.width - m - plotLeft
        let minGroup = k * 10 + (k - 1) * barGap + 6
        let width = n > 0 && n * minGroup > available ? plotLeft + n * minGroup + m : self.width
        let plotRight = width - m
        let groupWidth = n > 0 ? (plotRight - plotLeft) / n : 0
        let groupPadding = min(24, max(6, groupWidth * 0.2))
        let barWidth = max(10, min(56, (groupWidth - groupPadding - (k - 1) * barGap) / k))
        // Value labels: horizontal above the bar if they fit its slot, otherwise rotated.
        // (11-unit text is tried before rotating.)
        let slot = series.count > 1 ? barWidth + barGap - 2 : groupWidth - 4
        func widest(_ size: Double) -> Double { valueTexts.map { TextMetrics.width($0, fontSize: size) }.max() ?? 0 }
        let valueSize = widest(ChartStyle.labelSize) <= slot ? ChartStyle.labelSize : 11
        let labelWidth = widest(valueSize)
        let rotateValues = labelWidth > slot
        // Category labels: wrapped (whole words, ≤ 3 lines) if possible, otherwise rotated 45°.
        let wrapWidth = max(groupWidth - 6, 1)
        let wrapped = categories.map { TextMetrics.wrap($0, maxWidth: wrapWidth, fontSize: ChartStyle.labelSize, maxLines: 3) }
        let wordsFit = categories.allSatisfy { label in
            label.split(whereSeparator: { $0.isWhitespace }).allSatisfy { TextMetrics.width(String($0), fontSize: ChartStyle.labelSize) <= wrapWidth }
        }
        let rotateCategories = !wordsFit || zip(categories, wrapped).contains { label, lines in
            lines.count == 3 && lines.joined(separator: " ") != label.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        let firstCenter = plotLeft + groupWidth / 2
        let rotatedMax = min(150, (firstCenter - 4) / 0.71)
        let rotatedLabels = categories.map { TextMetrics.truncate($0, maxWidth: rotatedMax, fontSize: ChartStyle.labelSize) }

        var w = SVGWriter()
        var y = w.header(title: title, width: width)
        let items = series.indices.map { ChartLegend.Item(label: series[$0].name, swatch: .fill(color($0))) }
        y += ChartLegend(items: items).draw(into: &w, x: m, y: y, maxWidth: width - 2 * m)

        guard !categories.isEmpty, !series.isEmpty, !values.isEmpty else {
            return w.noDataDocument(noDataMessage, top: y, id: id, width: width, title: title, description: description)
        }

        let plotTop = y + (rotateValues ? labelWidth + 10 : 22)
        let plotBottom = plotTop + 240
        func py(_ v: Double) -> Double { axis.y(v, top: plotTop, bottom: plotBottom) }
        axis.draw(into: &w, left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom)

        let xAxis = CategoryAxis(labels: categories, left: plotLeft, width: plotRight - plotLeft)
        let groupInner = k * barWidth + (k - 1) * barGap
        for c in categories.indices {
            let start = xAxis.center(c) - groupInner / 2
            for s in series.indices {
                guard let raw = series[s].value(at: c) else { continue }
                let v = max(raw, 0)
                let x = start + Double(s) * (barWidth + barGap)
                let top = py(v)
                let text = valueFormatter(v)
                w.rect(x: x, y: top, width: barWidth, height: plotBottom - top, fill: color(s).hex,
                       stroke: color(s).outline?.hex, tooltip: "\(categories[c]), \(series[s].name)\(labelColon)\(text)")
                if rotateValues {
                    w.text(text, x: x + barWidth / 2 + valueSize * 0.35, y: top - 4, size: valueSize, rotate: -90)
                } else {
                    w.text(text, x: x + barWidth / 2, y: top - 5, size: valueSize, anchor: .middle)
                }
            }
        }
        w.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartStyle.axis)

        var bottom: Double
        if rotateCategories {
            let longest = rotatedLabels.map { TextMetrics.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
            for c in categories.indices {
                w.text(rotatedLabels[c], x: xAxis.center(c) + 4, y: plotBottom + 14, anchor: .end, rotate: -45)
            }
            bottom = plotBottom + 14 + longest * 0.71
        } else {
            let lineCount = wrapped.map(\.count).max() ?? 1
            for c in categories.indices {
                for (i, line) in wrapped[c].enumerated() {
                    w.text(line, x: xAxis.center(c), y: plotBottom + 18 + Double(i) * 15, anchor: .middle)
                }
            }
            bottom = plotBottom + 22 + Double(max(lineCount, 1) - 1) * 15
        }
        bottom = w.xAxisTitle(xAxisTitle, left: plotLeft, right: plotRight, bottom: bottom)
        return w.document(id: id, width: width, height: bottom + m, title: title, description: description)
    }

    /// One row per category, one column per series.
    public func dataTable() -> ChartTable {
        let rows = categories.indices.map { c in
            [categories[c]] + series.map { $0.value(at: c).map(valueFormatter) ?? missingValueText }
        }
        return ChartTable(caption: title, header: [xAxisTitle] + series.map(\.name), rows: rows)
    }
}
