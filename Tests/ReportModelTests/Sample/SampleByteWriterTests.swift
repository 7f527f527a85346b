import Foundation
import Testing
@testable import ReportModel

@Suite("Sample byte formatting and randomness")
struct SampleByteWriterTests {
    private func written(capacity: Int = 4 << 20, _ body: (inout SampleByteWriter) throws -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("fidelis-sample-writer-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        var writer = try SampleByteWriter(url: url, capacity: capacity)
        defer { writer.release() }
        try body(&writer)
        try writer.finish()
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test func formatsNumbersAsBytes() throws {
        let text = try written { w in
            for cents: Int64 in [0, 5, 99, 100, 1205, -1205, -7, 123_456_789] {
                w.money(cents, decimalMark: UInt8(ascii: "."))
                w.byte(UInt8(ascii: " "))
            }
            w.money(250, decimalMark: UInt8(ascii: ","))
            w.byte(UInt8(ascii: " "))
            for value: Int64 in [0, 7, 10, -1, 9_876_543_210] {
                w.integer(value)
                w.byte(UInt8(ascii: " "))
            }
            w.zeroPadded(123, width: 6)
            w.byte(UInt8(ascii: " "))
            w.unsigned(UInt64.max)
        }
        #expect(text == "0.00 0.05 0.99 1.00 12.05 -12.05 -0.07 1234567.89 2,50 0 7 10 -1 9876543210 000123 18446744073709551615")
    }

    @Test func flushesLargeOutputInChunks() throws {
        var expected = ""
        for i in 0..<200_000 { expected += String(i) + "\n" }
        // The smallest buffer (4 × rowReserve = 64 KiB) flushes about twenty times here.
        let text = try written(capacity: 0) { w in
            for i in 0..<200_000 {
                try w.ensureRoom()
                w.unsigned(UInt64(i))
                w.byte(10)
            }
            #expect(w.flushed > 1_000_000)
        }
        #expect(text == expected)
    }

    @Test func fileGetsItsNameOnlyWhenFinished() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-sample-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("2026-06.csv")
        // A run that stops halfway (an error, a signal) leaves nothing under the month's name.
        do {
            var writer = try SampleByteWriter(url: url)
            defer { writer.release() }
            writer.bytes(Array("customer_id,last_order_date\nC1,2026-".utf8))
            try writer.flush()
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".2026-06.csv.partial"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var writer = try SampleByteWriter(url: url)
        defer { writer.release() }
        writer.bytes(Array("a\n".utf8))
        try writer.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["2026-06.csv"])
        #expect(try String(contentsOf: url, encoding: .utf8) == "a\n")
    }

    @Test func outputTakesBackOnlyWhatTheRunAdded() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-sample-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Into an existing folder: what was there stays.
        try FileManager.default.createDirectory(atPath: root + "/kept", withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: root + "/kept/notes.txt"))
        let existing = SampleFolder.Output(root + "/kept")
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/kept/2026-01.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/kept/.2026-02.csv.partial"))
        // Put there meanwhile by someone else, under names sample never writes: left alone.
        try Data("draft".utf8).write(to: URL(fileURLWithPath: root + "/kept/report-draft.docx"))
        try FileManager.default.createDirectory(atPath: root + "/kept/photos", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/kept/photos/2026-03.csv"))
        #expect(existing.takeBack() == (files: 2, folders: 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/kept").sorted() == ["notes.txt", "photos", "report-draft.docx"])
        #expect(FileManager.default.fileExists(atPath: root + "/kept/photos/2026-03.csv"))
        for name in ["2026-01.csv", ".2026-01.csv.partial", "transactions.csv", ".transactions.csv.partial"] {
            #expect(SampleFolder.Output.isSampleFile(name), "\(name)")
        }
        for name in ["2026-1.csv", "2026-01.csv.gz", "x2026-01.csv", ".2026-01.csv", "2026-01.partial", "photos", "notes.txt"] {
            #expect(!SampleFolder.Output.isSampleFile(name), "\(name)")
        }
        // Into folders the run made: they go too.
        let fresh = SampleFolder.Output(root + "/new/deep")
        try FileManager.default.createDirectory(atPath: root + "/new/deep", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/new/deep/transactions.csv"))
        #expect(fresh.takeBack() == (files: 1, folders: 2))
        #expect(!FileManager.default.fileExists(atPath: root + "/new"))
        #expect(FileManager.default.fileExists(atPath: root + "/kept/notes.txt"))
    }

    @Test func encodesFieldsPerRFC4180() {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
        #expect(SampleFeedbackBank.encode("plain text", delimiter: comma) == Array("plain text".utf8))
        #expect(SampleFeedbackBank.encode("a, b", delimiter: comma) == Array("\"a, b\"".utf8))
        #expect(SampleFeedbackBank.encode("a, b", delimiter: semicolon) == Array("a, b".utf8))
        #expect(SampleFeedbackBank.encode("a; b", delimiter: semicolon) == Array("\"a; b\"".utf8))
        #expect(SampleFeedbackBank.encode("say \"hi\"", delimiter: comma) == Array("\"say \"\"hi\"\"\"".utf8))
        #expect(SampleFeedbackBank.encode("two\nlines", delimiter: comma) == Array("\"two\nlines\"".utf8))
    }

    @Test func calendarAndDates() {
        #expect(SampleCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(SampleCalendar.lastDay(monthIndex: 2024 * 12 + 1) == SampleCalendar.days(year: 2024, month: 2, day: 29))
        #expect(SampleCalendar.label(monthIndex: 2026 * 12 + 9) == "2026-10")
        for day in stride(from: -800_000, through: 3_000_000, by: 997) {
            let (y, m, d) = SampleCalendar.civil(day)
            #expect(SampleCalendar.days(year: y, month: m, day: d) == day)
        }
    }

    @Test func randomStreamsAreStableAndKeyed() {
        var a = SampleRandom(seed: 42, 1, 2, salt: 3)
        var b = SampleRandom(seed: 42, 1, 2, salt: 3)
        var c = SampleRandom(seed: 42, 2, 1, salt: 3)
        let sa = (0..<8).map { _ in a.next() }
        #expect(sa == (0..<8).map { _ in b.next() })
        #expect(sa != (0..<8).map { _ in c.next() })
        // SplitMix64 reference value (seed 0 state after one increment).
        #expect(SampleRandom.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)

        var r = SampleRandom(seed: 7, 0, salt: 9)
        let count = 200_000
        var sum = 0.0, sumGamma = 0.0, sumBeta = 0.0, below = 0
        for _ in 0..<count {
            let u = r.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
            sumGamma += r.gamma(shape: 4, scale: 0.25)
            sumBeta += r.beta(2, 5)
            below += r.below(10)
        }
        #expect(abs(sum / Double(count) - 0.5) < 0.01)
        #expect(abs(sumGamma / Double(count) - 1.0) < 0.02)
        #expect(abs(sumBeta / Double(count) - 2.0 / 7.0) < 0.01)
        #expect(abs(Double(below) / Double(count) - 4.5) < 0.05)
    }
}
