/// Evenly spaced bands along x (one per label), with label thinning when they would collide.
struct CategoryAxis {
    let labels: [String]
    let left: Double
    let width: Double

    var count: Int { labels.count }
    var bandWidth: Double { count == 0 ? width : width / Double(count) }

    /// Centre of band `index`.
    func center(_ index: Int) -> Double { left + (Double(index) + 0.5) * bandWidth }

    /// Indices of labels to show so that single-line labels do not overlap; the last label is kept.
    func visibleIndices(fontSize: Double = ChartStyle.labelSize) -> [Int] {
        guard count > 0 else { return [] }
        let need = (labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0) + 10
        let stride = max(1, Int((need / max(bandWidth, 0.001)).rounded(.up)))
        var shown = Array(Swift.stride(from: 0, to: count, by: stride))
        if let last = shown.last, last != count - 1 {
            if Double(count - 1 - last) * bandWidth >= need {
                shown.append(count - 1)
            } else {
                shown[shown.count - 1] = count - 1
            }
        }
        return shown
    }

    /// Tick labels (truncated to `maxWidth`) centred under each visible band, baseline at `y`.
    func drawLabels(into w: inout SVGWriter, y: Double, maxWidth: Double) {
        for i in visibleIndices() {
            let label = TextMetrics.truncate(labels[i], maxWidth: maxWidth, fontSize: ChartStyle.labelSize)
            w.text(label, x: center(i), y: y, anchor: .middle)
        }
    }
}
