/// Places the value labels of a line chart's points: each goes above its point unless it is freer
/// below it, or a step or two farther above or below. What a label may cross: the chart's lines (segments between points),
/// full-width lines (the target, the zero line), labels already placed, and the edges of the space
/// it may use. A label over a dashed target line or over its own line is hard to read even with a
/// halo: the strokes show between its glyphs.
struct PointLabelPlacer {
    /// A label's bounding box in SVG user units (y grows downwards).
    struct Box: Equatable {
        var minX: Double, maxX: Double, minY: Double, maxY: Double

        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        /// Whether the segment from (x1, y1) to (x2, y2) passes through the box.
        func crosses(x1: Double, y1: Double, x2: Double, y2: Double) -> Bool {
            let (ax, ay, bx, by) = x1 <= x2 ? (x1, y1, x2, y2) : (x2, y2, x1, y1)
            let from = max(ax, minX), to = min(bx, maxX)
            guard from <= to else { return false }
            func y(_ x: Double) -> Double { bx == ax ? ay : ay + (by - ay) * (x - ax) / (bx - ax) }
            let low = bx == ax ? min(ay, by) : min(y(from), y(to))
            let high = bx == ax ? max(ay, by) : max(y(from), y(to))
            return low < maxY && minY < high
        }
    }

    /// Least horizontal space between two labels side by side, in user units (a little over half
    /// a digit at 11 units).
    static let labelGap = 4.0

    /// Gap between a point and the baseline of a label above it, or the top of a label below it.
    static let offset = 9.0

    var segments: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
    /// The y of lines drawn across the whole plot.
    var horizontals: [Double] = []
    /// Boxes already taken (labels placed, the target's label at the line end), padded as `box` pads.
    var taken: [Box] = []
    /// The vertical span labels may use.
    let top: Double
    let bottom: Double
    let fontSize: Double

    init(top: Double, bottom: Double, fontSize: Double) {
        self.top = top
        self.bottom = bottom
        self.fontSize = fontSize
    }

    /// Space kept clear around a label's glyphs for lines (not between two labels: text widths are
    /// estimated on the wide side already).
    static let padding = 1.0

    /// The box of a label of `width` centred on x with its baseline at `baseline`, padded: digits
    /// and signs reach about 0.75 em above the baseline and nothing below it but a comma's tail.
    func box(width: Double, x: Double, baseline: Double) -> Box {
        let p = PointLabelPlacer.padding
        return Box(minX: x - width / 2 - p, maxX: x + width / 2 + p, minY: baseline - 0.75 * fontSize - p, maxY: baseline + 0.2 * fontSize + p)
    }

    /// A padded box without its padding: the glyphs' own extent.
    static func glyphs(_ box: Box) -> Box {
        Box(minX: box.minX + padding, maxX: box.maxX - padding, minY: box.minY + padding, maxY: box.maxY - padding)
    }

    /// The baseline above the point at (x, y), and the one below it.
    func baselines(y: Double) -> (above: Double, below: Double) {
        (y - PointLabelPlacer.offset, y + PointLabelPlacer.offset + 0.75 * fontSize)
    }

    /// How many steps farther from its point a label may go when both places next to it are taken
    /// (a target line just over a point, the label of a neighbouring point a little higher), and
    /// the length of a step in ems: about the height of a digit, so one step clears a line that ran
    /// through the glyphs, and the label still sits over or under its own point.
    static let farSteps = 2
    static let stepEms = 0.6

    /// What a step away from the point costs beside what it clears: less than a line grazing a
    /// label's edge (0.25), so a label moves only to be freer.
    static let stepCost = 0.1

    /// The places a label may take, in order of preference (a tie goes to the first): above, below,
    /// then a step farther above, a step farther below, and so on.
    func candidates(y: Double) -> [Double] {
        let (above, below) = baselines(y: y), step = PointLabelPlacer.stepEms * fontSize
        return (0...PointLabelPlacer.farSteps).flatMap { k in [above - Double(k) * step, below + Double(k) * step] }
    }

    /// The middle of a box, where the glyphs are: a fifth of its width in from each side, 2 units in
    /// from its top and bottom.
    static func core(_ box: Box) -> Box {
        let inset = (box.maxX - box.minX) / 5
        return Box(minX: box.minX + inset, maxX: box.maxX - inset, minY: box.minY + 2, maxY: box.maxY - 2)
    }

    /// How much a label in `box` would hide or be hidden by: a line through its middle counts 1 and
    /// one that only grazes its edge a quarter; another label counts 2, leaving the span 3.
    func cost(_ box: Box) -> Double {
        let middle = PointLabelPlacer.core(box)
        var cost = 0.0
        for s in segments where box.crosses(x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2) {
            cost += middle.crosses(x1: s.x1, y1: s.y1, x2: s.x2, y2: s.y2) ? 1 : 0.25
        }
        for y in horizontals where box.minY < y && y < box.maxY {
            cost += middle.minY < y && y < middle.maxY ? 1 : 0.25
        }
        // Two labels closer than `labelGap` read as one ("29,6 %29,7 %" on a French chart of twelve
        // months): counted as touching.
        let glyphs = PointLabelPlacer.glyphs(box), gap = PointLabelPlacer.labelGap
        let own = Box(minX: glyphs.minX - gap, maxX: glyphs.maxX + gap, minY: glyphs.minY, maxY: glyphs.maxY)
        for other in taken where own.intersects(PointLabelPlacer.glyphs(other)) { cost += 2 }
        if box.minY < top || box.maxY > bottom { cost += 3 }
        return cost
    }

    /// Places a label of `width` for the point at (x, y) and returns its baseline: above the point
    /// unless another place costs less, a step away counted (`stepCost`). The label's box is then
    /// taken.
    mutating func place(width: Double, x: Double, y: Double) -> Double {
        var best: (baseline: Double, box: Box, cost: Double)?
        for (k, baseline) in candidates(y: y).enumerated() {
            let box = box(width: width, x: x, baseline: baseline)
            let cost = cost(box) + Double(k / 2) * PointLabelPlacer.stepCost
            if best == nil || cost < best!.cost { best = (baseline, box, cost) }
        }
        taken.append(best!.box)
        return best!.baseline
    }
}
