import Foundation
import Testing
@testable import ReportRender

/// `OutputFile`: formatting of numbers, text larger than its buffer, flushing across the buffer's
/// edge, files of several writeback chunks, and write errors surfacing at the next line end.
@Suite struct OutputFileTests {
    private func written(_ body: (inout OutputFile) throws -> Void) throws -> String {
        let path = NSTemporaryDirectory() + "fidelis-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        var file = try OutputFile(path: path)
        try body(&file)
        try file.close()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func formatsNumbers() throws {
        let text = try written { out in
            for v in [0, 7, 10, 1234567890, -42, Int.max, Int.min + 1] { out.append(integer: v); out.append(UInt8(ascii: " ")) }
            try out.endLine()
            for m: Int64 in [0, 5, 12_345, 10_000, -2_500, 99_999_999] { out.append(money: m); out.append(UInt8(ascii: " ")) }
            try out.endLine()
            for (v, d) in [(0.5, 2), (1.005, 2), (-0.001, 2), (2.0 / 3, 6), (123.456, 0), (-1.5, 1)] { out.append(fixed: v, decimals: d); out.append(UInt8(ascii: " ")) }
            out.append(fixed: .nan, decimals: 2)
            try out.endLine()
        }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "0 7 10 1234567890 -42 9223372036854775807 -9223372036854775807 ")
        #expect(lines[1] == "0 0.0005 1.2345 1 -0.25 9999.9999 ")
        #expect(lines[2] == "0.50 1.00 0.00 0.666667 123 -1.5 ")
    }

    /// A file of several writeback chunks (their writeback to disk started as they are written,
    /// 8 MiB at a time) holds every byte, in order, lines across the buffer's and the chunks' edges,
    /// and lines longer than the buffer (written past it) among them.
    @Test func aLargeFileHoldsEveryLineAcrossWritebackChunks() throws {
        let lines = 400_000
        let long = String(repeating: "y", count: 3 << 20)
        func expected(_ i: Int) -> String { "line \(i)" + (i % 100_000 == 99_999 ? long : String(repeating: "x", count: i % 97)) }
        let text = try written { out in
            for i in 0..<lines {
                out.append("line ")
                out.append(integer: i)
                out.append(i % 100_000 == 99_999 ? long : String(repeating: "x", count: i % 97))
                try out.endLine()
            }
        }
        #expect(text.utf8.count > 30 << 20)
        var i = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            guard line == expected(i) else {
                Issue.record("line \(i + 1): \(line.prefix(40))")
                return
            }
            i += 1
        }
        #expect(i == lines)
    }

    /// Every integer is written as `String(describing:)` writes it, at each edge of a digit count
    /// (10^k − 1, 10^k, 10^k + 1, powers of two either side) and on pseudo-random values of every size.
    @Test func integersMatchTheirDescriptionAtEveryDigitCount() {
        var values: [UInt64] = [0, 1, UInt64.max, UInt64.max - 1]
        var power: UInt64 = 1
        for _ in 0..<20 {
            values += [power - 1, power, power + 1]
            if power <= UInt64.max / 10 { power *= 10 } else { break }
        }
        for b in 0..<64 { values += [UInt64(1) << b, (UInt64(1) << b) - 1, (UInt64(1) << b) &+ 1] }
        var state: UInt64 = 88_172_645_463_325_252
        for _ in 0..<20_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            values.append(state >> (state % 64))
        }
        var buffer = [UInt8](repeating: 0, count: DecimalWriter.maximumLength)
        var wrong: [UInt64] = []
        for v in values {
            let n = buffer.withUnsafeMutableBufferPointer { DecimalWriter.writeDigits(v, minimumDigits: 1, to: $0.baseAddress!) }
            if String(decoding: buffer[0..<n], as: UTF8.self) != String(v) || DecimalWriter.digitCount(v) != String(v).count { wrong.append(v) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(values.count > 20_000)
    }

    /// Rows written into reserved spans land in order across buffer flushes, each exactly its bytes.
    @Test func reservedSpansAcrossTheBuffer() throws {
        var expected = ""
        let text = try written { out in
            for k in 0..<150_000 {
                out.append(atMost: 64) { p in
                    var n = DecimalWriter.writeInteger(k - 75_000, to: p)
                    p[n] = UInt8(ascii: ","); n += 1
                    n += DecimalWriter.writeMoney(Int64(k) * 37, to: p + n)
                    p[n] = UInt8(ascii: ","); n += 1
                    n += DecimalWriter.writeFixed(Double(k) / 7, decimals: 3, to: p + n)
                    p[n] = UInt8(ascii: "\n")
                    return n + 1
                }
                let money = Double(k * 37) / 10_000
                expected += "\(k - 75_000),\(money == money.rounded() ? String(Int(money)) : String(money)),\(String(format: "%.3f", Double(k) / 7))\n"
            }
            try out.throwPendingError()
        }
        #expect(text.utf8.count > 1 << 21, "spans more than two buffers")
        #expect(text == expected)
    }

    /// 3 MiB of lines (a dozen buffer flushes mid-line) and one 2.5 MiB text (larger than the buffer).
    @Test func writesAcrossAndBeyondTheBuffer() throws {
        let big = String(repeating: "abcdefghij", count: 262_144)   // 2.5 MiB
        var expected = ""
        let text = try written { out in
            for k in 0..<100_000 {
                out.append("row ")
                out.append(integer: k)
                out.append(csvBytes: UnsafeRawBufferPointer(start: nil, count: 0))
                try out.endLine()
            }
            out.append(big)
            try out.endLine()
            out.append("end")
        }
        for k in 0..<100_000 { expected += "row \(k)\n" }
        expected += big + "\nend"
        #expect(text.utf8.count == expected.utf8.count)
        #expect(text == expected)
    }

    @Test func csvBytesAreQuotedWhenNeeded() throws {
        let text = try written { out in
            for field in ["C001", "a,b", "=SUM(A1)", "say \"hi\""] {
                Array(field.utf8).withUnsafeBytes { out.append(csvBytes: $0) }
                try out.endLine()
            }
        }
        #expect(text == "C001\n\"a,b\"\n'=SUM(A1)\n\"say \"\"hi\"\"\"\n")
    }

    /// /dev/full fails every write with ENOSPC: the error surfaces at the line end after the flush.
    @Test func writeErrorsAreThrown() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        var out = try OutputFile(path: "/dev/full")
        let line = String(repeating: "x", count: 1000)
        var thrown: Error?
        do {
            for _ in 0..<2_000 { out.append(line); try out.endLine() }
        } catch {
            thrown = error
        }
        #expect(thrown != nil)
        #expect("\(thrown.map { "\($0)" } ?? "")".contains("/dev/full"))
        var closeFailed = false
        do { try out.close() } catch is SiteError { closeFailed = true }
        #expect(closeFailed)
    }

    /// Fixed decimals equal `rounded()` (half away from zero) of the scaled value, printed with integer
    /// arithmetic, on generated values: exact ties, values around 9e15 (where exact integers end),
    /// negatives that round to zero, 0 to 15 decimals.
    @Test func fixedDecimalsRoundHalfAwayFromZero() throws {
        func reference(_ value: Double, _ decimals: Int) -> String {
            guard value.isFinite else { return "" }
            let places = min(max(decimals, 0), 15)
            var scale = 1.0, power: UInt64 = 1
            for _ in 0..<places { scale *= 10; power *= 10 }
            let scaled = (abs(value) * scale).rounded()
            var s = value < 0 && scaled > 0 ? "-" : ""
            if scaled >= 9.0e15 {
                s += String(UInt64(min(scaled / scale, 1.8e19)))
                return places > 0 ? s + "." + String(repeating: "0", count: places) : s
            }
            let units = UInt64(scaled)
            s += String(units / power)
            guard places > 0 else { return s }
            let fraction = String(units % power)
            return s + "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        var state: UInt64 = 77
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        var cases: [(Double, Int)] = [(0.5, 0), (1.5, 0), (2.5, 0), (-0.5, 0), (0.125, 2), (-0.005, 2), (8_999_999_999_999_999, 0),
                                      (9_000_000_000_000_000, 0), (899_999_999_999.995, 4), (1e300, 2), (-1e20, 6), (0, 15), (-0.0, 3)]
        for _ in 0..<20_000 {
            let d = Int(next() % 16)
            let u = Double(next()) / Double(1 << 53)
            switch next() % 4 {
            case 0: cases.append(((u - 0.5) * 2_000, d))                                  // ordinary values
            case 1: cases.append((Double(next() % 100_000) + 0.5, 0))                     // exact ties
            case 2: cases.append(((u + 0.5) * 9.0e15 / pow(10, Double(d)), d))          // around the integer limit
            default: cases.append((Double(next() % 1_000_000) / 1024, d))                // binary fractions
            }
        }
        let text = try written { out in
            for (v, d) in cases { out.append(fixed: v, decimals: d); out.append(UInt8(ascii: "\n")) }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (k, (v, d)) in cases.enumerated() { #expect(lines[k] == reference(v, d), "\(v) with \(d) decimals") }
    }

    /// P(alive)'s writer gives `writeFixed`'s six decimals on [0, 1] (exact ties k + 0.5 millionths,
    /// values next to them, 1 and values rounding up to it, ±0, denormals) and hands every other value
    /// (NaN, ±∞, negatives, above 1) to `writeFixed` itself.
    @Test func probabilitiesMatchSixFixedDecimals() {
        var values: [Double] = [0, -0.0, 1, 1.0.nextDown, 0.9999995, 0.99999949999, 5e-7, 4.9999999e-7, .leastNonzeroMagnitude,
                                .nan, .infinity, -.infinity, -1e-9, -0.5, 1.0.nextUp, 2.5, 1e300]
        var state: UInt64 = 2_026
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        for _ in 0..<50_000 {
            let k = Double(next() % 1_000_000)
            let tie = (k + 0.5) / 1_000_000
            values += [Double(next()) / Double(1 << 53), tie, tie.nextDown, tie.nextUp, k / 1_000_000]
        }
        var expected = [UInt8](repeating: 0, count: DecimalWriter.maximumLength)
        var got = [UInt8](repeating: 0, count: DecimalWriter.maximumLength)
        var wrong: [Double] = []
        for v in values {
            let n = expected.withUnsafeMutableBufferPointer { DecimalWriter.writeFixed(v, decimals: 6, to: $0.baseAddress!) }
            let m = got.withUnsafeMutableBufferPointer { DecimalWriter.writeProbability(v, to: $0.baseAddress!) }
            if n != m || expected[0..<n] != got[0..<m] { wrong.append(v) }
        }
        #expect(wrong.count == 0, "first: \(wrong.prefix(5))")
    }

    /// Money amounts (ten-thousandths) are written as their exact decimal without trailing zeros, for
    /// every count of decimals, signs, and the largest amounts.
    @Test func moneyIsItsExactDecimal() {
        func reference(_ units: Int64) -> String {
            let m = units.magnitude
            var s = (units < 0 ? "-" : "") + String(m / 10_000)
            var fraction = String(m % 10_000)
            fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { s += "." + fraction }
            return s
        }
        var values: [Int64] = [0, 1, -1, 10, 100, 1_000, 9_999, 10_000, 10_001, 12_340, -2_500, Int64.max, Int64.min + 1, Int64.min]
        var state: UInt64 = 17
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 11 }
        for _ in 0..<50_000 {
            let v = Int64(bitPattern: next() << 11) >> Int64(next() % 64)
            values += [v, v / 10 * 10, v / 100 * 100, v / 1_000 * 1_000]
        }
        var buffer = [UInt8](repeating: 0, count: DecimalWriter.maximumLength)
        var wrong: [Int64] = []
        for v in values {
            let n = buffer.withUnsafeMutableBufferPointer { DecimalWriter.writeMoney(v, to: $0.baseAddress!) }
            if String(decoding: buffer[0..<n], as: UTF8.self) != reference(v) { wrong.append(v) }
        }
        #expect(wrong.count == 0, "first: \(wrong.prefix(5))")
    }

    /// The word-at-a-time test of an id agrees with the byte-by-byte rule (no byte needing quotes, no
    /// formula-like first byte) on ids of 0–40 bytes with each special byte at each position.
    @Test func plainBytesAgreeWithTheByteRule() {
        func byteRule(_ bytes: [UInt8]) -> Bool {
            if let first = bytes.first, CSVText.startsFormula(first) { return false }
            return !bytes.contains(where: CSVText.needsQuotes)
        }
        let specials: [UInt8] = Array(",\"\n\r;=+-@\t".utf8) + [0, 0x2B, 0x2D, 0x3A, 0x3C, 0x80, 0xAC, 0xFF]
        var cases: [[UInt8]] = []
        for length in 0...40 {
            let plain = (0..<length).map { UInt8(ascii: "A") + UInt8($0 % 26) }
            cases.append(plain)
            for position in 0..<length {
                for special in specials {
                    var id = plain
                    id[position] = special
                    cases.append(id)
                }
            }
        }
        var wrong: [[UInt8]] = []
        for id in cases where id.withUnsafeBytes({ CSVText.isPlain($0) }) != byteRule(id) { wrong.append(id) }
        #expect(wrong.count == 0, "first: \(wrong.prefix(3))")
    }

    /// `copyBytes` writes exactly the bytes asked for, at every length up to 80, and no byte past them.
    @Test func shortCopiesWriteExactlyTheirBytes() {
        let source = (0..<80).map { UInt8($0 + 1) }
        for length in 0...80 {
            var target = [UInt8](repeating: 0xEE, count: 96)
            source.withUnsafeBytes { from in
                target.withUnsafeMutableBufferPointer { OutputFile.copyBytes(from: from.baseAddress!, count: length, to: $0.baseAddress!) }
            }
            #expect(Array(target[0..<length]) == Array(source[0..<length]), "length \(length)")
            #expect(target[length...].allSatisfy { $0 == 0xEE }, "length \(length)")
        }
    }
}
