import Testing
@testable import ReportModel
@testable import ReportRender

/// `SegmentedQuantiles` against sorting, on generated values: each asked rank's value among all the
/// counted rows, and each segment's median.
@Suite struct SegmentedQuantilesTests {
    private struct Draws {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Rows of every kind of value the counting must place: wide ranges (buckets several keys wide,
    /// so values are gathered and selected), narrow ones (one key per bucket), many equal values,
    /// negatives, zeros of both signs, rows not counted, segment indices past the last segment
    /// (counted in the extra group), empty and one-row segments, and no row at all.
    @Test func valuesAreTheSortedValuesAtTheirRanks() {
        var draws = Draws(state: 0x5EED_0F_C1A5)
        for round in 0..<300 {
            let segmentCount = 1 + draws.next(7)
            let n = round % 50 == 0 ? 0 : draws.next(round % 3 == 0 ? 20_000 : 300)
            let kind = draws.next(5)
            var values: [Double] = [], segments: [UInt8] = [], counted: [Bool] = []
            for _ in 0..<n {
                let v: Double
                switch kind {
                case 0: v = Double(draws.next(1_000_000)) / 100                       // money-like
                case 1: v = Double(draws.next(5))                                       // few values, many ties
                case 2: v = Double(draws.next(2_000_001) - 1_000_000) * 1e-3            // negatives
                case 3: v = [0.0, -0.0, 1e-300, 5e300, 42][draws.next(5)]               // extremes
                default: v = Double(draws.next(1 << 30)) * Double(draws.next(1 << 20))  // wide
                }
                values.append(v)
                segments.append(UInt8(draws.next(segmentCount + 2)))                   // some past the last
                counted.append(draws.next(10) > 0)
            }
            let rows = (0..<n).filter { counted[$0] }
            let sorted = rows.map { values[$0] }.sorted()
            let ranks = sorted.isEmpty ? [] : (0..<1 + draws.next(10)).map { _ in draws.next(sorted.count) }
            let q = values.withUnsafeBufferPointer { values in
                segments.withUnsafeBufferPointer { segments in
                    SegmentedQuantiles(values: values, segments: segments, segmentCount: segmentCount, ranks: ranks) { counted[$0] }
                }
            }
            for r in ranks { #expect(q.overall[r] == sorted[r], "round \(round), rank \(r)") }
            #expect(q.medians.count == segmentCount)
            for g in 0..<segmentCount {
                let mine = rows.filter { min(Int(segments[$0]), segmentCount) == g }.map { values[$0] }.sorted()
                #expect(q.medians[g] == (mine.isEmpty ? nil : mine[(mine.count - 1) / 2]), "round \(round), segment \(g)")
            }
        }
    }

    /// Worked by hand: 0, 10, …, 100 in two segments (even and odd tenths), ranks 0, 5 and 10.
    @Test func byHand() {
        let values: [Double] = (0...10).map { Double($0) * 10 }
        let segments: [UInt8] = (0...10).map { UInt8($0 % 2) }
        let q = values.withUnsafeBufferPointer { values in
            segments.withUnsafeBufferPointer { segments in
                SegmentedQuantiles(values: values, segments: segments, segmentCount: 2, ranks: [10, 0, 5, 5]) { _ in true }
            }
        }
        #expect(q.overall == [0: 0, 5: 50, 10: 100])
        #expect(q.medians == [40, 50])
    }
}
