/// Evenly spaced bands along x (one per label), with label thinning when they would collide.
struct CategoryAxis {
    let labels: [String]
    let left: Double
    let width: Double

    var count: Int { labels.count }
    var bandWidth: Double { count == 0 ? width : width / Double(count) }

    /// Centre of band `index`.
    func center(_ index: Int) -> Double { left + (Double(index) + 0.5) * bandWidth }

    /// Indices of labels to show so that single-line labels do not overlap: every `stride`-th,
    /// counted back from the last (the latest snapshot's is always shown). Counted from the first,
    /// the last label was forced in and pushed out its neighbour: 2025-11, 2026-02, 2026-05, then
    /// 2026-10 with 2026-08 left out, beside a chart of the same months labelled every second one.
    func visibleIndices(fontSize: Double = ChartStyle.labelSize) -> [Int] {
        guard count > 0 else { return [] }
        let need = (labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0) + 10
        let stride = max(1, Int((need / max(bandWidth, 0.001)).rounded(.up)))
        return Array(Swift.stride(from: count - 1, through: 0, by: -stride).reversed())
    }

    /// Tick labels (truncated to `maxWidth`) centred under each visible band, baseline at `y`.
    func drawLabels(into w: inout SVGWriter, y: Double, maxWidth: Double) {
        for i in visibleIndices() {
            let label = TextMetrics.truncate(labels[i], maxWidth: maxWidth, fontSize: ChartStyle.labelSize)
            w.text(label, x: center(i), y: y, anchor: .middle)
        }
    }
}
