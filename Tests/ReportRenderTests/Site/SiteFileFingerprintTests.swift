import Foundation
import Testing
@testable import ReportRender

/// `SiteFileFingerprint`: what the build record keeps of each file of the site.
struct SiteFileFingerprintTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "fidelis-fingerprint-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Sets the modification time of the file at `path`, in whole seconds since 1970.
    func setTime(_ path: String, _ seconds: Int) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(seconds))], ofItemAtPath: path)
    }

    /// Up to 1 MiB the whole file counts; above, its size, first and last 256 KiB and time: a change
    /// in the middle of the same size is seen by the time an edit gives the file, not by its bytes.
    @Test func changesAreSeenWhereTheFingerprintLooks() throws {
        var small = [UInt8](repeating: 0x61, count: SiteFileFingerprint.wholeFileBytes)
        let smallPath = try temporaryFile(small); defer { try? FileManager.default.removeItem(atPath: smallPath) }
        try setTime(smallPath, 1_700_000_000)
        let smallPrint = try #require(SiteFileFingerprint.of(smallPath))
        #expect(smallPrint.hasPrefix("\(small.count)-"))
        try setTime(smallPath, 1_800_000_000)
        #expect(SiteFileFingerprint.of(smallPath) == smallPrint, "a file read whole: its time does not count")
        small[small.count / 2] = 0x62
        try Data(small).write(to: URL(fileURLWithPath: smallPath))
        try setTime(smallPath, 1_700_000_000)
        #expect(SiteFileFingerprint.of(smallPath) != smallPrint, "a middle byte of a file read whole")

        let size = 3 << 20, time = 1_700_000_000
        let large = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let largePath = try temporaryFile(large); defer { try? FileManager.default.removeItem(atPath: largePath) }
        try setTime(largePath, time)
        let largePrint = try #require(SiteFileFingerprint.of(largePath))
        // Edited bytes with the old time put back: only the sampled ends are seen.
        for (offset, seen) in [(0, true), (SiteFileFingerprint.sampledBytes - 1, true), (SiteFileFingerprint.sampledBytes, false),
                               (size / 2, false), (size - SiteFileFingerprint.sampledBytes - 1, false), (size - SiteFileFingerprint.sampledBytes, true), (size - 1, true)] {
            var edited = large
            edited[offset] ^= 0xFF
            try Data(edited).write(to: URL(fileURLWithPath: largePath))
            try setTime(largePath, time)
            #expect((SiteFileFingerprint.of(largePath) != largePrint) == seen, "byte \(offset)")
            // As an edit leaves it, a second or more later: seen wherever it is.
            try setTime(largePath, time + 1)
            #expect(SiteFileFingerprint.of(largePath) != largePrint, "byte \(offset), a second later")
        }
        try Data(large.dropLast()).write(to: URL(fileURLWithPath: largePath))
        try setTime(largePath, time)
        #expect(SiteFileFingerprint.of(largePath) != largePrint, "one byte shorter")
        try Data(large).write(to: URL(fileURLWithPath: largePath))
        try setTime(largePath, time + 60)
        #expect(SiteFileFingerprint.of(largePath) != largePrint, "the same bytes, a new time: taken as changed")
        try setTime(largePath, time)
        #expect(SiteFileFingerprint.of(largePath) == largePrint, "the same bytes and time again")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: TimeInterval(time) + 0.75)], ofItemAtPath: largePath)
        #expect(SiteFileFingerprint.of(largePath) == largePrint, "a time within the same second (a cache that keeps whole seconds)")
    }

    /// Every regular file of a folder, by relative path; the first missing or changed one in path order.
    @Test func aFolderIsListedAndCheckedFileByFile() throws {
        let folder = NSTemporaryDirectory() + "fidelis-fingerprints-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/2026-10", withIntermediateDirectories: true)
        for (name, text) in [("index.html", "home"), ("2026-10/metrics.json", "{}"), (".fidelis-cache", "record")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let files = SiteFileFingerprint.all(in: folder, except: [".fidelis-cache"])
        #expect(Set(files.keys) == ["index.html", "2026-10/metrics.json"])
        #expect(SiteFileFingerprint.firstChanged(in: folder, files: files, except: [".fidelis-cache"]) == nil)
        // A file added, or one that is no file the build wrote.
        #expect(SiteFileFingerprint.firstChanged(in: folder, files: files) == ".fidelis-cache")
        try Data("HOME".utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
        try FileManager.default.removeItem(atPath: folder + "/2026-10/metrics.json")
        #expect(SiteFileFingerprint.firstChanged(in: folder, files: files) == "2026-10/metrics.json")
        #expect(SiteFileFingerprint.of(folder + "/2026-10") == nil, "a folder has no fingerprint")
    }
}
