import Foundation
import Testing
@testable import ReportRender

/// The build cache's fingerprint of the tool (`BuildCache.executableFingerprint`).
@Suite struct ExecutableFingerprintTests {
    /// On Linux it is the running program's GNU build id, as the executable file holds it: found
    /// here independently, by the note's bytes in the file.
    @Test func isTheBuildIDInTheExecutableFile() throws {
        #if os(Linux)
        let fingerprint = BuildCache.executableFingerprint
        #expect(fingerprint.hasPrefix("build-id "))
        let file = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"))
        let id = try #require(ExecutableFingerprintTests.buildID(in: file), "no GNU build id note in the executable")
        #expect(fingerprint == "build-id " + file[id].map { String(format: "%02x", $0) }.joined())
        #endif
    }

    /// Where the id of the first GNU build id note in an ELF file's bytes lies: a note of type 3
    /// (NT_GNU_BUILD_ID) named "GNU\0", after its name size (4) and id size (8 to 64 bytes), each
    /// a 32-bit little-endian word.
    static func buildID(in file: Data) -> Range<Int>? {
        let marker = Data([3, 0, 0, 0] + Array("GNU\0".utf8))
        var from = file.startIndex
        while let found = file.range(of: marker, in: from..<file.endIndex) {
            from = found.upperBound
            guard found.lowerBound - file.startIndex >= 8 else { continue }
            func word(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(file[at + $1]) << (8 * $1) } }
            let nameSize = word(found.lowerBound - 8), idSize = word(found.lowerBound - 4)
            guard nameSize == 4, (8...64).contains(idSize), found.upperBound + idSize <= file.endIndex else { continue }
            return found.upperBound..<(found.upperBound + idSize)
        }
        return nil
    }
}
