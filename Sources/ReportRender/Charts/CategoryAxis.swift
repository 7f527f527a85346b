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
        return Array(Swift.stride(from: count - 1, through: 0, by: -stride(fontSize: fontSize)).reversed())
    }

    /// Bands from one visible label to the next: enough for the widest label and 10 units.
    func stride(fontSize: Double = ChartStyle.labelSize) -> Int {
        let need = (labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0) + 10
        return max(1, Int((need / max(bandWidth, 0.001)).rounded(.up)))
    }

    /// Tick labels centred under each visible band, baseline at `y`, truncated to `maxWidth` or to
    /// the room between two visible labels if that is more (a phone's chart cut snapshots named by
    /// day to "2026-0…", with room for the whole label).
    func drawLabels(into w: inout SVGWriter, y: Double, maxWidth: Double) {
        let room = max(maxWidth, Double(stride()) * bandWidth - 10)
        for i in visibleIndices() {
            let label = TextMetrics.truncate(labels[i], maxWidth: room, fontSize: ChartStyle.labelSize)
            w.text(label, x: center(i), y: y, anchor: .middle)
        }
    }
}
