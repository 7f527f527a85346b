/// Text fields for CSV outputs.
public enum CSVText {
    /// Whether a first byte makes spreadsheets evaluate a cell: `=`, `+`, `-`, `@`, tab, carriage return.
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
        default: return false
        }
    }

    /// Whether a byte makes a field need quotes.
    @inline(__always)
    static func needsQuotes(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"): return true
        default: return false
        }
    }

    /// Whether `bytes` go into a CSV file as they are: no byte that `needsQuotes`, no first byte that
    /// `startsFormula`. Eight bytes at a time (the usual customer id is one word): a byte-by-byte
    /// loop was about 95 instructions per id of `segments.csv`.
    @inline(__always)
    static func isPlain(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = bytes.count
        guard n > 0, let p = bytes.baseAddress else { return true }
        if startsFormula(p.load(as: UInt8.self)) { return false }
        guard n >= 8 else {
            for k in 0..<n where needsQuotes(p.load(fromByteOffset: k, as: UInt8.self)) { return false }
            return true
        }
        var i = 0
        while i + 8 < n {
            if wordNeedsQuotes(p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
            i += 8
        }
        return !wordNeedsQuotes(p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    }

    /// Whether one of the eight bytes of `word` `needsQuotes`: a byte equal to c leaves a zero byte in
    /// word ^ (c in every byte), and (v − 0x01…01) & ~v has the top bit of the lowest zero byte of v set.
    @inline(__always)
    private static func wordNeedsQuotes(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v }
        let found = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: ",")))) | zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\""))))
            | zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\n")))) | zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\r"))))
            | zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: ";"))))
        return found & 0x8080_8080_8080_8080 != 0
    }

    /// RFC 4180 quoting when needed; text starting with `=`, `+`, `-`, `@`, tab or carriage return
    /// gets a leading `'` so spreadsheets never run it as a formula.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
