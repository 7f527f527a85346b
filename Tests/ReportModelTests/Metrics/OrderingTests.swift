import Foundation
import Testing
@testable import ReportModel

/// The ordering helpers behind the figures: id order of output rows, order statistics by selection,
/// and the hash table that groups customers for the lifetime models. Each against its plain definition.
@Suite struct OrderingTests {
    // MARK: - Id order

    private func byBytes(_ ids: CustomerIDs, _ items: [Int32]) -> [Int32] {
        items.sorted { ids.precedes($0, $1) }
    }

    @Test func sequentialIdsAreInIDOrder() {
        var index = CustomerIndex()
        for k in 1...500 { _ = index.intern("C\(String(k + 100_000))") }
        #expect(index.ids.isInIDOrder)
        var g = SplitMix(seed: 7)
        let items = (0..<500).map { _ in Int32(g.below(500)) }
        let unique = Array(Set(items)).shuffled()
        #expect(index.ids.sortedByID(unique) { $0 } == byBytes(index.ids, unique))
    }

    /// Items already in id order (an export's rows in id order) come back as they are; one pair out
    /// of order anywhere, or a repeated position, and they are placed.
    @Test func itemsAlreadyInOrderComeBackAsTheyAre() {
        var index = CustomerIndex()
        for k in 1...400 { _ = index.intern("C\(String(k + 100_000))") }
        var g = SplitMix(seed: 11)
        let ascending = (0..<400).map { Int32($0) }.filter { _ in g.below(3) > 0 }
        #expect(index.ids.sortedByID(ascending) { $0 } == ascending)
        #expect(CustomerIDs.ascends(ascending) { Int($0) })
        for swapAt in [0, ascending.count / 2, ascending.count - 2] {
            var almost = ascending
            almost.swapAt(swapAt, swapAt + 1)
            #expect(!CustomerIDs.ascends(almost) { Int($0) })
            #expect(index.ids.sortedByID(almost) { $0 } == ascending, "swapped at \(swapAt)")
        }
        #expect(!CustomerIDs.ascends([3, 3]) { Int($0) } && CustomerIDs.ascends([]) { Int($0) })
        // Through rows: each row's customer, as RFMStage gives them.
        let customerOfRow = ascending.reversed().map { $0 }
        let rows = customerOfRow.indices.reversed().map { Int32($0) }
        #expect(index.ids.sortedByID(rows) { customerOfRow[Int($0)] }.map { customerOfRow[Int($0)] } == ascending)
    }

    @Test func unorderedIdsFallBackToTheSort() {
        var index = CustomerIndex()
        // Not in byte order: "C10" < "C9", and a prefix "C1" after "C10".
        for id in ["C9", "C10", "C1", "B7", "C100", "A", "AB", "Ab", "é", "e"] { _ = index.intern(id) }
        #expect(!index.ids.isInIDOrder)
        let items = Array(Int32(0)..<Int32(10)).shuffled()
        let sorted = index.ids.sortedByID(items) { $0 }
        #expect(sorted == byBytes(index.ids, items))
        #expect(sorted.map { index.ids.id($0) } == ["A", "AB", "Ab", "B7", "C1", "C10", "C100", "C9", "e", "é"])
    }

    @Test func aPrefixAfterItsExtensionBreaksTheOrder() {
        var index = CustomerIndex()
        _ = index.intern("C10")
        _ = index.intern("C1")
        #expect(!index.ids.isInIDOrder)
        var equalStart = CustomerIndex()
        _ = equalStart.intern("C1")
        _ = equalStart.intern("C10")
        #expect(equalStart.ids.isInIDOrder)
    }

    /// Rows mapped to customers through a table, as RFMStage does, in shuffled input order.
    @Test func rowsThroughAMappingAreOrderIndependent() {
        var index = CustomerIndex()
        for k in 0..<300 { _ = index.intern("ID-\(String(format: "%05d", k * 3))") }
        #expect(index.ids.isInIDOrder)
        var g = SplitMix(seed: 99)
        var mix = SplitMix(seed: 1)
        let customerOfRow = (0..<300).map { Int32($0) }.shuffled(using: &mix)
        let rows = (0..<300).filter { _ in g.below(3) != 0 }.map(Int32.init)
        let expected = rows.sorted { index.ids.precedes(customerOfRow[Int($0)], customerOfRow[Int($1)]) }
        for _ in 0..<3 {
            #expect(index.ids.sortedByID(rows.shuffled()) { customerOfRow[Int($0)] } == expected)
        }
    }

    /// The order kept across snapshots equals a sort by bytes after every batch of new ids, random
    /// or sequential, and through mapped rows.
    @Test func idOrderKeptAcrossGrowingBatchesMatchesTheSort() {
        var g = SplitMix(seed: 2024)
        var index = CustomerIndex()
        var order = IDOrder()
        for batch in 0..<8 {
            for _ in 0..<(1 + g.below(400)) {
                let id = batch == 0 ? "C\(String(100_000 + index.ids.count))" : "K\(g.below(100_000))-\(g.below(9))"
                _ = index.intern(id)
            }
            order.update(index.ids)
            #expect(index.ids.isInIDOrder == (batch == 0))
            let count = Int32(index.ids.count)
            let items = Array(Set((0..<Int(count)).map { _ in Int32(g.below(Int(count))) })).shuffled()
            #expect(order.sorted(items, ids: index.ids) { $0 } == byBytes(index.ids, items))
            let customerOfRow = (0..<count).map { $0 }.shuffled()
            let rows = (0..<count).filter { _ in g.below(2) == 0 }
            let expected = rows.sorted { index.ids.precedes(customerOfRow[Int($0)], customerOfRow[Int($1)]) }
            #expect(order.sorted(rows.shuffled(), ids: index.ids) { customerOfRow[Int($0)] } == expected)
        }
        // A smaller, different index starts the order afresh.
        var other = CustomerIndex()
        for id in ["b", "a", "c"] { _ = other.intern(id) }
        order.update(other.ids)
        #expect(order.sorted([0, 1, 2], ids: other.ids) { $0 }.map { other.ids.id($0) } == ["a", "b", "c"])
    }

    /// Ids longer than eight bytes that share their first eight (`IDOrder` then compares them in
    /// full) and shorter ones that are prefixes of others: the kept order still equals the sort.
    @Test func idOrderOfIdsSharingTheirFirstEightBytes() {
        var g = SplitMix(seed: 77)
        var index = CustomerIndex()
        var order = IDOrder()
        for _ in 0..<4 {
            for _ in 0..<300 {
                let id = ["CUSTOMER-\(g.below(5_000))", "CUSTOMER", "CUST", "CUSTOMER-\(g.below(50))-\(g.below(50))", "C\(g.below(100))"][g.below(5)]
                _ = index.intern(id)
            }
            order.update(index.ids)
            let all = (0..<Int32(index.ids.count)).shuffled()
            #expect(order.sorted(all, ids: index.ids) { $0 } == byBytes(index.ids, all))
        }
    }

    /// Where two prefix keys differ they order their byte strings as `BytewiseOrder.precedes`
    /// does; byte strings with different keys never compare equal. Random strings of 0–12 bytes,
    /// zero bytes and shared beginnings included.
    @Test func prefixKeysAgreeWithTheByteOrder() {
        var g = SplitMix(seed: 5)
        let alphabet: [UInt8] = [0, 1, 0x41, 0x42, 0x7F, 0x80, 0xFF]
        let strings: [[UInt8]] = (0..<600).map { _ in (0..<g.below(13)).map { _ in alphabet[g.below(alphabet.count)] } }
        for a in strings {
            for b in strings.prefix(120) {
                a.withUnsafeBytes { ra in
                    b.withUnsafeBytes { rb in
                        let (ka, kb) = (BytewiseOrder.prefixKey(ra), BytewiseOrder.prefixKey(rb))
                        if ka < kb { #expect(BytewiseOrder.precedes(ra, rb), "\(a) \(b)") }
                        if ka > kb { #expect(BytewiseOrder.precedes(rb, ra), "\(a) \(b)") }
                    }
                }
            }
        }
    }

    // MARK: - Order statistics

    @Test func selectionMatchesTheSortedValues() {
        var g = SplitMix(seed: 12345)
        for trial in 0..<200 {
            let n = 1 + g.below(trial < 100 ? 40 : 3000)
            let spread = 1 + g.below(trial % 3 == 0 ? 3 : 1000)   // many ties in a third of the trials
            let values = (0..<n).map { _ in Int64(g.below(spread)) - 5 }
            let sorted = values.sorted()
            let ranks = (1...19).map { min(n - 1, $0 * n / 20) }
            #expect(OrderStatistics.values(values, ranks: ranks) == ranks.map { sorted[$0] })
        }
        #expect(OrderStatistics.values([3.5], ranks: [0, 0]) == [3.5, 3.5])
    }

    /// After selecting several ranks in place, each holds its sorted value with nothing greater
    /// before it and nothing smaller after it; the values are a permutation of the input.
    @Test func multipleRanksSelectedInPlacePartitionTheValues() {
        var g = SplitMix(seed: 777)
        for trial in 0..<150 {
            let n = 1 + g.below(trial < 75 ? 50 : 5000)
            let values = (0..<n).map { _ in Double(g.below(trial % 4 == 0 ? 4 : 10_000)) / 3 }
            let ranks = (0..<g.below(12)).map { _ in g.below(n) }.sorted()
            var work = values
            OrderStatistics.select(&work, ranks: ranks)
            let sorted = values.sorted()
            #expect(work.sorted() == sorted)
            for r in ranks {
                #expect(work[r] == sorted[r])
                #expect(work[..<r].allSatisfy { $0 <= work[r] })
                #expect(work[(r + 1)...].allSatisfy { $0 >= work[r] })
            }
        }
    }

    /// Counting selection over integers equals the sorted values: narrow ranges (counted directly),
    /// wide ones with ties, outliers that put nearly everything in one bucket, and the extremes.
    @Test func integerSelectionMatchesTheSortedValues() {
        var g = SplitMix(seed: 31337)
        for trial in 0..<240 {
            let n = 1 + g.below(trial < 120 ? 60 : 6000)
            let values: [Int64] = (0..<n).map { _ in
                switch trial % 6 {
                case 0: return Int64(g.below(7)) - 3                                        // few values
                case 1: return Int64(g.below(1_000_000)) * 137 - 5_000_000                  // wide, signed
                case 2: return g.below(50) == 0 ? Int64.max - Int64(g.below(3)) : Int64(g.below(100))  // outliers
                case 3: return g.below(2) == 0 ? Int64.min + Int64(g.below(5)) : Int64.max - Int64(g.below(5))
                case 4: return Int64(bitPattern: g.next())                                  // anything
                default: return Int64(g.below(3)) * 10_000_000_000                           // ties, huge gaps
                }
            }
            let sorted = values.sorted()
            let ranks = (0..<(1 + g.below(20))).map { _ in g.below(n) }.sorted()
            #expect(OrderStatistics.integerValues(values, ranks: ranks) == ranks.map { sorted[$0] }, "trial \(trial)")
            let narrow = values.map { Int32(truncatingIfNeeded: $0 % 100_000) }
            let narrowSorted = narrow.sorted()
            #expect(OrderStatistics.integerValues(narrow, ranks: ranks) == ranks.map { narrowSorted[$0] }, "trial \(trial)")
        }
        #expect(OrderStatistics.integerValues([Int64](), ranks: []) == [])
        // Through the public entry point, large arrays take the counting path.
        let big = (0..<10_000).map { Int64(($0 * 7919) % 10_007) - 77 }
        #expect(OrderStatistics.values(big, ranks: [0, 5_000, 9_999]) == [big.min()!, big.sorted()[5_000], big.max()!])
    }
    /// A part of a larger array, read in place (both paths: under 4,096 values and over), gives the
    /// part's own order statistics, not the array's.
    @Test func doubleSelectionOfAPartReadInPlace() {
        var g = SplitMix(seed: 99)
        let all = (0..<30_000).map { _ in Double(g.below(1_000_000)) / 7 }
        for (start, end) in [(0, 30_000), (100, 3_000), (5_000, 25_000), (29_999, 30_000), (7, 4_103)] {
            let part = Array(all[start..<end])
            let sorted = part.sorted()
            let ranks = [0, (part.count - 1) / 2, part.count - 1]
            let got = all.withUnsafeBufferPointer { OrderStatistics.values(UnsafeBufferPointer(rebasing: $0[start..<end]), ranks: ranks) }
            #expect(got == ranks.map { sorted[$0] }, "\(start)..<\(end)")
        }
    }

    /// Counting selection over doubles equals the sorted values: skewed positive values (like
    /// predicted CLV), signed ones, ±0, ties, tiny and huge magnitudes and infinities.
    @Test func doubleSelectionMatchesTheSortedValues() {
        var g = SplitMix(seed: 4242)
        for trial in 0..<240 {
            let n = 1 + g.below(trial < 120 ? 60 : 6000)
            let values: [Double] = (0..<n).map { _ in
                let u = Double(g.below(1 << 30)) / Double(1 << 30)
                switch trial % 6 {
                case 0: return exp(12 * u) - 1                                              // skewed, >= 0
                case 1: return (u - 0.5) * 1.0e6                                            // signed
                case 2: return [0.0, -0.0, 1, -1, 0.5][g.below(5)]                            // ties and both zeros
                case 3: return g.below(2) == 0 ? u * 1.0e-300 : -u * 1.0e300                 // tiny and huge
                case 4: return g.below(20) == 0 ? (g.below(2) == 0 ? .infinity : -.infinity) : u  // infinities
                default: return Double(g.below(3)) * 1.0e12 + u                             // clusters far apart
                }
            }
            let sorted = values.sorted()
            let ranks = (0..<(1 + g.below(20))).map { _ in g.below(n) }.sorted()
            let counted = OrderStatistics.doubleValues(values, ranks: ranks)
            // Equal as numbers (−0 == 0), and a zero comes back as +0 or as one of the input's zeros.
            #expect(counted == ranks.map { sorted[$0] }, "trial \(trial)")
        }
        // The key map keeps the order and inverts exactly.
        let samples: [Double] = [-.infinity, -1.0e300, -1, -.leastNonzeroMagnitude, 0, .leastNonzeroMagnitude, 1, 1.0e300, .infinity]
        let keys = samples.map(OrderStatistics.doubleKey)
        #expect(keys == keys.sorted() && Set(keys).count == keys.count)
        #expect(keys.map(OrderStatistics.doubleValue) == samples)
        #expect(OrderStatistics.doubleKey(-0.0) == OrderStatistics.doubleKey(0.0))
        // Through the public entry point, large arrays take the counting path.
        let big = (0..<10_000).map { Double(($0 * 7919) % 10_007) / 7 - 77 }
        #expect(OrderStatistics.values(big, ranks: [0, 5_000, 9_999]) == [big.min()!, big.sorted()[5_000], big.max()!])
    }

    /// The radix sort equals the library sort for any width (one to six 11-bit passes) and ties.
    @Test func leadingElementsAreTheStableSortsPrefix() {
        var g = SplitMix(seed: 23)
        for trial in 0..<60 {
            let n = g.below(300)
            // Few distinct keys, so that ties are common; ties must keep input order.
            let keys = (0..<n).map { _ in g.below(trial % 2 == 0 ? 8 : 1000) }
            let k = [0, 1, 5, 15, n, n + 3][trial % 6]
            let precedes: (Int, Int) -> Bool = { keys[$0] > keys[$1] }
            let expected = Array((0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.prefix(k))
            #expect(OrderStatistics.leading(k, of: 0..<n, by: precedes) == expected)
        }
        // By hand: descending values, ties in input order.
        let values = [3, 9, 1, 9, 4, 7]
        #expect(OrderStatistics.leading(3, of: values.indices) { values[$0] > values[$1] } == [1, 3, 5])
    }

    @Test func radixSortMatchesTheLibrarySort() {
        var g = SplitMix(seed: 8080)
        for bits in [1, 5, 11, 12, 22, 23, 40, 63, 64] {
            for n in [0, 1, 2, 17, 3000] {
                var values = (0..<n).map { _ in bits == 64 ? g.next() : g.next() & ((1 << UInt64(bits)) - 1) }
                if n > 10 { values[3] = values[7] }  // a tie
                let expected = values.sorted()
                var again = values
                RadixSort.sort(&values, bits: bits)
                #expect(values == expected, "bits \(bits), n \(n)")
                // With a lent second buffer holding other values, larger or smaller.
                var lent = (0..<(n % 2 == 0 ? n + 5 : n / 2)).map { _ in g.next() }
                RadixSort.sort(&again, bits: bits, scratch: &lent)
                #expect(again == expected, "lent buffer, bits \(bits), n \(n)")
            }
        }
        // Low bits already in order (each value's position), ties of the high bits in position order:
        // only the high bits are sorted, to the same result.
        for (bits, low) in [(50, 19), (31, 11), (12, 5), (64, 20), (20, 20)] {
            for n in [0, 2, 900, 3000] {
                let indexBits = max(1, Int.bitWidth - n.leadingZeroBitCount)
                guard indexBits <= low else { continue }
                let highBits = bits - low
                var values = (0..<n).map { i in ((highBits == 0 ? 0 : g.next() % 37 & ((1 << UInt64(highBits)) - 1)) << UInt64(low)) | UInt64(i) }
                let expected = values.sorted()
                var spare: [UInt64] = [1, 2, 3]
                RadixSort.sort(&values, bits: bits, sortedBelow: low, scratch: &spare)
                #expect(values == expected, "bits \(bits), sorted below \(low), n \(n)")
            }
        }
        // Digits every value shares are skipped: a common high part, only a few low bits varying, all equal.
        for (bits, high, lowBits) in [(64, UInt64(0xABC) << 40, 20), (48, UInt64(0x5) << 44, 3), (30, 0, 0)] {
            var values = (0..<5000).map { _ in high | (lowBits == 0 ? 0 : g.next() & ((1 << UInt64(lowBits)) - 1)) }
            let expected = values.sorted()
            RadixSort.sort(&values, bits: bits)
            #expect(values == expected, "bits \(bits), low bits \(lowBits)")
        }
    }

    // MARK: - Triple table

    @Test func tripleTableGivesDenseStableIndices() {
        var table = TripleTable(expected: 4)
        var reference: [[UInt64]: Int] = [:]
        var g = SplitMix(seed: 4242)
        for _ in 0..<20_000 {
            let key = [UInt64(g.below(30)), UInt64(g.below(40)) << 52, UInt64(g.below(5))]
            let i = table.index(key[0], key[1], key[2])
            if let known = reference[key] { #expect(i == known) } else { #expect(i == reference.count); reference[key] = i }
        }
        #expect(table.count == reference.count)
        for (key, i) in reference { #expect(table.keys[i] == (key[0], key[1], key[2])) }
    }

    /// Insertion ids count the distinct values in the order they are met, and map to the ranks that
    /// `rank(of:)` gives (by hand, then on generated values that make the table grow).
    @Test func insertionIDsMapToRanks() {
        var table = ValueRankTable()
        #expect([5, 3, 5, 9, 3].map { table.insertionID(of: $0) } == [0, 1, 0, 2, 1])
        #expect(table.assignRanks() == [3, 5, 9])
        #expect(table.ranksByInsertionID() == [1, 0, 2])

        var g = SplitMix(seed: 7)
        var big = ValueRankTable()
        let values = (0..<5000).map { _ in (Double(g.below(900)) / 7).bitPattern }
        let ids = values.map { big.insertionID(of: $0) }
        let distinct = big.assignRanks()
        let ranks = big.ranksByInsertionID()
        #expect(distinct == Array(Set(values)).sorted())
        for (value, id) in zip(values, ids) {
            #expect(ranks[Int(id)] == big.rank(of: value))
            #expect(distinct[Int(ranks[Int(id)])] == value)
        }
    }

    /// Ranks by hash table and a sort of the distinct values equal ranks by a sort of everything;
    /// left-out items get −1 and add no value.
    @Test func valueRanksMatchASortOfTheValues() {
        var g = SplitMix(seed: 99)
        for trial in 0..<50 {
            let n = g.below(2000)
            let values = (0..<n).map { _ in (Double(g.below(trial % 2 == 0 ? 10 : 700)) / 7).bitPattern }
            let included = (0..<n).map { _ in g.below(4) != 0 }
            let ranks = ValueRanks(values, where: trial % 3 == 0 ? nil : included)
            let kept = Set(values.indices.filter { trial % 3 == 0 || included[$0] })
            let distinct = Array(Set(kept.map { values[$0] })).sorted()
            #expect(ranks.distinct == distinct)
            for i in values.indices {
                let expected = kept.contains(i) ? Int32(distinct.firstIndex(of: values[i])!) : -1
                #expect(ranks.rank[i] == expected)
            }
            #expect(distinct.count < 1 << ranks.bitWidth)
        }
    }
}
