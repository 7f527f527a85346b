import Testing
@testable import ReportModel

/// The build cache's content hash: the same bytes give the same hash; any one changed byte, two
/// swapped words, a moved boundary between strings or an added byte give another.
@Suite struct ContentHashTests {
    func hex(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.hex
    }

    func generated(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    @Test func sameBytesSameHash() {
        let bytes = generated(1000, seed: 1)
        #expect(hex(bytes) == hex(bytes))
        #expect(hex(bytes).count == 32)
    }

    /// Every length across the one-lane and four-lane paths (below and above 64 bytes), every position.
    @Test func anyChangedByteChangesTheHash() {
        for count in [1, 7, 8, 9, 31, 32, 33, 63, 64, 65, 95, 96, 200] {
            let bytes = generated(count, seed: UInt64(count))
            let original = hex(bytes)
            var seen: Set<String> = [original]
            for position in 0..<count {
                var changed = bytes
                changed[position] ^= 0x01
                seen.insert(hex(changed))
            }
            #expect(seen.count == count + 1, "length \(count)")
            #expect(hex(bytes + [0]) != original, "an added zero byte, length \(count)")
        }
    }

    @Test func swappedWordsChangeTheHash() {
        let bytes = generated(256, seed: 7)
        for (i, j) in [(0, 8), (0, 32), (8, 40), (0, 248), (64, 96)] {
            var swapped = bytes
            for k in 0..<8 { swapped.swapAt(i + k, j + k) }
            #expect(hex(swapped) != hex(bytes), "words at \(i) and \(j)")
        }
    }

    @Test func stringBoundariesCount() {
        var ab = ContentHash(), abc = ContentHash()
        ab.update("ab"); ab.update("c")
        abc.update("a"); abc.update("bc")
        #expect(ab.hex != abc.hex)
    }
}
