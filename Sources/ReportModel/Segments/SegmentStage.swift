/// Per-segment figures from the scored buyers.
enum SegmentStage {
    static func summaries(buyers: BuyerTable, segmentIDs: [String], asOf: Day) -> [SegmentSummary] {
        let k = segmentIDs.count
        var count = [Int](repeating: 0, count: k)
        var revenue = [Int64](repeating: 0, count: k)
        var recency = [Int](repeating: 0, count: k)
        var frequency = [Int](repeating: 0, count: k)
        var clv = [Double](repeating: 0, count: k)
        var clvKnown = buyers.count > 0
        for i in 0..<buyers.count {
            let s = Int(buyers.segment[i])
            count[s] += 1
            revenue[s] += buyers.monetary[i]
            recency[s] += Int(buyers.recencyDays[i])
            frequency[s] += Int(buyers.frequency[i])
            let v = buyers.predictedCLV[i]
            if v.isNaN { clvKnown = false } else { clv[s] += v }
        }
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
