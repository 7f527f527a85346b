/// One stacked bar per x label (snapshot), e.g. NPS detractors / passives / promoters.
///
/// The first part is drawn at the bottom. A snapshot whose parts are all nil or zero is drawn as an
/// empty dashed bar carrying the no-data message.
public struct StackedBarChart: SVGChart {
    /// The sanitised id prefix; the SVG uses `<id>-title` and `<id>-desc` (and `<id>-hatch`, `<id>-ramp` for heatmaps).
    public let id: String
    let title: String
    let description: String
    let xLabels: [String]
    let parts: [ChartSeries]
    let xAxisTitle: String
    let yAxisTitle: String
    let normalized: Bool
    let noDataMessage: String
    let missingValueText: String
    let valueFormatter: @Sendable (Double) -> String
    /// Between a tooltip's place and its value: ": ", or "\u{00A0}: " in French.
    let labelColon: String
    /// Preferred viewBox width (the chart may grow wider when its content needs it).
    public let width: Double

    /// Creates a stacked bar chart.
    /// - Parameters:
    ///   - id: Prefix for element ids; sanitised to `[A-Za-z0-9_-]`. Must be unique on the page.
    ///   - xLabels: One bar per label, e.g. `"2026-03"`.
    ///   - parts: Stack layers, bottom first, each with one value (≥ 0) per x label.
    ///   - normalized: If true, each bar is scaled to its total (values shown as shares 0...1, so pass a
    ///     percentage formatter); if false, raw values are stacked and each bar's total is shown above it.
    ///   - noDataMessage: Text in empty bars, and instead of the plot when nothing has data.
    ///   - missingValueText: Table cell text for nil values and empty bars.
    ///   - width: Preferred viewBox width in user units (fonts are 11–16 units), e.g. 720 for desktop or
    ///     400 for a phone-sized variant; clamped to 320...2400.
    ///   - valueFormatter: Formats tick labels, segment labels and table cells (shares when `normalized`).
    public init(
        id: String, title: String, description: String,
        xLabels: [String], parts: [ChartSeries],
        xAxisTitle: String, yAxisTitle: String,
        normalized: Bool = false,
        noDataMessage: String, missingValueText: String = "–",
        valueFormatter: @escaping @Sendable (Double) -> String = ChartFormat.number(),
        labelColon: String = ": ",
        width: Double = 720
    ) {
        self.id = SVGEscaping.sanitizeID(id)
        self.title = title
        self.description = description
        self.xLabels = xLabels
        self.parts = parts
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.normalized = normalized
        self.noDataMessage = noDataMessage
        self.missingValueText = missingValueText
        self.valueFormatter = valueFormatter
        self.labelColon = labelColon
        self.width = ChartStyle.clampWidth(width)
    }

    private func color(_ index: Int) -> ChartColor {
        parts[index].color ?? ChartColor.categorical[index % ChartColor.categorical.count]
    }

    /// Sum of the non-negative values of bar `index`.
    private func total(_ index: Int) -> Double {
        parts.reduce(0) { $0 + max($1.value(at: index) ?? 0, 0) }
    }

    /// The displayed value of `part` in bar `index` (a share when normalized), nil if missing or the bar is empty.
    private func shown(_ part: Int, _ index: Int) -> Double? {
        guard let v = parts[part].value(at: index) else { return nil }
        let t = total(index)
        guard t > 0 else { return nil }
        return normalized ? max(v, 0) / t : v
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let m = ChartStyle.margin
        let totals = xLabels.indices.map(total)
        let maxTotal = totals.max() ?? 0
        let axis = ValueAxis(ticks: NiceTicks(min: 0, max: normalized ? 1 : maxTotal), title: yAxisTitle, format: valueFormatter)
        let plotLeft = axis.leftMargin
        let n = Double(xLabels.count)
        let minSlot = 20.0
        let width = n * minSlot > self.width - m - plotLeft ? plotLeft + n * minSlot + m : self.width
        let plotRight = width - m

        var w = SVGWriter()
        var y = w.header(title: title, width: width)
        let items = parts.indices.map { ChartLegend.Item(label: parts[$0].name, swatch: .fill(color($0))) }
        y += ChartLegend(items: items).draw(into: &w, x: m, y: y, maxWidth: width - 2 * m)

        guard !parts.isEmpty, maxTotal > 0 else {
            return w.noDataDocument(noDataMessage, top: y, id: id, width: width, title: title, description: description)
        }

        let plotTop = y + (normalized ? 12 : 22)
        let plotBottom = plotTop + 240
        func py(_ v: Double) -> Double { axis.y(v, top: plotTop, bottom: plotBottom) }
        axis.draw(into: &w, left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom)
        let xAxis = CategoryAxis(labels: xLabels, left: plotLeft, width: plotRight - plotLeft)
        let barWidth = max(min(64, xAxis.bandWidth * 0.62), min(14, xAxis.bandWidth - 4))

        // Segment and total labels are shown for all bars or for none, so the chart reads consistently.
        let segmentTexts = xLabels.indices.flatMap { i in parts.indices.compactMap { shown($0, i).map(valueFormatter) } }
        let segmentLabelsFit = (segmentTexts.map { TextMetrics.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0) + 4 <= barWidth
        let totalsFit = (totals.map { TextMetrics.width(valueFormatter($0), fontSize: ChartStyle.labelSize, bold: true) }.max() ?? 0) + 6
            <= xAxis.bandWidth
        for i in xLabels.indices {
            let x = xAxis.center(i) - barWidth / 2
            guard totals[i] > 0 else {
                w.rect(x: x, y: plotTop, width: barWidth, height: plotBottom - plotTop, fill: "#fafafa",
                       stroke: ChartStyle.emptyStroke, dash: "4 3", tooltip: "\(xLabels[i])\(labelColon)\(noDataMessage)")
                if barWidth >= 16 {
                    let text = TextMetrics.truncate(noDataMessage, maxWidth: plotBottom - plotTop - 12, fontSize: ChartStyle.labelSize)
                    w.text(text, x: x + barWidth / 2 + ChartStyle.labelSize * 0.35, y: (plotTop + plotBottom) / 2,
                           anchor: .middle, fill: ChartStyle.mutedText, rotate: -90)
                }
                continue
            }
            var base = 0.0
            for p in parts.indices {
                guard let v = shown(p, i), v > 0 else { continue }
                let y0 = py(base), y1 = py(base + v)
                base += v
                let text = valueFormatter(v)
                // A white edge between the parts, so that neighbouring colours are told apart by more
                // than their hue (NPS's detractors and passives are 1.4:1).
                w.rect(x: x, y: y1, width: barWidth, height: y0 - y1, fill: color(p).hex,
                       stroke: ChartColor.white.hex, strokeWidth: 1.5, tooltip: "\(xLabels[i]), \(parts[p].name)\(labelColon)\(text)")
                if segmentLabelsFit && y0 - y1 >= 16 {
                    w.text(text, x: x + barWidth / 2, y: (y0 + y1) / 2 + ChartStyle.labelSize * 0.35, anchor: .middle,
                           fill: color(p).contrastingText.hex)
                }
            }
            if !normalized && totalsFit {
                w.text(valueFormatter(totals[i]), x: xAxis.center(i), y: py(totals[i]) - 5, anchor: .middle, bold: true)
            }
        }
        w.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartStyle.axis)
        xAxis.drawLabels(into: &w, y: plotBottom + 18, maxWidth: max(xAxis.bandWidth * 3, 60))
        var bottom = plotBottom + 22
        bottom = w.xAxisTitle(xAxisTitle, left: plotLeft, right: plotRight, bottom: bottom)
        return w.document(id: id, width: width, height: bottom + m, title: title, description: description)
    }

    /// One row per x label, one column per part, with the values as drawn (shares when normalized).
    public func dataTable() -> ChartTable {
        let rows = xLabels.indices.map { i in
            [xLabels[i]] + parts.indices.map { p in shown(p, i).map(valueFormatter) ?? missingValueText }
        }
        return ChartTable(caption: title, header: [xAxisTitle] + parts.map(\.name), rows: rows)
    }
}
