/// A vertical value axis with nice ticks, gridlines, formatted tick labels and a rotated title.
struct ValueAxis {
    let ticks: NiceTicks
    let labels: [String]
    let title: String

    init(ticks: NiceTicks, title: String, format: (Double) -> String) {
        self.ticks = ticks
        self.labels = ticks.values.map(format)
        self.title = title
    }

    var labelWidth: Double {
        labels.map { TextMetrics.width($0, fontSize: ChartStyle.labelSize) }.max() ?? 0
    }

    /// Distance from the chart's left edge to the plot area.
    var leftMargin: Double {
        ChartStyle.margin + (title.isEmpty ? 0 : ChartStyle.axisTitleSize + 10) + labelWidth + 8
    }

    /// Vertical position of `value` in a plot spanning `top...bottom`.
    func y(_ value: Double, top: Double, bottom: Double) -> Double {
        let span = ticks.upper - ticks.lower
        guard span > 0, value.isFinite else { return bottom }
        return bottom - (value - ticks.lower) / span * (bottom - top)
    }

    /// Gridlines, tick labels and the rotated axis title.
    func draw(into w: inout SVGWriter, left: Double, right: Double, top: Double, bottom: Double) {
        for (value, label) in zip(ticks.values, labels) {
            let y = self.y(value, top: top, bottom: bottom)
            let isZero = value == 0 && ticks.lower < 0
            w.line(x1: left, y1: y, x2: right, y2: y, stroke: isZero ? ChartStyle.axis : ChartStyle.grid, width: 1)
            w.text(label, x: left - 8, y: y + ChartStyle.labelSize * 0.35, anchor: .end, fill: ChartStyle.mutedText)
        }
        w.line(x1: left, y1: top, x2: left, y2: bottom, stroke: ChartStyle.axis)
        if !title.isEmpty {
            let x = ChartStyle.margin + ChartStyle.axisTitleSize * 0.8
            let shown = TextMetrics.truncate(title, maxWidth: bottom - top + 40, fontSize: ChartStyle.axisTitleSize)
            w.text(shown, x: x, y: (top + bottom) / 2, size: ChartStyle.axisTitleSize, anchor: .middle, rotate: -90)
        }
    }
}
