/// Parsers for typed CSV values, working on raw bytes.
///
/// Each returns nil when the bytes are not a valid value; callers turn that into an `InputError`.
/// Leading and trailing ASCII spaces are ignored for typed values.
public enum FieldParser {
    /// Most digits accepted in an integer (keeps `Int` arithmetic exact).
    static let maxIntegerDigits = 15

    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0, hi = bytes.count
        while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
        if lo == 0 && hi == bytes.count { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])
    }

    /// A non-negative integer of at most 15 digits.
    public static func nonNegativeInteger(_ raw: UnsafeRawBufferPointer) -> Int? {
        let bytes = trimmed(raw)
        guard !bytes.isEmpty, bytes.count <= maxIntegerDigits else { return nil }
        var value = 0
        for b in bytes {
            let d = Int(b) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Whether `raw` is written as a whole number (a sign, then digits only), of any length: a
    /// value `integer` refuses for its size only is said to be too large, not "not a whole number".
    public static func isWholeNumberText(_ raw: UnsafeRawBufferPointer) -> Bool {
        var bytes = trimmed(raw)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// An integer that may carry a leading minus sign.
    public static func integer(_ raw: UnsafeRawBufferPointer) -> Int? {
        let bytes = trimmed(raw)
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            guard let v = nonNegativeInteger(UnsafeRawBufferPointer(rebasing: bytes[1...])) else { return nil }
            return first == UInt8(ascii: "-") ? -v : v
        }
        return nonNegativeInteger(bytes)
    }

    /// A date in the given format; nil when malformed or not a real date.
    public static func date(_ raw: UnsafeRawBufferPointer, format: DateFormat) -> Day? {
        if format == .iso, raw.count == 10 { return isoDate(raw) }
        let b = trimmed(raw)
        guard b.count == 10 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for k in from..<(from + len) {
                let d = Int(b[k]) &- 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        let y: Int?, m: Int?, d: Int?
        switch format {
        case .iso:
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            y = num(0, 4); m = num(5, 2); d = num(8, 2)
        case .dayFirst, .monthFirst:
            guard b[2] == UInt8(ascii: "/"), b[5] == UInt8(ascii: "/") else { return nil }
            let first = num(0, 2), second = num(3, 2)
            y = num(6, 4)
            (d, m) = format == .dayFirst ? (first, second) : (second, first)
        }
        guard let y, let m, let d else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// An untrimmed ten-byte `YYYY-MM-DD` (every date of a typical export): two loads, every byte
    /// checked at once (a digit is a byte whose high nibble stays 3 with 6 added), instead of the
    /// general parser's trimming and per-part loops (360 instructions per date before, 10 % of
    /// reading a snapshot; byte by byte, 85 instructions; now about 45).
    @inline(__always)
    static func isoDate(_ b: UnsafeRawBufferPointer, monthStarts: UnsafePointer<Int64> = MonthStarts.entries) -> Day? {
        let base = b.baseAddress.unsafelyUnwrapped
        // Byte k of the text is bits 8k..<8k+8 (little-endian loads): `YYYY-MM-` and `DD`.
        let head = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let tail = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        guard head & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000 else { return nil }
        // The digits as one word (`0` in place of the two dashes), bytes 0–7 then 8–9 above them.
        let digits = head & 0x00FF_FF00_FFFF_FFFF | 0x3000_0030_0000_0000
        let sixes: UInt64 = 0x0606_0606_0606_0606, nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, zeros: UInt64 = 0x3030_3030_3030_3030
        guard digits & nibbles == zeros, (digits &+ sixes) & nibbles == zeros,
              tail & 0xF0F0 == 0x3030, (tail &+ 0x0606) & 0xF0F0 == 0x3030 else { return nil }
        let v = digits &- zeros, w = tail &- 0x3030
        @inline(__always) func d(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (v >> (8 &* k)) & 0xF) }
        let year = d(0) &* 1000 &+ d(1) &* 100 &+ d(2) &* 10 &+ d(3)
        let month = d(5) &* 10 &+ d(6)
        let day = Int(truncatingIfNeeded: w & 0xF) &* 10 &+ Int(truncatingIfNeeded: w >> 8)
        return MonthStarts.day(year: year, month: month, day: day, entries: monthStarts)
    }

    /// What is wrong with an amount that must be 0 or more: "is negative" for a negative decimal
    /// number, "is too large…" for one of 13 digits or more, else "is not a decimal number >= 0".
    public static func notNonNegative(_ raw: UnsafeRawBufferPointer, decimalComma: Bool) -> String {
        if let v = Money.parse(raw, decimalComma: decimalComma, allowNegative: true), v < 0 { return bilingual("is negative, where it must be 0 or more", "est négatif, alors qu'il doit valoir 0 ou plus") }
        return Money.refusal(raw, decimalComma: decimalComma, orMore: true)
    }

    /// For an error about a value that should be a whole number: a hint when `raw` is one written
    /// with a decimal part of zeros (`9.0`), as pandas writes an integer column that has empty cells
    /// (it stores them as floats); "" otherwise.
    public static func wholeNumberHint(for raw: UnsafeRawBufferPointer) -> String {
        let b = trimmed(raw)
        guard let point = b.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }), point > 0, point < b.count - 1,
              b[..<point].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              b[(point + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return "" }
        return bilingual("; a whole number written with decimals (as exports from pandas or some spreadsheets write a column of "
            + "whole numbers that has empty cells): write it without the decimals",
            "\u{202F}; un nombre entier écrit avec des décimales (comme pandas ou certains tableurs écrivent une colonne de "
            + "nombres entiers qui a des cellules vides)\u{00A0}: écrivez-le sans les décimales")
    }

    /// For an error about a value of a column that may be left empty: a hint when `raw` is a word
    /// for "no value" (`N/A`, `NULL`, `None`, `NaN`, `-`, as spreadsheets, databases and pandas
    /// write one), which input.md does not list: an empty cell is how a file says so. "" otherwise.
    public static func noValueHint(for raw: UnsafeRawBufferPointer) -> String {
        let words = ["n/a", "na", "#n/a", "null", "none", "nan", "nil", "-", "--", "—", "–", "?"]
        let text = String(decoding: trimmed(raw), as: UTF8.self)
        guard words.contains(text.lowercased()) else { return "" }
        return bilingual("; \"\(text)\" stands for no value: leave the cell empty", "\u{202F}; \"\(text)\" signifie «\u{00A0}aucune valeur\u{00A0}»\u{00A0}: laissez la cellule vide")
    }

    /// What a yes/no value should be, for the error message about `raw`. A spreadsheet that opened
    /// the export and saved it again writes its own words for TRUE and FALSE (VRAI/FAUX in French,
    /// WAHR/FALSCH in German), which input.md does not list: the message says so.
    public static func booleanExpectation(for raw: UnsafeRawBufferPointer) -> String {
        let listed = bilingual("true/false, 1/0, yes/no or oui/non", "true/false, 1/0, yes/no ou oui/non")
        let words: String
        if ["y", "n", "o"].contains(where: { equalsIgnoringCase(raw, $0) }) {
            return listed + bilingual("; write the word in full (yes/no, oui/non): single letters are not read", "\u{202F}; écrivez le mot en entier (yes/no, oui/non)\u{00A0}: une lettre seule n'est pas lue")
        }
        if equalsIgnoringCase(raw, "vrai") || equalsIgnoringCase(raw, "faux") { words = "VRAI/FAUX" }
        else if equalsIgnoringCase(raw, "wahr") || equalsIgnoringCase(raw, "falsch") { words = "WAHR/FALSCH" }
        else { return listed }
        return listed + bilingual("; \(words) is how a spreadsheet writes TRUE/FALSE when it saves the file again: "
            + "replace them by true/false, or use the export as it came",
            "\u{202F}; \(words) est la façon dont un tableur écrit TRUE/FALSE quand il enregistre de nouveau le fichier\u{00A0}: "
            + "remplacez-les par true/false, ou utilisez l'export tel quel")
    }

    /// An untrimmed ten-byte `DD/MM/YYYY` (`dayFirst`) or `MM/DD/YYYY`, read as `isoDate` reads
    /// `YYYY-MM-DD`: two loads, every byte checked at once. French exports write their dates so
    /// (`date_format: dd/mm/yyyy`). Parsing the 1 M × 12 sample with its dates so written:
    /// 1.47–1.59 s through the general date parser, against 1.12–1.15 s with ISO dates. (Its digit
    /// check is `isoDate`'s, written out again: shared through a helper returning both words, it
    /// cost 0.6 % more parse instructions, callgrind.)
    @inline(__always)
    static func slashDate(_ b: UnsafeRawBufferPointer, dayFirst: Bool, monthStarts: UnsafePointer<Int64> = MonthStarts.entries) -> Day? {
        let base = b.baseAddress.unsafelyUnwrapped
        // Byte k of the text is bits 8k..<8k+8: `DD/MM/YY` and `YY`.
        let head = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let tail = UInt64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        guard head & 0x0000_FF00_00FF_0000 == 0x0000_2F00_002F_0000 else { return nil }
        // The digits as one word (`0` in place of the two slashes).
        let digits = head & 0xFFFF_00FF_FF00_FFFF | 0x0000_3000_0030_0000
        let sixes: UInt64 = 0x0606_0606_0606_0606, nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, zeros: UInt64 = 0x3030_3030_3030_3030
        guard digits & nibbles == zeros, (digits &+ sixes) & nibbles == zeros,
              tail & 0xF0F0 == 0x3030, (tail &+ 0x0606) & 0xF0F0 == 0x3030 else { return nil }
        let v = digits &- zeros, w = tail &- 0x3030
        @inline(__always) func d(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (v >> (8 &* k)) & 0xF) }
        let first = d(0) &* 10 &+ d(1), second = d(3) &* 10 &+ d(4)
        let year = d(6) &* 1000 &+ d(7) &* 100 &+ Int(truncatingIfNeeded: w & 0xF) &* 10 &+ Int(truncatingIfNeeded: w >> 8)
        return dayFirst ? MonthStarts.day(year: year, month: second, day: first, entries: monthStarts)
                        : MonthStarts.day(year: year, month: first, day: second, entries: monthStarts)
    }

    /// `true/false`, `1/0`, `yes/no`, `oui/non` in any case (no allocation: compared byte by byte).
    public static func boolean(_ raw: UnsafeRawBufferPointer) -> Bool? {
        // Fast path for untrimmed `false`, `true`, `0`, `1` in any case (x | 0x20 equals a lowercase
        // letter only for that letter and its capital).
        switch raw.count {
        case 5 where raw[0] | 0x20 == UInt8(ascii: "f") && raw[1] | 0x20 == UInt8(ascii: "a") && raw[2] | 0x20 == UInt8(ascii: "l")
                && raw[3] | 0x20 == UInt8(ascii: "s") && raw[4] | 0x20 == UInt8(ascii: "e"):
            return false
        case 4 where raw[0] | 0x20 == UInt8(ascii: "t") && raw[1] | 0x20 == UInt8(ascii: "r") && raw[2] | 0x20 == UInt8(ascii: "u")
                && raw[3] | 0x20 == UInt8(ascii: "e"):
            return true
        case 1 where raw[0] == UInt8(ascii: "0"): return false
        case 1 where raw[0] == UInt8(ascii: "1"): return true
        default: break
        }
        let b = trimmed(raw)
        switch b.count {
        case 1:
            if b[0] == UInt8(ascii: "1") { return true }
            if b[0] == UInt8(ascii: "0") { return false }
            return nil
        case 2: return equalsIgnoringCase(b, "no") ? false : nil
        case 3:
            if equalsIgnoringCase(b, "yes") || equalsIgnoringCase(b, "oui") { return true }
            return equalsIgnoringCase(b, "non") ? false : nil
        case 4: return equalsIgnoringCase(b, "true") ? true : nil
        case 5: return equalsIgnoringCase(b, "false") ? false : nil
        default: return nil
        }
    }

    /// Compares trimmed bytes with an ASCII word, ignoring case.
    public static func equalsIgnoringCase(_ raw: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        let b = trimmed(raw)
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<b.count {
            let c = b[k]
            let lower = (c >= 65 && c <= 90) ? c + 32 : c
            if lower != w[k] { return false }
        }
        return true
    }
}
