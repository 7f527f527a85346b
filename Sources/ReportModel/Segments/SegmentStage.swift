/// Per-segment figures from the scored buyers.
enum SegmentStage {
    static func summaries(buyers: BuyerTable, segmentIDs: [String]) -> [SegmentSummary] {
        let k = segmentIDs.count
        var count = [Int](repeating: 0, count: k)
        var revenue = [Int64](repeating: 0, count: k)
        var recency = [Int](repeating: 0, count: k)
        var frequency = [Int](repeating: 0, count: k)
        var clv = [Double](repeating: 0, count: k)
        var clvKnown = buyers.count > 0
        // Through buffers (five array elements written per buyer were five uniqueness checks), the
        // sums in buyer order as before.
        precondition([buyers.segment.count, buyers.monetary.count, buyers.recencyDays.count, buyers.frequency.count, buyers.predictedCLV.count].allSatisfy { $0 == buyers.count })
        count.withUnsafeMutableBufferPointer { count in
        revenue.withUnsafeMutableBufferPointer { revenue in
        recency.withUnsafeMutableBufferPointer { recency in
        frequency.withUnsafeMutableBufferPointer { frequency in
        clv.withUnsafeMutableBufferPointer { clv in
        buyers.segment.withUnsafeBufferPointer { segment in
        buyers.monetary.withUnsafeBufferPointer { monetary in
        buyers.recencyDays.withUnsafeBufferPointer { recencyDays in
        buyers.frequency.withUnsafeBufferPointer { frequencies in
        buyers.predictedCLV.withUnsafeBufferPointer { predicted in
            for i in 0..<segment.count {
                let s = Int(segment[i])
                precondition(s < k, "segment index out of range")
                count[s] += 1
                revenue[s] += monetary[i]
                recency[s] += Int(recencyDays[i])
                frequency[s] += Int(frequencies[i])
                let v = predicted[i]
                if v.isNaN { clvKnown = false } else { clv[s] += v }
            }
        }}}}}}}}}}
        let total = buyers.count
        let totalRevenue = revenue.reduce(0, +)
        return (0..<k).map { s in
            let c = count[s]
            return SegmentSummary(
                id: segmentIDs[s], customers: c,
                share: total == 0 ? nil : Double(c) / Double(total),
                revenue: revenue[s],
                revenueShare: totalRevenue == 0 ? nil : Double(revenue[s]) / Double(totalRevenue),
                meanRecencyDays: c == 0 ? nil : Double(recency[s]) / Double(c),
                meanFrequency: c == 0 ? nil : Double(frequency[s]) / Double(c),
                meanMonetary: c == 0 ? nil : Money.value(revenue[s]) / Double(c),
                predictedCLV: clvKnown ? clv[s] : nil)
        }
    }
}
