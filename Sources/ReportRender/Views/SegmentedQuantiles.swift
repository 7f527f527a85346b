import ReportModel

/// The order statistics of predicted CLV that `LifetimeView` shows: the values at given ranks among
/// all the counted buyers, and each segment's median, read by counting.
///
/// One pass finds the range of the values (overall and per segment), one counts them into buckets
/// (up to 65,536 over all, 4,096 per segment), and one gathers the values of the buckets holding a
/// wanted rank, which are then selected among. (The view counted all the CLVs with
/// `OrderStatistics.values`, then each segment's the same way, from a copy of the CLVs placed by
/// segment: nine passes over 850 k buyers and 6.8 MB of fresh memory per snapshot, 3.7 % of a
/// 1 M × 12 build's CPU samples with the view's other passes.) Order statistics are values, not
/// sums: the same whatever the order or the way they are read.
struct SegmentedQuantiles {
    /// The value at each rank asked for, among all the counted values.
    let overall: [Int: Double]
    /// Each segment's median (its value of rank (count − 1) / 2); nil for a segment without values.
    let medians: [Double?]

    /// Over the rows `i` where `counted(i)`: the values `values[i]` (finite), in the segments
    /// `min(segments[i], segmentCount)` (the last one: rows without a known segment), at `ranks`
    /// (each in 0..<the rows counted). (Inlined into its caller, so that `counted` is too: a call
    /// per row and pass otherwise.)
    @inline(__always)
    init(values: UnsafeBufferPointer<Double>, segments: UnsafeBufferPointer<UInt8>, segmentCount: Int,
         ranks: [Int], counted: (Int) -> Bool) {
        let groups = segmentCount + 1
        let key = OrderStatistics.doubleKey, value = OrderStatistics.doubleValue
        // Ranges of the keys.
        var low = UInt64.max, high = UInt64.min
        var groupLow = [UInt64](repeating: .max, count: groups), groupHigh = [UInt64](repeating: .min, count: groups)
        var members = [Int](repeating: 0, count: groups)
        var n = 0
        groupLow.withUnsafeMutableBufferPointer { groupLow in
            groupHigh.withUnsafeMutableBufferPointer { groupHigh in
                members.withUnsafeMutableBufferPointer { members in
                    for i in 0..<values.count where counted(i) {
                        let k = key(values[i]), g = min(Int(segments[i]), segmentCount)
                        low = min(low, k)
                        high = max(high, k)
                        groupLow[g] = min(groupLow[g], k)
                        groupHigh[g] = max(groupHigh[g], k)
                        members[g] += 1
                        n += 1
                    }
                }
            }
        }
        guard n > 0 else {
            overall = [:]
            medians = [Double?](repeating: nil, count: segmentCount)
            return
        }
        func shift(_ span: UInt64, buckets: UInt64) -> UInt64 {
            var s: UInt64 = 0
            while span >> s >= buckets { s += 1 }
            return s
        }
        let groupBuckets = 4096
        let overallShift = shift(high - low, buckets: 1 << 16)
        let overallCount = Int((high - low) >> overallShift) + 1
        let groupShift = (0..<groups).map { members[$0] > 0 ? shift(groupHigh[$0] - groupLow[$0], buckets: UInt64(groupBuckets)) : 0 }

        // Counts.
        var counts = [Int32](repeating: 0, count: overallCount)
        var groupCounts = [Int32](repeating: 0, count: groups * groupBuckets)
        counts.withUnsafeMutableBufferPointer { counts in
            groupCounts.withUnsafeMutableBufferPointer { groupCounts in
                groupLow.withUnsafeBufferPointer { groupLow in
                    groupShift.withUnsafeBufferPointer { groupShift in
                        for i in 0..<values.count where counted(i) {
                            let k = key(values[i]), g = min(Int(segments[i]), segmentCount)
                            counts[Int((k - low) >> overallShift)] += 1
                            groupCounts[g * groupBuckets + Int((k - groupLow[g]) >> groupShift[g])] += 1
                        }
                    }
                }
            }
        }

        // Each wanted rank's bucket and its rank within it (ranks walked in ascending order).
        func walk(_ wanted: [Int], counts: UnsafeBufferPointer<Int32>, offset: Int) -> [(rank: Int, bucket: Int, within: Int)] {
            var result: [(rank: Int, bucket: Int, within: Int)] = []
            var bucket = 0, before = 0
            for rank in wanted.sorted() {
                while before + Int(counts[offset + bucket]) <= rank { before += Int(counts[offset + bucket]); bucket += 1 }
                result.append((rank, bucket, rank - before))
            }
            return result
        }
        let overallWanted = counts.withUnsafeBufferPointer { walk(ranks, counts: $0, offset: 0) }
        let medianWanted: [[(rank: Int, bucket: Int, within: Int)]] = groupCounts.withUnsafeBufferPointer { groupCounts in
            (0..<segmentCount).map { g in members[g] > 0 ? walk([(members[g] - 1) / 2], counts: groupCounts, offset: g * groupBuckets) : [] }
        }

        // The values of the buckets holding a wanted rank (unless a bucket is one key wide).
        var overallSlot = [Int32](repeating: -1, count: overallShift > 0 ? overallCount : 0)
        var groupSlot = [Int32](repeating: -1, count: groups * groupBuckets)
        var gathered: [[Double]] = []
        if overallShift > 0 {
            for w in overallWanted where overallSlot[w.bucket] < 0 {
                overallSlot[w.bucket] = Int32(gathered.count)
                gathered.append([])
                gathered[gathered.count - 1].reserveCapacity(Int(counts[w.bucket]))
            }
        }
        for g in 0..<segmentCount where groupShift[g] > 0 {
            for w in medianWanted[g] where groupSlot[g * groupBuckets + w.bucket] < 0 {
                groupSlot[g * groupBuckets + w.bucket] = Int32(gathered.count)
                gathered.append([])
                gathered[gathered.count - 1].reserveCapacity(Int(groupCounts[g * groupBuckets + w.bucket]))
            }
        }
        if !gathered.isEmpty {
            overallSlot.withUnsafeBufferPointer { overallSlot in
                groupSlot.withUnsafeBufferPointer { groupSlot in
                    groupLow.withUnsafeBufferPointer { groupLow in
                        groupShift.withUnsafeBufferPointer { groupShift in
                            for i in 0..<values.count where counted(i) {
                                let v = values[i], k = key(v), g = min(Int(segments[i]), segmentCount)
                                if overallShift > 0 {
                                    let s = overallSlot[Int((k - low) >> overallShift)]
                                    if s >= 0 { gathered[Int(s)].append(v) }
                                }
                                let s = groupSlot[g * groupBuckets + Int((k - groupLow[g]) >> groupShift[g])]
                                if s >= 0 { gathered[Int(s)].append(v) }
                            }
                        }
                    }
                }
            }
        }

        /// The value of rank `within` in a bucket: the bucket's key when it is one key wide, else
        /// selected among its gathered values.
        func pick(bucket: Int, within: Int, low: UInt64, shift: UInt64, slot: Int32) -> Double {
            guard shift > 0 else { return value(low + UInt64(bucket)) }
            OrderStatistics.select(&gathered[Int(slot)], ranks: [within])
            return gathered[Int(slot)][within]
        }
        var overall: [Int: Double] = [:]
        for w in overallWanted {
            overall[w.rank] = pick(bucket: w.bucket, within: w.within, low: low, shift: overallShift,
                                   slot: overallShift > 0 ? overallSlot[w.bucket] : -1)
        }
        self.overall = overall
        medians = (0..<segmentCount).map { g in
            medianWanted[g].first.map { w in
                pick(bucket: w.bucket, within: w.within, low: groupLow[g], shift: groupShift[g],
                     slot: groupShift[g] > 0 ? groupSlot[g * groupBuckets + w.bucket] : -1)
            }
        }
    }
}
