import Foundation
import Testing
@testable import ReportRender

/// `OutputFile`: formatting of numbers, text larger than its buffer, flushing across the buffer's
/// edge, and write errors surfacing at the next line end.
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

    /// 3 MiB of lines (three buffer flushes mid-line) and one 2.5 MiB text (larger than the buffer).
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
}
