import Testing
@testable import ReportModel

/// `TextValidation.isValidUTF8` against the standard library's validation, and the repeated-text cache.
@Suite struct TextValidationTests {
    private func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { TextValidation.isValidUTF8($0) } }
    private func reference(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    @Test func knownSequences() {
        #expect(valid([]))
        #expect(valid(Array("plain ASCII text, longer than eight bytes".utf8)))
        #expect(valid(Array("Frédéric, 顧客, 🎉, \u{10FFFF}".utf8)))
        #expect(!valid([0xC0, 0x80]))                 // overlong NUL
        #expect(!valid([0xE0, 0x80, 0x80]))           // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))           // surrogate U+D800
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))     // past U+10FFFF
        #expect(!valid([0xF5, 0x80, 0x80, 0x80]))
        #expect(!valid(Array("abcdefgh".utf8) + [0xC3]))  // cut after the ASCII fast path
        #expect(!valid([0x80]))
        #expect(!valid([0xE2, 0x82]))                 // truncated €
        #expect(valid([0xE2, 0x82, 0xAC]))            // €
    }

    /// Random byte strings biased towards UTF-8 lead and continuation bytes: same verdict as the stdlib.
    @Test func agreesWithTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
                                    0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var disagreements = 0
        var validSeen = 0
        for _ in 0..<50_000 {
            let length = Int(next() % 14)
            let bytes = (0..<length).map { _ in
                let r = next()
                return r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : interesting[Int((r >> 8) % UInt64(interesting.count))]
            }
            if valid(bytes) != reference(bytes) { disagreements += 1 }
            if reference(bytes) { validSeen += 1 }
        }
        #expect(disagreements == 0)
        #expect(validSeen > 1000)
    }

    @Test func textCodesMakeEachTextOnce() {
        var codes = TextCodes()
        var made = 0
        func code(_ s: String) -> UInt32 {
            Array(s.utf8).withUnsafeBytes { raw in
                codes.code(of: raw) {
                    made += 1
                    return String(decoding: raw, as: UTF8.self)
                }
            }
        }
        for _ in 0..<3 {
            #expect(code("Gold") == 1)
            #expect(code("Silver") == 2)
            #expect(code("Golf") == 3)
        }
        #expect(made == 3)
        // Past the scanned values the dictionary answers: still one text per value.
        let many = (0..<40).map { "tier \($0)" }
        let first = many.map(code)
        #expect(many.map(code) == first)
        #expect(Set(first).count == 40)
        #expect(made == 43)
        #expect(codes.texts.count == 43)
        for (value, c) in zip(many, first) { #expect(codes.texts[Int(c) - 1] == value) }
    }

    /// The word-at-a-time lookup (`code(of:readable:)`) gives the codes of `code(of:)` for values
    /// of every length around 8 bytes, values that differ in any one byte or only in length, and
    /// values followed by other bytes in their buffer (which the word load reads and must ignore).
    @Test func textCodesWordLookupAgreesWithTheScan() {
        var codes = TextCodes()
        var values: [[UInt8]] = []
        for length in 1...10 { values.append(Array("abcdefghij".utf8.prefix(length))) }
        values.append(Array("abcdefgX".utf8))
        values.append(Array("Xbcdefgh".utf8))
        values.append([0, 0, 0])
        values.append([0, 0])
        for v in values.prefix(TextCodes.scanned) {
            _ = v.withUnsafeBytes { raw in codes.code(of: raw) { String(decoding: raw, as: UTF8.self) } }
        }
        var wrong = 0
        for v in values + [Array("abcdefgY".utf8), [0], Array("zz".utf8)] {
            // In a buffer that goes on with bytes that would extend the value (and with none).
            for tail in [[UInt8](repeating: 0, count: 8), Array("abcdefgh".utf8), []] {
                let buffer = v + tail
                buffer.withUnsafeBytes { all in
                    let raw = UnsafeRawBufferPointer(rebasing: all[0..<v.count])
                    if codes.code(of: raw, readable: all.count) != codes.code(of: raw) { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
        #expect(Array("abcdefgh".utf8).withUnsafeBytes { codes.code(of: $0, readable: 8) } == 8)
        #expect([UInt8]([0, 0, 0, 1, 1, 1, 1, 1]).withUnsafeBytes { codes.code(of: UnsafeRawBufferPointer(rebasing: $0[0..<3]), readable: 8) } == 13)
    }
}
