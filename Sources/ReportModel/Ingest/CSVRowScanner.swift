#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scanning steps shared by the one-pass row decoders (`SnapshotRowDecoder`, `LedgerRowDecoder`).
///
/// Each works inside one line found by `line(_:from:count:)`, whose `\n` stops every loop (it is
/// neither a digit nor a plain byte), so no step needs a bounds check. Each returns nil for anything
/// it does not read as plainly valid; the caller then hands the row to the general path.
/// (`@unchecked Sendable`: its one pointer is to `MonthStarts.entries`, never written nor freed.)
struct CSVRowScanner: @unchecked Sendable {
    let delimiter: UInt8
    /// `;` files write decimals with a comma (input.md).
    let decimalComma: Bool
    /// `MonthStarts.entries`, read once.
    let monthStarts = MonthStarts.entries

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        self.decimalComma = delimiter == UInt8(ascii: ";")
    }

    /// The line that starts at `start`: the offset of its `\n`, and of its line end (the `\n`, or
    /// the `\r` before it). Nil when no `\n` follows (a last line without one).
    @inline(__always)
    func line(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (newline: Int, lineEnd: Int)? {
        guard start < count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count &- start) else { return nil }
        let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        return (newline, newline > start && base[newline &- 1] == UInt8(ascii: "\r") ? newline &- 1 : newline)
    }

    /// Decodes the line that starts at `start` (of a buffer of `count` bytes) field by field:
    /// `field(k, offset, lineEnd)` reads field `k` from `offset` and returns where it ends (nil: not
    /// plainly valid). Each field must end on the delimiter, the last one on the line end. Returns
    /// the offset just past the line end, or nil.
    @inline(__always)
    func decodeLine(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, fields: Int,
                    _ field: (_ k: Int, _ offset: Int, _ lineEnd: Int) -> Int?) -> Int? {
        guard let (newline, lineEnd) = line(base, from: start, count: count) else { return nil }
        let last = fields &- 1
        var p = start
        for k in 0...last {
            guard let end = field(k, p, lineEnd) else { return nil }
            p = end
            if k < last {
                guard base[p] == delimiter else { return nil }
                p &+= 1
            } else {
                guard p == lineEnd else { return nil }
            }
        }
        return newline &+ 1
    }

    /// An unquoted field from `p`: its end and whether it is all ASCII; nil at a quote, a `\r` that
    /// does not end the line, or a NUL byte inside it (the general reader decides those).
    @inline(__always)
    func plain(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int) -> (end: Int, ascii: Bool)? {
        var q = p
        var high: UInt8 = 0
        // Eight bytes at a time up to the first byte that needs a look (the delimiter, or a byte
        // below `#`: controls, space, `!`, `"`); the loop below takes it from there.
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ones &* UInt64(delimiter)
        var wide: UInt64 = 0
        while q &+ 8 <= lineEnd {
            let word = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self)
            let x = word ^ delimiters
            // Exact up to the first flagged byte (borrows only run upwards), which is all we use.
            let special = ((x &- ones) & ~x | (word &- ones &* 0x23) & ~word) & tops
            if special == 0 {
                wide |= word
                q &+= 8
                continue
            }
            let before = special.trailingZeroBitCount / 8
            wide |= word & ((1 << UInt64(before * 8)) &- 1)
            q += before
            break
        }
        if wide & tops != 0 { high = 0x80 }
        while true {
            let b = base[q]
            if b != delimiter && b > UInt8(ascii: "\"") { high |= b; q &+= 1; continue }
            if b == delimiter || b == UInt8(ascii: "\n") || q == lineEnd { break }
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "!") || b == UInt8(ascii: "\t") { q &+= 1; continue }
            return nil
        }
        return (q, high < 0x80)
    }

    /// A text field from `p`, quoted or not: its content range, the offset after it, whether the
    /// content is all ASCII, and whether it holds doubled quotes (`""`, a quote in the value), which
    /// only `doubledQuotes` callers take (they read the content with `CSVReader.unescapedText`; the
    /// others keep the raw bytes, and such a field is not plainly valid for them). A quoted field
    /// must hold no line break and no NUL. (Feedback quoting its customers, 3.5 k rows of each 1 M-row
    /// sample file, took the general reader before: 3 % of the parse, perf.)
    @inline(__always)
    func text(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, doubledQuotes: Bool = false)
        -> (from: Int, to: Int, next: Int, ascii: Bool, escaped: Bool)? {
        guard base[p] == UInt8(ascii: "\"") else {
            guard let (end, ascii) = plain(base, p, lineEnd) else { return nil }
            return (p, end, end, ascii, false)
        }
        var q = p &+ 1
        var high: UInt8 = 0
        var escaped = false
        while true {
            let b = base[q]
            if b > UInt8(ascii: "\"") || b == UInt8(ascii: " ") || b == UInt8(ascii: "!") { high |= b; q &+= 1; continue }
            if b == UInt8(ascii: "\"") {
                guard base[q &+ 1] == UInt8(ascii: "\"") else { break }
                guard doubledQuotes else { return nil }
                escaped = true
                q &+= 2
                continue
            }
            if b == UInt8(ascii: "\t") { q &+= 1; continue }
            return nil   // \n (a quoted line break, or the end of this line), \r, NUL, other controls
        }
        return (p &+ 1, q, q &+ 1, high < 0x80, escaped)
    }

    /// Reads a typed field (a number, a date, a flag) with `read(from, end)`: from `p` to the line
    /// end, or, when `quotes` allows it and the field is quoted (as exports that quote every field
    /// write it), from after the opening quote to the closing one, which `read` must reach exactly.
    /// Returns where the field ends.
    @inline(__always)
    func typed(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, quotes: Bool,
               _ read: (_ from: Int, _ end: Int) -> Int?) -> Int? {
        guard quotes && base[p] == UInt8(ascii: "\"") else { return read(p, lineEnd) }
        guard let close = closingQuote(base, p), let end = read(p &+ 1, close), end == close else { return nil }
        return close &+ 1
    }

    /// The closing quote of the quoted field whose opening quote is at `p`: nil when the line ends
    /// first (a quoted line break) or the quote is doubled (`""` stands for a quote in the value).
    @inline(__always)
    func closingQuote(_ base: UnsafePointer<UInt8>, _ p: Int) -> Int? {
        var q = p &+ 1
        while true {
            let b = base[q]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\n") { return nil }
            q &+= 1
        }
        guard base[q &+ 1] != UInt8(ascii: "\"") else { return nil }
        return q
    }

    /// The run of decimal digits from `p` (possibly empty), read with wrapping arithmetic: callers
    /// check its length before they use the value.
    @inline(__always)
    private func digitRun(_ base: UnsafePointer<UInt8>, _ p: Int) -> (value: Int64, end: Int) {
        var q = p
        var v: Int64 = 0
        while true {
            let d = base[q] &- UInt8(ascii: "0")
            guard d < 10 else { break }
            v = v &* 10 &+ Int64(d)
            q &+= 1
        }
        return (v, q)
    }

    /// At most nine decimal digits from `p` (so any value fits `Int32`); nil when there are none or more.
    @inline(__always)
    func digits(_ base: UnsafePointer<UInt8>, _ p: Int) -> (value: Int, end: Int)? {
        let (v, q) = digitRun(base, p)
        guard q > p && q &- p <= 9 else { return nil }
        return (Int(v), q)
    }

    /// An amount `ddd` or `ddd.dddd` (`,` as the point with `;` files): 1–12 integer digits and 1–4
    /// decimals, which `Money.parse` reads as exactly this value. Anything else (a sign, a lone
    /// point, more decimals) is left to `Money.parse`.
    @inline(__always)
    func money(_ base: UnsafePointer<UInt8>, _ p: Int) -> (units: Int64, end: Int)? {
        let (integer, integerEnd) = digitRun(base, p)
        var q = integerEnd
        guard q > p && q &- p <= Money.maxIntegerDigits else { return nil }
        var units = integer &* Money.scale
        let b = base[q]
        if b == UInt8(ascii: ".") || (decimalComma && b == UInt8(ascii: ",")) {
            let from = q &+ 1
            let fraction: Int64
            (fraction, q) = digitRun(base, from)
            let n = q &- from
            guard n >= 1 && n <= 4 else { return nil }
            var scaled = fraction
            for _ in n..<4 { scaled &*= 10 }
            units &+= scaled
        }
        return (units, q)
    }

    /// A ten-byte date in `format` from `p`: its day ordinal and end (nil for any other length, or
    /// not a real date).
    @inline(__always)
    func date(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, format: DateFormat) -> (ordinal: Int32, end: Int)? {
        guard p &+ 10 <= lineEnd else { return nil }
        let raw = UnsafeRawBufferPointer(start: base + p, count: 10)
        // The ISO path inlined as it was; the others out of line, which keeps this step small enough
        // to be inlined into the decoders (inlining all three: 6 % more parse instructions, callgrind).
        guard let d = format == .iso ? FieldParser.isoDate(raw, monthStarts: monthStarts) : slashDate(raw, format: format) else { return nil }
        return (d.ordinal, p &+ 10)
    }

    /// A day-first or month-first date (`FieldParser.slashDate`).
    @inline(never)
    private func slashDate(_ raw: UnsafeRawBufferPointer, format: DateFormat) -> Day? {
        FieldParser.slashDate(raw, dayFirst: format == .dayFirst, monthStarts: monthStarts)
    }

    /// `false`, `true`, `0` or `1` from `p`, and `FALSE`/`TRUE` in any other case (`FALSE` as
    /// spreadsheets write it, `False` as pandas does): the value and its end, without a scan. Nil
    /// for any other spelling, which `FieldParser.boolean` then reads. Each byte is compared only
    /// while the previous ones matched, so the line's `\n` bounds the reads. Lower case first, as
    /// before the other cases were added (comparing in any case on every field: 1–3 % slower parse).
    /// Parsing the 1 M × 12 sample with `TRUE`/`FALSE`: 1.29–1.36 s through `FieldParser.boolean`,
    /// 1.18–1.22 s so.
    @inline(__always)
    func boolean(_ base: UnsafePointer<UInt8>, _ p: Int) -> (value: Bool, end: Int)? {
        switch base[p] {
        case UInt8(ascii: "f"):
            guard base[p &+ 1] == UInt8(ascii: "a"), base[p &+ 2] == UInt8(ascii: "l"), base[p &+ 3] == UInt8(ascii: "s"),
                  base[p &+ 4] == UInt8(ascii: "e") else { return nil }
            return (false, p &+ 5)
        case UInt8(ascii: "t"):
            guard base[p &+ 1] == UInt8(ascii: "r"), base[p &+ 2] == UInt8(ascii: "u"), base[p &+ 3] == UInt8(ascii: "e") else { return nil }
            return (true, p &+ 4)
        case UInt8(ascii: "0"): return (false, p &+ 1)
        case UInt8(ascii: "1"): return (true, p &+ 1)
        case UInt8(ascii: "F"), UInt8(ascii: "T"): return booleanInAnyCase(base, p)
        default: return nil
        }
    }

    /// `false` or `true` in any case (`b | 0x20` equals a lower-case letter only for that letter
    /// and its capital).
    @inline(never)
    private func booleanInAnyCase(_ base: UnsafePointer<UInt8>, _ p: Int) -> (value: Bool, end: Int)? {
        switch base[p] | 0x20 {
        case UInt8(ascii: "f"):
            guard base[p &+ 1] | 0x20 == UInt8(ascii: "a"), base[p &+ 2] | 0x20 == UInt8(ascii: "l"), base[p &+ 3] | 0x20 == UInt8(ascii: "s"),
                  base[p &+ 4] | 0x20 == UInt8(ascii: "e") else { return nil }
            return (false, p &+ 5)
        case UInt8(ascii: "t"):
            guard base[p &+ 1] | 0x20 == UInt8(ascii: "r"), base[p &+ 2] | 0x20 == UInt8(ascii: "u"), base[p &+ 3] | 0x20 == UInt8(ascii: "e") else { return nil }
            return (true, p &+ 4)
        default: return nil
        }
    }
}
