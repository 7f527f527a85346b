extension BGNBDData {
    /// The grouping of histories whose distinct triples, in whole days, are `triples` (packed as
    /// `IncrementalTripleGrouping.pack` packs them, ascending) with `weights` customers each, and
    /// whose i-th history has triple `historyTriple[i]`: the tables `init(_:scratch:)` builds for
    /// those histories, with times in days over `unit`. `tripleKeys` is built in `scratch`'s storage.
    init(wholeDayTriples triples: [UInt64], weights: [Int32], historyTriple: [Int32], unit: Double, scratch: inout BGNBDScratch) {
        let dayBits = IncrementalTripleGrouping.dayBits
        let dayMask = UInt64(IncrementalTripleGrouping.dayLimit - 1)
        customers = historyTriple.count
        self.historyTriple = historyTriple
        swap(&tripleKeys, &scratch.tripleKeys)
        tripleKeys.removeAll(keepingCapacityFor: triples.count)

        // The distinct T of all triples and tx of those with x > 0, ranked through arrays indexed by
        // day (the days span a few thousand at most in practice; a sorted list beyond 2^20).
        let ageRanks = DayRanks(triples.lazy.map { Int($0 & dayMask) })
        let recencyRanks = DayRanks(triples.lazy.filter { $0 >> (2 * dayBits) != 0 }.map { Int($0 >> dayBits & dayMask) })
        ages = ageRanks.days.map { Double($0) / unit }
        recencies = recencyRanks.days.map { Double($0) / unit }

        let repeaters = triples.count - triples.prefix { $0 >> (2 * dayBits) == 0 }.count
        entryRecency.reserveCapacity(repeaters)
        entryAge.reserveCapacity(repeaters)
        entryWeight.reserveCapacity(repeaters)
        for (t, key) in triples.enumerated() {
            let x = key >> (2 * dayBits)
            let recency = x == 0 ? 0 : recencyRanks.rank(of: Int(key >> dayBits & dayMask))
            appendTriple(count: Double(x), recency: recency, age: ageRanks.rank(of: Int(key & dayMask)), weight: Double(weights[t]))
        }
        if !counts.isEmpty { groupStart.append(entryWeight.count) }
    }
}

/// The distinct values among some whole-day counts, ascending, and each one's rank among them
/// (internal to `BGNBDData.init(wholeDayTriples:…)`).
struct DayRanks {
    /// The distinct days, ascending.
    let days: [Int]
    /// Rank by day (−1: absent), or empty when the days run past `denseLimit`.
    private let rankByDay: [Int32]
    static let denseLimit = 1 << 20

    init<Days: Sequence<Int>>(_ values: Days) {
        let highest = values.max() ?? -1
        if highest < Self.denseLimit {
            var ranks = [Int32](repeating: -1, count: highest + 1)
            for d in values { ranks[d] = 0 }
            var days: [Int] = []
            for d in ranks.indices where ranks[d] == 0 {
                ranks[d] = Int32(truncatingIfNeeded: days.count)
                days.append(d)
            }
            self.days = days
            rankByDay = ranks
        } else {
            days = Array(Set(values)).sorted()
            rankByDay = []
        }
    }

    /// The rank of a day among the values.
    @inline(__always) func rank(of day: Int) -> Int32 {
        if !rankByDay.isEmpty { return rankByDay[day] }
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return Int32(truncatingIfNeeded: low)
    }
}
