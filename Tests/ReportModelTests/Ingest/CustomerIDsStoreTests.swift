import Dispatch
import Testing
@testable import ReportModel

/// `CustomerIDs` over its shared append-only store: copies keep their ids while the original goes on
/// appending (also from another thread), copies that append diverge, and every length is kept.
@Suite struct CustomerIDsStoreTests {
    static func append(_ ids: inout CustomerIDs, _ text: String) {
        Array(text.utf8).withUnsafeBytes { ids.append($0) }
    }

    @Test func copiesKeepTheirIdsAndDivergeWhenTheyAppend() {
        var original = CustomerIDs()
        for k in 0..<10 { Self.append(&original, "C\(k)") }
        let snapshot = original
        var fork = original
        Self.append(&original, "after")
        Self.append(&fork, "fork")
        Self.append(&original, "after2")
        #expect(snapshot.count == 10)
        #expect((0..<10).map { snapshot.id(Int32($0)) } == (0..<10).map { "C\($0)" })
        #expect(original.count == 12 && original.id(10) == "after" && original.id(11) == "after2")
        #expect(fork.count == 11 && fork.id(10) == "fork")
        #expect(fork.id(3) == "C3")
        #expect(Array("after".utf8).withUnsafeBytes { original.equals(10, $0) })
        #expect(!Array("after".utf8).withUnsafeBytes { fork.equals(10, $0) })
    }

    @Test func everyLengthAndChunkBoundaryIsKept() {
        var ids = CustomerIDs()
        var expected: [String] = []
        // Empty, short, just under and over the 65535-byte length field, and over a byte chunk.
        for length in [0, 1, 7, 8, 9, 65_534, 65_535, 65_536, 200_000, (1 << 20) + 3] {
            let text = String(repeating: "é", count: length / 2) + (length % 2 == 1 ? "x" : "")
            expected.append(text)
            Self.append(&ids, text)
        }
        // More ids than one entry chunk holds.
        for k in 0..<70_000 { let t = "K\(k)"; expected.append(t); Self.append(&ids, t) }
        #expect(ids.count == expected.count)
        var wrong = 0
        for (k, text) in expected.enumerated() where ids.id(Int32(k)) != text { wrong += 1 }
        #expect(wrong == 0)
        for (k, text) in expected.enumerated().prefix(12) {
            #expect(Array(text.utf8).withUnsafeBytes { ids.equals(k, $0) })
        }
        #expect(!Array("K1".utf8).withUnsafeBytes { ids.equals(0, $0) })
    }

    @Test func aCopyIsReadOnAnotherThreadWhileTheOriginalAppends() {
        var index = CustomerIndex()
        for k in 0..<50_000 { _ = index.intern("A\(k)") }
        let handed = index.ids
        let group = DispatchGroup()
        nonisolated(unsafe) var mismatches = 0
        DispatchQueue.global().async(group: group) {
            var bad = 0
            for _ in 0..<4 {
                for k in 0..<50_000 where handed.id(Int32(k)) != "A\(k)" { bad += 1 }
            }
            mismatches = bad
        }
        for k in 0..<200_000 { _ = index.intern("B\(k)") }
        group.wait()
        #expect(mismatches == 0)
        #expect(handed.count == 50_000)
        #expect(index.count == 250_000 && index.id(249_999) == "B199999" && index.id(7) == "A7")
    }
}
