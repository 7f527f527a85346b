/// Shared layout constants and colours for all charts.
enum ChartStyle {
    /// Default viewBox width; charts may grow wider when their content needs it.
    static let canvasWidth = 720.0

    /// A usable preferred width (non-finite → default, else 320...2400).
    static func clampWidth(_ width: Double) -> Double {
        width.isFinite ? min(max(width, 320), 2400) : canvasWidth
    }
    static let margin = 16.0

    static let titleSize = 16.0
    static let legendSize = 13.0
    static let axisTitleSize = 13.0
    static let labelSize = 12.0

    static let text = ChartColor.text.hex
    static let mutedText = "#4a4a4a"
    static let grid = "#e2e2e2"
    static let axis = "#767676"
    static let background = "#ffffff"
    static let target = "#333333"
    static let emptyStroke = "#8c8c8c"
    static let hatchLine = "#c4c4c4"
}
