import Testing
@testable import ReportModel

/// `Array.refill(gathering:at:)`, `refill(count:_:)` and `refill(positionsBelow:where:)`: the same
/// elements as a map (or a filter), across the block boundaries, in the array's own storage when it
/// is large enough.
struct ArrayRefillTests {
    @Test(arguments: [0, 1, 1023, 1024, 1025, 3000])
    func gatherEqualsAMap(count: Int) {
        var g = SplitMix(seed: UInt64(count) + 1)
        let source = (0..<5000).map { _ in Int64(bitPattern: g.next()) }
        let indices = (0..<count).map { _ in Int32(g.next() % 5000) }
        var out: [Int64] = Array(repeating: 7, count: 4000)
        out.reserveCapacity(8000)
        let storage = out.withUnsafeBufferPointer { $0.baseAddress }
        source.withUnsafeBufferPointer { s in indices.withUnsafeBufferPointer { out.refill(gathering: s, at: $0) } }
        #expect(out == indices.map { source[Int($0)] })
        #expect(out.withUnsafeBufferPointer { $0.baseAddress } == storage)

        var made: [Double] = [1, 2, 3]
        made.refill(count: count) { Double($0) * 0.5 - 3 }
        #expect(made == (0..<count).map { Double($0) * 0.5 - 3 })
    }

    @Test(arguments: [0, 1, 1023, 1024, 1025, 3000])
    func positionsEqualAFilter(count: Int) {
        var g = SplitMix(seed: UInt64(count) + 7)
        // Runs of kept and left positions, and blocks with none kept or all kept.
        let keep = (0..<count).map { k in k >= 1024 && k < 2048 ? k % 1000 == 0 : g.next() % 3 != 0 }
        var out: [Int32] = Array(repeating: -5, count: 4000)
        let storage = out.withUnsafeBufferPointer { $0.baseAddress }
        out.refill(positionsBelow: count) { keep[$0] }
        #expect(out == (0..<count).filter { keep[$0] }.map { Int32($0) })
        #expect(out.withUnsafeBufferPointer { $0.baseAddress } == storage)
        out.refill(positionsBelow: count) { _ in true }
        #expect(out == (0..<count).map { Int32($0) })
        out.refill(positionsBelow: count) { _ in false }
        #expect(out.isEmpty)
    }
}
