/// Locale-independent formatting of SVG coordinates: at most one decimal, never NaN or infinity.
enum SVGNumber {
    /// Formats `value` with at most one decimal (`12`, `12.5`, `-3.2`); non-finite values become `0`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e9), 1e9)
        let tenths = Int((clamped * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        let whole = magnitude / 10
        let frac = magnitude % 10
        return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }
}
