/// Accumulates SVG elements; every text and attribute value from outside is escaped here.
struct SVGWriter {
    enum Anchor: String { case start, middle, end }

    private var defs: [String] = []
    private var body: [String] = []
    /// The message drawn instead of the plot, if any (`noData`).
    private var noDataMessage: String?

    static func n(_ value: Double) -> String { SVGNumber.format(value) }

    /// Adds a raw, already safe element to `<defs>`.
    mutating func def(_ element: String) { defs.append(element) }

    /// Adds a raw, already safe element to the body.
    mutating func raw(_ element: String) { body.append(element) }

    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        stroke: String? = nil, strokeWidth: Double = 1, dash: String? = nil, tooltip: String? = nil
    ) {
        let n = SVGWriter.n
        var attrs = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { attrs += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"" }
        if let dash { attrs += " stroke-dasharray=\"\(dash)\"" }
        if let tooltip {
            body.append("<rect \(attrs)><title>\(SVGEscaping.escape(tooltip))</title></rect>")
        } else {
            body.append("<rect \(attrs)/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        let n = SVGWriter.n
        var attrs = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
        if let dash { attrs += " stroke-dasharray=\"\(dash)\"" }
        body.append("<line \(attrs)/>")
    }

    mutating func path(_ d: String, stroke: String, width: Double, dash: String? = nil) {
        var attrs = "d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { attrs += " stroke-dasharray=\"\(dash)\"" }
        body.append("<path \(attrs)/>")
    }

    /// A text element; `y` is the baseline. `halo` paints a white outline behind the glyphs.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = ChartStyle.labelSize, anchor: Anchor = .start,
        bold: Bool = false, fill: String = ChartStyle.text, rotate: Double? = nil, halo: Bool = false
    ) {
        let n = SVGWriter.n
        var attrs = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
        if anchor != .start { attrs += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attrs += " font-weight=\"bold\"" }
        attrs += " fill=\"\(fill)\""
        if let rotate { attrs += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        if halo { attrs += " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        body.append("<text \(attrs)>\(SVGEscaping.escape(content))</text>")
    }

    /// Draws the wrapped visible title at the top; returns the y just below it.
    mutating func header(title: String, width: Double) -> Double {
        var y = ChartStyle.margin
        for line in TextMetrics.wrap(title, maxWidth: width - 2 * ChartStyle.margin, fontSize: ChartStyle.titleSize, bold: true, maxLines: 3) {
            y += ChartStyle.titleSize * 1.25
            text(line, x: ChartStyle.margin, y: y, size: ChartStyle.titleSize, bold: true)
        }
        return y + 12
    }

    /// Draws a dashed frame with a centred, wrapped message (used when there is nothing to plot).
    mutating func noData(_ message: String, x: Double, y: Double, width: Double, height: Double) {
        noDataMessage = message
        rect(x: x, y: y, width: width, height: height, fill: "#fafafa", stroke: ChartStyle.emptyStroke, dash: "4 3")
        let lines = TextMetrics.wrap(message, maxWidth: width - 24, fontSize: ChartStyle.legendSize, maxLines: 3)
        let lineHeight = ChartStyle.legendSize * 1.3
        var baseline = y + height / 2 - Double(lines.count - 1) * lineHeight / 2 + ChartStyle.legendSize * 0.35
        for line in lines {
            text(line, x: x + width / 2, y: baseline, size: ChartStyle.legendSize, anchor: .middle, fill: ChartStyle.mutedText)
            baseline += lineHeight
        }
    }

    /// The complete `<svg>` element of a chart with nothing to plot: below what is drawn down to `top`
    /// (its title and legend), a dashed frame with `message`.
    mutating func noDataDocument(_ message: String, top: Double, id: String, width: Double, title: String, description: String) -> String {
        let m = ChartStyle.margin
        noData(message, x: m, y: top + 8, width: width - 2 * m, height: 160)
        return document(id: id, width: width, height: top + 8 + 160 + m, title: title, description: description)
    }

    /// Draws the x axis's title centred under a plot from `left` to `right` whose labels end at
    /// `bottom`, when it has one; returns the new bottom.
    mutating func xAxisTitle(_ title: String, left: Double, right: Double, bottom: Double) -> Double {
        guard !title.isEmpty else { return bottom }
        text(TextMetrics.truncate(title, maxWidth: right - left, fontSize: ChartStyle.axisTitleSize),
             x: (left + right) / 2, y: bottom + 20, size: ChartStyle.axisTitleSize, anchor: .middle)
        return bottom + 20
    }

    /// The complete `<svg>` element.
    func document(id: String, width: Double, height: Double, title: String, description: String) -> String {
        let n = SVGWriter.n
        let titleID = "\(id)-title", descID = "\(id)-desc"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"100%\""
        out += " style=\"max-width:\(n(width))px;height:auto\" role=\"img\" aria-labelledby=\"\(titleID)\" aria-describedby=\"\(descID)\""
        out += " font-family=\"inherit\">\n"
        out += "<title id=\"\(titleID)\">\(SVGEscaping.escape(title))</title>\n"
        // The plot's no-data text, inside role="img", is not read out: the description says it.
        var desc = description.isEmpty ? title : description
        if let noDataMessage { desc += (desc.hasSuffix(".") ? " " : ". ") + noDataMessage + "." }
        out += "<desc id=\"\(descID)\">\(SVGEscaping.escape(desc))</desc>\n"
        if !defs.isEmpty { out += "<defs>\n" + defs.joined(separator: "\n") + "\n</defs>\n" }
        out += "<rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(ChartStyle.background)\"/>\n"
        out += body.joined(separator: "\n")
        out += "\n</svg>"
        return out
    }
}
