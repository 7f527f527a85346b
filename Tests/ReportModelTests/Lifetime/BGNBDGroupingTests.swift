import Foundation
import Testing
@testable import ReportModel

/// The BG/NBD grouping (`BGNBDData.init`) against a plain dictionary count of the sanitised triples.
@Suite struct BGNBDGroupingTests {
    /// Histories with whole counts and times in days / 7, some with out-of-range or unsanitised values.
    private func histories(_ n: Int, seed: UInt64) -> [PurchaseHistory] {
        var g = LifetimeTestRNG(seed: seed)
        return (0..<n).map { i in
            let T = Double(Int(g.uniform() * 900)) / 7
            let x = g.uniform() < 0.4 ? 0 : Double(Int(-log(1 - g.uniform()) * 3))
            let tx = x == 0 ? Double(Int(g.uniform() * 5)) : Double(Int(g.uniform() * T * 7)) / 7
            switch i % 97 {
            case 0: return PurchaseHistory(x: 2.4, tx: T + 3, T: T)         // x rounded, tx clamped to T
            case 1: return PurchaseHistory(x: -1, tx: 1, T: -0.0)          // x and T clamped to 0
            case 2: return PurchaseHistory(x: .nan, tx: 1, T: .infinity)   // not finite: 0
            default: return PurchaseHistory(x: x, tx: tx, T: T)
            }
        }
    }

    /// The triple's count is rounded as `rounded()` does (half away from zero), without libm:
    /// halves, the largest double below ½, negatives, huge and tiny values, and random ones.
    @Test func countRoundingEqualsRounded() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                                4503599627370495.5, 4503599627370497, 3.9e18, 4.1e18, -4.1e18, 1.0e300, -1.0e300,
                                .leastNonzeroMagnitude, 2.0000000000000004, 7.499999999999999]
        var g = SplitMix(seed: 99)
        for _ in 0..<10_000 { values.append((Double(g.next() % 2_000_001) - 1_000_000) / Double(1 + g.next() % 1000)) }
        for v in values { #expect(PurchaseHistory.rounded(v) == v.rounded(), "\(v)") }
        #expect(PurchaseHistory(x: 2.5, tx: 1, T: 3).modelTriple == (3, 1, 3))
        #expect(PurchaseHistory(x: 0.4, tx: 1, T: 3).modelTriple == (0, 0, 3))
    }

    @Test func groupsEqualADictionaryCountInAscendingOrder() {
        for (n, seed) in [(0, 1), (1, 2), (7, 3), (5000, 4), (40_000, 5)] as [(Int, UInt64)] {
            let input = histories(n, seed: seed)
            let data = BGNBDData(input)
            var reference: [[UInt64]: Int] = [:]
            let keys = input.map { h -> [UInt64] in
                let m = h.modelTriple
                return [(m.x + 0).bitPattern, (m.tx + 0).bitPattern, (m.T + 0).bitPattern]
            }
            for k in keys { reference[k, default: 0] += 1 }
            #expect(data.customers == n)
            #expect(data.distinctTriples == reference.count)
            #expect(data.tripleKeys.count == reference.count)
            // Ascending by value, each customer mapped to its own triple.
            let triples = data.tripleKeys.map { [$0.0, $0.1, $0.2] }
            let values = triples.map { $0.map(Double.init(bitPattern:)) }
            #expect(values == values.sorted { $0.lexicographicallyPrecedes($1) }, "n \(n)")
            for (i, k) in keys.enumerated() { #expect(triples[Int(data.historyTriple[i])] == k) }
            // Weights: zero-count customers by T, repeat buyers by (x, tx, T).
            var weights: [[UInt64]: Double] = [:]
            for (i, w) in data.zeroWeight.enumerated() {
                weights[[0, 0, data.ages[Int(data.zeroAge[i])].bitPattern]] = w
            }
            for (group, x) in data.counts.enumerated() {
                for e in data.groupStart[group]..<data.groupStart[group + 1] {
                    let key = [x.bitPattern, data.recencies[Int(data.entryRecency[e])].bitPattern, data.ages[Int(data.entryAge[e])].bitPattern]
                    weights[key] = data.entryWeight[e]
                }
                #expect(data.countWeight[group] == (data.groupStart[group]..<data.groupStart[group + 1]).reduce(0) { $0 + data.entryWeight[$1] })
            }
            #expect(weights == reference.mapValues(Double.init))
            #expect(data.repeatBuyers == keys.filter { $0[0] != 0 }.count)
        }
    }

    @Test func shuffledInputGivesTheSameGroupsAndLikelihood() {
        let input = histories(20_000, seed: 9)
        var g = LifetimeTestRNG(seed: 10)
        var shuffled = input
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(g.uniform() * Double(i + 1))) }
        let a = BGNBDData(input), b = BGNBDData(shuffled)
        #expect(a.tripleKeys.map { [$0.0, $0.1, $0.2] } == b.tripleKeys.map { [$0.0, $0.1, $0.2] })
        #expect(a.entryWeight == b.entryWeight && a.zeroWeight == b.zeroWeight)
        let theta = [log(0.3), log(5.0), log(0.7), log(2.0)]
        #expect(a.objective(theta).value == b.objective(theta).value)
        #expect(a.objective(theta).gradient == b.objective(theta).gradient)
    }

    /// Everything a grouping holds, for comparing two of them.
    private func contents(_ d: BGNBDData) -> [[Double]] {
        [d.tripleKeys.flatMap { [$0.0, $0.1, $0.2].map { Double($0) } }, d.historyTriple.map(Double.init),
         d.ages, d.recencies, d.zeroAge.map(Double.init), d.zeroWeight, d.counts, d.countWeight, d.groupStart.map(Double.init),
         d.entryRecency.map(Double.init), d.entryAge.map(Double.init), d.entryWeight,
         [Double(d.customers), Double(d.repeatBuyers), d.totalRepeats, d.totalAge]]
    }

    @Test func groupingInLentStorageEqualsAFreshOne() {
        // One scratch through growing, shrinking and empty inputs, packed and comparison-sorted, and
        // taken back from each grouping as the CLV step does.
        var scratch = BGNBDScratch()
        for (n, seed, bits) in [(5000, 31, 64), (40_000, 32, 64), (7, 33, 64), (0, 34, 64), (20_000, 35, 8), (30_000, 36, 64)] as [(Int, UInt64, Int)] {
            let input = histories(n, seed: seed)
            let lent = BGNBDData(input, scratch: &scratch, wordBits: bits)
            #expect(contents(lent) == contents(BGNBDData(input, wordBits: bits)), "n \(n)")
            scratch.reclaim(lent)
            #expect(scratch.historyTriple.count == n && scratch.tripleKeys.count == lent.distinctTriples)
        }
    }

    @Test func comparisonSortFallbackGroupsTheSame() {
        for (n, seed) in [(0, 21), (1, 22), (5000, 23)] as [(Int, UInt64)] {
            let input = histories(n, seed: seed)
            let packed = BGNBDData(input), compared = BGNBDData(input, wordBits: 8)
            #expect(packed.tripleKeys.map { [$0.0, $0.1, $0.2] } == compared.tripleKeys.map { [$0.0, $0.1, $0.2] })
            #expect(packed.historyTriple == compared.historyTriple)
            #expect(packed.zeroAge == compared.zeroAge && packed.zeroWeight == compared.zeroWeight)
            #expect(packed.entryRecency == compared.entryRecency && packed.entryAge == compared.entryAge)
            #expect(packed.entryWeight == compared.entryWeight && packed.counts == compared.counts)
            #expect(packed.totalRepeats == compared.totalRepeats && packed.totalAge == compared.totalAge)
        }
    }
}
