/// A number of decimals with its powers of ten, worked out once per output column rather than
/// per value (`DecimalWriter.writeFixed`): the loop making them was an eighth of the time of
/// writing a P(alive) or CLV value.
struct FixedPointFormat {
    /// Decimals written, 0–15.
    let decimals: Int
    /// 10^decimals as a double (the value is scaled by it before rounding).
    let scale: Double
    /// 10^decimals as an integer (splits the rounded units into whole part and decimals).
    let power: UInt64

    init(decimals: Int) {
        self.decimals = min(max(decimals, 0), 15)
        var scale = 1.0
        var power: UInt64 = 1
        for _ in 0..<self.decimals { scale *= 10; power *= 10 }
        self.scale = scale
        self.power = power
    }
}
