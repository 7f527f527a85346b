/// Point marker shapes, cycled per series so lines stay distinguishable without colour.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond

    /// The shape for series number `index`.
    static func forSeries(_ index: Int) -> MarkerShape { allCases[index % allCases.count] }

    /// An SVG element for the marker centred at (`x`, `y`), with an optional `<title>` tooltip.
    func svg(x: Double, y: Double, color: ChartColor, size: Double = 4.5, tooltip: String? = nil) -> String {
        let n = SVGNumber.format
        let style = "fill=\"\(color.hex)\" stroke=\"#ffffff\" stroke-width=\"1.5\""
        let element: String
        switch self {
        case .circle:
            element = "circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(size))\" \(style)"
        case .square:
            let s = size * 0.9
            element = "rect x=\"\(n(x - s))\" y=\"\(n(y - s))\" width=\"\(n(2 * s))\" height=\"\(n(2 * s))\" \(style)"
        case .triangle:
            let s = size * 1.2
            element = "path d=\"M\(n(x)) \(n(y - s))L\(n(x + s)) \(n(y + s * 0.8))L\(n(x - s)) \(n(y + s * 0.8))Z\" \(style)"
        case .diamond:
            let s = size * 1.2
            element = "path d=\"M\(n(x)) \(n(y - s))L\(n(x + s)) \(n(y))L\(n(x)) \(n(y + s))L\(n(x - s)) \(n(y))Z\" \(style)"
        }
        if let tooltip {
            let tag = element.prefix(while: { $0 != " " })
            return "<\(element)><title>\(SVGEscaping.escape(tooltip))</title></\(tag)>"
        }
        return "<\(element)/>"
    }
}
