import Testing
@testable import ReportModel

/// The scanning steps of the one-pass decoders, against plain byte-by-byte readings.
@Suite struct CSVRowScannerTests {
    /// What `plain` must answer, one byte at a time.
    static func reference(_ bytes: [UInt8], from p: Int, lineEnd: Int, delimiter: UInt8) -> (end: Int, ascii: Bool)? {
        var q = p
        var ascii = true
        while true {
            let b = bytes[q]
            if b == delimiter || b == UInt8(ascii: "\n") || q == lineEnd { return (q, ascii) }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\r") || (b < 0x20 && b != UInt8(ascii: "\t")) { return nil }
            if b >= 0x80 { ascii = false }
            q += 1
        }
    }

    /// Whatever `boolean` reads without a scan, `FieldParser.boolean` reads the same: every case
    /// mix of true and false, the digits, and near misses (other letters, controls, bytes that map
    /// onto a letter with bit 5 set).
    @Test func booleansReadWithoutAScanMatchTheGeneralParser() {
        var r = LifetimeTestRNG(seed: 42)
        let scanner = CSVRowScanner(delimiter: UInt8(ascii: ","))
        var read = 0
        for trial in 0..<20_000 {
            var field: [UInt8]
            if trial % 2 == 0 {
                let word = Array(r.pick(["true", "false", "0", "1", "tru", "fals", "yes"]).utf8)
                field = word.map { r.chance(0.5) ? $0 & ~0x20 : $0 }   // letters upper-cased at random
                if word == Array("0".utf8) || word == Array("1".utf8) { field = word }
            } else {
                let alphabet: [UInt8] = Array("trueFALSE01 \t".utf8) + [0x10, 0x11, 0x00, 0x54 ^ 0x80, 0x06, 0x46, 0x7F]
                field = (0..<(1 + r.below(6))).map { _ in alphabet[r.below(alphabet.count)] }
            }
            let bytes = field + Array(",x\n".utf8)
            guard let (value, end) = bytes.withUnsafeBufferPointer({ scanner.boolean($0.baseAddress!, 0) }) else { continue }
            // The decoder then needs the delimiter at `end`; read so, the field is what the general parser reads.
            guard bytes[end] == UInt8(ascii: ",") else { continue }
            let general = field.withUnsafeBytes { FieldParser.boolean($0) }
            #expect(general == value, "\(field)")
            read += 1
        }
        #expect(read > 3_000)
        // The spellings exports write are read without a scan.
        for (word, value) in [("false", false), ("true", true), ("FALSE", false), ("TRUE", true), ("False", false), ("True", true), ("0", false), ("1", true)] {
            let bytes = Array((word + ",").utf8)
            let got = bytes.withUnsafeBufferPointer { scanner.boolean($0.baseAddress!, 0) }
            #expect(got?.value == value && got?.end == word.utf8.count, "\(word)")
        }
    }

    @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: ";")])
    func plainFieldsEndWhereAByteLoopEndsThem(delimiter: UInt8) {
        var r = LifetimeTestRNG(seed: UInt64(delimiter))
        // Mostly id-like bytes, sometimes one of the bytes that end or refuse a field.
        let common = Array("C0123456789abcXYZ-_.é".utf8)
        let rare: [UInt8] = [delimiter, 0x20, 0x21, 0x22, 0x09, 0x0D, 0x00, 0x01, 0x23, 0x7F, 0xC3, 0xFF, UInt8(ascii: ","), UInt8(ascii: ";")]
        let scanner = CSVRowScanner(delimiter: delimiter)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let length = r.below(40)
            var line = (0..<length).map { _ in r.chance(0.08) ? rare[r.below(rare.count)] : common[r.below(common.count)] }
            line = line.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: "x") : $0 }
            let crlf = r.chance(0.3)
            let bytes = line + (crlf ? [0x0D, 0x0A] : [0x0A]) + Array("tail,more\n".utf8)
            let lineEnd = line.count
            let p = length == 0 ? 0 : r.below(length + 1)
            let got = bytes.withUnsafeBufferPointer { scanner.plain($0.baseAddress!, p, lineEnd) }
            let want = Self.reference(bytes, from: p, lineEnd: lineEnd, delimiter: delimiter)
            if got?.end != want?.end || got?.ascii != want?.ascii {
                mismatches.append("\(line) from \(p): \(String(describing: got)) vs \(String(describing: want))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }
}
