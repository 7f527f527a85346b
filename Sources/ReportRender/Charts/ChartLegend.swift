/// A left-to-right legend that wraps onto new rows.
struct ChartLegend {
    enum Swatch {
        case fill(ChartColor)
        case line(ChartColor, dashed: Bool, marker: MarkerShape?)
        case pattern(id: String)
    }

    struct Item {
        var label: String
        var swatch: Swatch
    }

    static let rowHeight = 20.0

    var items: [Item]

    private func swatchWidth(_ swatch: Swatch) -> Double {
        if case .line = swatch { return 26 }
        return 14
    }

    /// Draws the legend with its top-left corner at (`x`, `y`); returns the height used (0 if empty).
    func draw(into w: inout SVGWriter, x: Double, y: Double, maxWidth: Double) -> Double {
        guard !items.isEmpty else { return 0 }
        let size = ChartStyle.legendSize
        var cx = x
        var rowTop = y
        for item in items {
            let sw = swatchWidth(item.swatch)
            let label = TextMetrics.truncate(item.label, maxWidth: maxWidth - sw - 6, fontSize: size)
            let itemWidth = sw + 6 + TextMetrics.width(label, fontSize: size)
            if cx > x && cx + itemWidth > x + maxWidth {
                cx = x
                rowTop += ChartLegend.rowHeight
            }
            let mid = rowTop + ChartLegend.rowHeight / 2
            switch item.swatch {
            case .fill(let color):
                w.rect(x: cx, y: mid - 7, width: 14, height: 14, fill: color.hex, stroke: color.outline?.hex)
            case .line(let color, let dashed, let marker):
                w.line(x1: cx, y1: mid, x2: cx + 26, y2: mid, stroke: color.hex, width: dashed ? 1.5 : 2.5, dash: dashed ? "6 4" : nil)
                if let marker { w.raw(marker.svg(x: cx + 13, y: mid, color: color)) }
            case .pattern(let id):
                w.rect(x: cx, y: mid - 7, width: 14, height: 14, fill: "url(#\(id))", stroke: ChartStyle.emptyStroke)
            }
            w.text(label, x: cx + sw + 6, y: mid + size * 0.35, size: size)
            cx += itemWidth + 18
        }
        return rowTop + ChartLegend.rowHeight - y
    }
}
