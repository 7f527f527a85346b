import ReportModel

/// Decimal text of integers, money amounts and fixed-point doubles, written straight into a byte
/// buffer the caller has made room in (`maximumLength` bytes suffice for any one value): the number
/// formatting of the CSV outputs (`OutputFile`).
///
/// Digits are written two at a time from a table of the pairs 00–99, from the right: half the
/// divisions of one digit at a time. With each row after the id written in one reserved span (no
/// capacity check per byte, `OutputFile.append(atMost:)`), writing the 63 `segments.csv` files of a
/// 5 M-row ledger build went from 12.6 % to 10.4 % of its CPU time (perf, cpu-clock samples).
enum DecimalWriter {
    /// The most bytes one value takes (a sign, 20 digits, a point and 15 decimals).
    static let maximumLength = 40

    /// "00", "01", …, "99".
    private static let pairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Number of decimal digits of `value` (1 for 0).
    @inline(__always) static func digitCount(_ value: UInt64) -> Int {
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && value >= bound { digits += 1; bound = bound &* 10 }
        return digits
    }

    /// The two digits of `k` (0–99) as one little-endian 16-bit word, from `pairs`.
    @inline(__always) private static func pair(_ k: UInt64) -> UInt64 {
        UInt64(UInt16(littleEndian: UnsafeRawPointer(pairs.utf8Start).loadUnaligned(fromByteOffset: Int(k) &* 2, as: UInt16.self)))
    }

    /// Writes `value` left-padded with zeros to `minimumDigits` at `p`; returns the bytes written.
    @inline(__always) static func writeDigits(_ value: UInt64, minimumDigits: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let digits = max(digitCount(value), minimumDigits)
        let table = pairs.utf8Start
        var v = value
        var i = digits
        while i >= 2 {
            let pair = Int(v % 100) &* 2
            v /= 100
            i -= 2
            p[i] = table[pair]
            p[i + 1] = table[pair + 1]
        }
        if i == 1 { p[0] = UInt8(truncatingIfNeeded: v % 10) &+ 48 }
        return digits
    }

    /// An integer in decimal.
    @inline(__always) static func writeInteger(_ value: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard value < 0 else { return writeDigits(UInt64(value), minimumDigits: 1, to: p) }
        p[0] = UInt8(ascii: "-")
        return 1 + writeDigits(UInt64(value.magnitude), minimumDigits: 1, to: p + 1)
    }

    /// A `Money` amount (ten-thousandths) as a plain decimal without trailing zeros (`1234.5`, `12`), exact.
    ///
    /// The point and all four decimals are stored as one 5-byte pattern, and the length then leaves
    /// out the trailing zeros (the bytes past it are the caller's reserved span, overwritten next).
    static func writeMoney(_ units: Int64, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        if units < 0 { p[0] = UInt8(ascii: "-"); n = 1 }
        let m = units.magnitude
        n += writeDigits(m / 10_000, minimumDigits: 1, to: p + n)
        let fraction = m % 10_000
        guard fraction != 0 else { return n }
        let bytes = UInt64(UInt8(ascii: ".")) | pair(fraction / 100) << 8 | pair(fraction % 100) << 24
        UnsafeMutableRawPointer(p + n).storeBytes(of: UInt32(truncatingIfNeeded: bytes).littleEndian, as: UInt32.self)
        (p + n + 4).pointee = UInt8(truncatingIfNeeded: bytes >> 32)
        let zeros = fraction % 1_000 == 0 ? 3 : fraction % 100 == 0 ? 2 : fraction % 10 == 0 ? 1 : 0
        return n + 5 - zeros
    }

    /// A value of [0, 1] with six decimals, as `writeFixed(value, decimals: 6, to:)` writes it
    /// (`0.785867`, `1.000000`): eight bytes built in one word and stored at once. Other values
    /// (NaN included) take `writeFixed`. P(alive) in `segments.csv`, one per buyer: the general path
    /// counted the digits of both parts and wrote them a pair at a time.
    @inline(__always)
    static func writeProbability(_ value: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard value >= 0 && value <= 1 else { return writeFixed(value, places: 6, scale: 1_000_000, power: 1_000_000, to: p) }
        // The rounding of `writeFixed`: truncate, then round the exact remainder half away from zero.
        let magnitude = value * 1_000_000
        let truncated = Int64(magnitude)
        let units = UInt64(truncated) &+ roundsUp(magnitude, truncated)
        let fraction = units % 1_000_000
        let word = (UInt64(UInt8(ascii: "0")) + units / 1_000_000) | UInt64(UInt8(ascii: ".")) << 8
            | pair(fraction / 10_000) << 16 | pair(fraction / 100 % 100) << 32 | pair(fraction % 100) << 48
        UnsafeMutableRawPointer(p).storeBytes(of: word.littleEndian, as: UInt64.self)
        return 8
    }

    /// 1 when `magnitude` (≥ 0, below 9e15), truncated to `truncated`, rounds up (its exact remainder
    /// is at least one half), else 0: added rather than chosen, so that it compiles to a flag and an
    /// add instead of a branch. The remainders of P(alive) and predicted CLV fall either side of one
    /// half at random, so the branch was mispredicted about every other value: a fifth of
    /// `writeProbability`'s samples sat on it and the overflow check of its `+ 1` (perf annotate,
    /// 1 M × 12 build).
    @inline(__always)
    private static func roundsUp(_ magnitude: Double, _ truncated: Int64) -> UInt64 {
        UInt64((magnitude - Double(truncated) >= 0.5).bit)
    }

    /// A finite double with `decimals` decimals (0–15, locale-independent); nothing for NaN and ±∞.
    ///
    /// The value is rounded once to an integer count of 10^-decimals, then printed with integer
    /// arithmetic: 320 instructions per value with a division per digit and a byte-by-byte append
    /// before, the largest cost of writing `segments.csv` (callgrind).
    static func writeFixed(_ value: Double, decimals: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        writeFixed(value, FixedPointFormat(decimals: decimals), to: p)
    }

    /// `writeFixed(_:decimals:to:)` with the format's powers of ten worked out once by the caller.
    /// The decimals of `segments.csv` (2 and 6) take copies of the body with the power of ten as a
    /// constant, whose divisions compile to multiplications (a 64-bit division by a variable per
    /// value was a third of this function's time).
    static func writeFixed(_ value: Double, _ format: FixedPointFormat, to p: UnsafeMutablePointer<UInt8>) -> Int {
        switch format.decimals {
        case 2: return writeFixed(value, places: 2, scale: 100, power: 100, to: p)
        case 6: return writeFixed(value, places: 6, scale: 1_000_000, power: 1_000_000, to: p)
        default: return writeFixed(value, places: format.decimals, scale: format.scale, power: format.power, to: p)
        }
    }

    @inline(__always)
    private static func writeFixed(_ value: Double, places: Int, scale: Double, power: UInt64, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard value.isFinite else { return 0 }
        let magnitude = abs(value) * scale
        var n = 0
        // Below 9e15 (< 2^53) the rounding is done in integers: truncate, then round the exact
        // remainder half away from zero, as `rounded()` does (which calls libm's `round`: a third of
        // this function's time over the 44 M values of a 63-month-end ledger's segments.csv files).
        if magnitude < 9.0e15 {
            // Through Int64 (one instruction each way; UInt64's conversions handle values past
            // 2^63 with a dozen more: 7 % of this function's instructions): the same values below 9e15.
            let truncated = Int64(magnitude)
            let units = UInt64(truncated) &+ roundsUp(magnitude, truncated)
            if value < 0 && units > 0 { p[0] = UInt8(ascii: "-"); n = 1 }
            n += writeDigits(units / power, minimumDigits: 1, to: p + n)
            guard places > 0 else { return n }
            p[n] = UInt8(ascii: ".")
            return n + 1 + writeDigits(units % power, minimumDigits: places, to: p + n + 1)
        }
        // Beyond exact integers: the whole part in floating point, the decimals as zeros.
        let scaled = magnitude.rounded()
        if value < 0 { p[0] = UInt8(ascii: "-"); n = 1 }
        n += writeDigits(UInt64(min(scaled / scale, 1.8e19)), minimumDigits: 1, to: p + n)
        guard places > 0 else { return n }
        p[n] = UInt8(ascii: ".")
        return n + 1 + writeDigits(0, minimumDigits: places, to: p + n + 1)
    }
}
