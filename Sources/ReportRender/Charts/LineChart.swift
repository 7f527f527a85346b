/// A KPI trend over snapshots: one or more lines, gaps where values are nil, optional dashed target.
public struct LineChart: SVGChart {
    /// Which points get a value label.
    public enum PointLabels: Sendable {
        /// Every point for a single series of at most 12 points, otherwise the last point of each series.
        case auto
        /// Every point.
        case all
        /// The last point with data of each series (labelled at the line end).
        case last
        /// No point labels.
        case none
    }

    /// The sanitised id prefix; the SVG uses `<id>-title` and `<id>-desc` (and `<id>-hatch`, `<id>-ramp` for heatmaps).
    public let id: String
    let title: String
    let description: String
    let xLabels: [String]
    let series: [ChartSeries]
    let xAxisTitle: String
    let yAxisTitle: String
    let target: TargetLine?
    let noDataMessage: String
    let missingValueText: String
    let includeZero: Bool
    let pointLabels: PointLabels
    /// Whether the target line's label is also drawn at its end (the legend always names it).
    let labelsTargetAtEnd: Bool
    let valueFormatter: @Sendable (Double) -> String
    /// Between a tooltip's place and its value: ": ", or "\u{00A0}: " in French.
    let labelColon: String
    /// Preferred viewBox width (the chart may grow wider when its content needs it).
    public let width: Double

    /// Creates a line chart.
    /// - Parameters:
    ///   - id: Prefix for element ids; sanitised to `[A-Za-z0-9_-]`. Must be unique on the page.
    ///   - title: Visible title and `<title>`.
    ///   - description: `<desc>` text (a one-sentence summary for screen readers).
    ///   - xLabels: One label per snapshot, e.g. `"2026-03"`.
    ///   - series: Lines, each with one value per x label (nil breaks the line).
    ///   - target: Optional dashed horizontal reference line.
    ///   - noDataMessage: Shown instead of the plot when no series has a value.
    ///   - missingValueText: Table cell text for nil values.
    ///   - includeZero: Whether the y axis always includes 0.
    ///   - labelsTargetAtEnd: Whether the target's label is drawn at the line's end too (off for a
    ///     narrow chart, whose plot it would narrow by a third; the legend names the target).
    ///   - width: Preferred viewBox width in user units (fonts are 11–16 units), e.g. 720 for desktop or
    ///     400 for a phone-sized variant; clamped to 320...2400.
    ///   - valueFormatter: Formats tick labels, point labels and table cells.
    public init(
        id: String, title: String, description: String,
        xLabels: [String], series: [ChartSeries],
        xAxisTitle: String, yAxisTitle: String,
        target: TargetLine? = nil,
        noDataMessage: String, missingValueText: String = "–",
        includeZero: Bool = true, pointLabels: PointLabels = .auto, labelsTargetAtEnd: Bool = true,
        valueFormatter: @escaping @Sendable (Double) -> String = ChartFormat.number(),
        labelColon: String = ": ",
        width: Double = 720
    ) {
        self.labelsTargetAtEnd = labelsTargetAtEnd
        self.id = SVGEscaping.sanitizeID(id)
        self.title = title
        self.description = description
        self.xLabels = xLabels
        self.series = series
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.target = target.flatMap { $0.value.isFinite ? $0 : nil }
        self.noDataMessage = noDataMessage
        self.missingValueText = missingValueText
        self.includeZero = includeZero
        self.pointLabels = pointLabels
        self.valueFormatter = valueFormatter
        self.labelColon = labelColon
        self.width = ChartStyle.clampWidth(width)
    }

    private func color(_ index: Int) -> ChartColor {
        series[index].color ?? ChartColor.lines[index % ChartColor.lines.count]
    }

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let width = self.width
        let m = ChartStyle.margin
        var w = SVGWriter()
        var y = w.header(title: title, width: width)

        var items = series.indices.map {
            ChartLegend.Item(label: series[$0].name, swatch: .line(color($0), dashed: false, marker: .forSeries($0)))
        }
        if let target {
            items.append(.init(label: "\(target.label) \(valueFormatter(target.value))", swatch: .line(ChartColor(hex: ChartStyle.target)!, dashed: true, marker: nil)))
        }
        y += ChartLegend(items: items).draw(into: &w, x: m, y: y, maxWidth: width - 2 * m)

        let values = series.indices.flatMap { s in xLabels.indices.compactMap { series[s].value(at: $0) } }
        guard !xLabels.isEmpty, !values.isEmpty else {
            return w.noDataDocument(noDataMessage, top: y, id: id, width: width, title: title, description: description)
        }

        var lo = values.min()!, hi = values.max()!
        if let target {
            lo = min(lo, target.value)
            hi = max(hi, target.value)
        }
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        let axis = ValueAxis(ticks: NiceTicks(min: lo, max: hi), title: yAxisTitle, format: valueFormatter)

        // Which points are labelled.
        let mode: PointLabels
        switch pointLabels {
        case .auto: mode = (series.count == 1 && xLabels.count <= 12) ? .all : .last
        default: mode = pointLabels
        }
        let lastIndices: [Int?] = series.indices.map { s in xLabels.indices.last { series[s].value(at: $0) != nil } }
        var endLabelWidth = 0.0
        if mode == .last {
            for s in series.indices {
                if let i = lastIndices[s], let v = series[s].value(at: i) {
                    endLabelWidth = max(endLabelWidth, TextMetrics.width(valueFormatter(v), fontSize: ChartStyle.labelSize, bold: true))
                }
            }
        }

        let plotLeft = axis.leftMargin
        let targetText = (labelsTargetAtEnd ? target : nil).map { TextMetrics.truncate("\($0.label) \(valueFormatter($0.value))", maxWidth: 140, fontSize: ChartStyle.labelSize) }
        if let targetText { endLabelWidth = max(endLabelWidth, TextMetrics.width(targetText, fontSize: ChartStyle.labelSize)) }
        let plotRight = width - m - (endLabelWidth > 0 ? endLabelWidth + 8 : 0)
        let plotTop = y + 18
        let plotBottom = plotTop + 240
        let xAxis = CategoryAxis(labels: xLabels, left: plotLeft, width: plotRight - plotLeft)
        func py(_ v: Double) -> Double { axis.y(v, top: plotTop, bottom: plotBottom) }

        axis.draw(into: &w, left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom)
        w.line(x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom, stroke: ChartStyle.axis)
        for i in xAxis.visibleIndices() {
            w.line(x1: xAxis.center(i), y1: plotBottom, x2: xAxis.center(i), y2: plotBottom + 4, stroke: ChartStyle.axis)
        }
        xAxis.drawLabels(into: &w, y: plotBottom + 18, maxWidth: max(xAxis.bandWidth * 3, 60))
        var bottom = plotBottom + 22
        bottom = w.xAxisTitle(xAxisTitle, left: plotLeft, right: plotRight, bottom: bottom)

        if let target {
            let ty = py(target.value)
            w.line(x1: plotLeft, y1: ty, x2: plotRight, y2: ty, stroke: ChartStyle.target, width: 1.5, dash: "6 4")
        }

        // Lines, broken at nil values.
        for s in series.indices {
            var d = ""
            var segment: [(Double, Double)] = []
            func flush() {
                if segment.count >= 2 {
                    d += segment.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVGWriter.n($0.element.0)) \(SVGWriter.n($0.element.1))" }.joined()
                }
                segment.removeAll()
            }
            for i in xLabels.indices {
                if let v = series[s].value(at: i) { segment.append((xAxis.center(i), py(v))) } else { flush() }
            }
            flush()
            if !d.isEmpty { w.path(d, stroke: color(s).hex, width: 2.5) }
        }
        // Markers and labels.
        var endLabels: [(y: Double, x: Double, text: String, fill: String)] = []
        if let target, let targetText {
            endLabels.append((py(target.value) + ChartStyle.labelSize * 0.35, plotRight + 6, targetText, ChartStyle.target))
        }
        // Only charts that label every point need the placer.
        var placer = mode == .all ? labelPlacer(
            xAxis: xAxis, y: py, top: plotTop, bottom: plotBottom,
            zeroLine: axis.ticks.lower < 0 && axis.ticks.values.contains(0), endLabels: endLabels.map { ($0.x, $0.y, $0.text) }) : nil
        for s in series.indices {
            let shape = MarkerShape.forSeries(s)
            for i in xLabels.indices {
                guard let v = series[s].value(at: i) else { continue }
                let text = valueFormatter(v)
                let x = xAxis.center(i), yy = py(v)
                w.raw(shape.svg(x: x, y: yy, color: color(s), tooltip: "\(series[s].name), \(xLabels[i])\(labelColon)\(text)"))
                if let baseline = placer?.place(width: TextMetrics.width(text, fontSize: ChartStyle.labelSize), x: x, y: yy) {
                    w.text(text, x: x, y: baseline, anchor: .middle, halo: true)
                } else if mode == .last && lastIndices[s] == i {
                    endLabels.append((yy + ChartStyle.labelSize * 0.35, x + 8, text, ChartStyle.text))
                }
            }
        }
        // Spread end labels vertically so they do not overlap.
        endLabels.sort { ($0.y, $0.text) < ($1.y, $1.text) }
        let gap = ChartStyle.labelSize + 2
        for k in endLabels.indices.dropFirst() where endLabels[k].y - endLabels[k - 1].y < gap {
            endLabels[k].y = endLabels[k - 1].y + gap
        }
        if let last = endLabels.last, last.y > plotBottom + 4 {
            let shift = last.y - (plotBottom + 4)
            for k in endLabels.indices { endLabels[k].y -= shift }
        }
        for label in endLabels {
            w.text(label.text, x: label.x, y: label.y, bold: label.fill == ChartStyle.text, fill: label.fill, halo: true)
        }

        return w.document(id: id, width: width, height: bottom + m, title: title, description: description)
    }

    /// The placer of the point labels, told every line a label could sit on: the series' segments,
    /// the target and zero lines, and the labels at the lines' ends (start x, baseline, text).
    private func labelPlacer(
        xAxis: CategoryAxis, y: (Double) -> Double, top: Double, bottom: Double, zeroLine: Bool,
        endLabels: [(x: Double, baseline: Double, text: String)]
    ) -> PointLabelPlacer {
        var placer = PointLabelPlacer(top: top - 20, bottom: bottom, fontSize: ChartStyle.labelSize)
        for s in series.indices {
            var previous: (x: Double, y: Double)?
            for i in xLabels.indices {
                guard let v = series[s].value(at: i) else { previous = nil; continue }
                let point = (x: xAxis.center(i), y: y(v))
                if let previous { placer.segments.append((previous.x, previous.y, point.x, point.y)) }
                previous = point
            }
        }
        if let target { placer.horizontals.append(y(target.value)) }
        if zeroLine { placer.horizontals.append(y(0)) }
        for label in endLabels {
            let width = TextMetrics.width(label.text, fontSize: ChartStyle.labelSize)
            placer.taken.append(placer.box(width: width, x: label.x + width / 2, baseline: label.baseline))
        }
        return placer
    }

    /// One row per x label, one column per series (plus the target, if any).
    public func dataTable() -> ChartTable {
        var header = [xAxisTitle] + series.map(\.name)
        if let target { header.append(target.label) }
        let rows = xLabels.indices.map { i -> [String] in
            var row = [xLabels[i]] + series.map { $0.value(at: i).map(valueFormatter) ?? missingValueText }
            if let target { row.append(valueFormatter(target.value)) }
            return row
        }
        return ChartTable(caption: title, header: header, rows: rows)
    }
}
