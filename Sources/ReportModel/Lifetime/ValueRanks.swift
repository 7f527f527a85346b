/// The distinct values of a list of bit patterns, in ascending order, and each item's rank among
/// them (internal; the grouping step of `GammaGammaData`). Meant for lists with few distinct
/// values: they are found through a `ValueRankTable`, so only the distinct values are sorted.
struct ValueRanks {
    /// Distinct values of the included items, ascending.
    let distinct: [UInt64]
    /// Per item: the index of its value in `distinct`, or −1 when the item is left out.
    let rank: [Int32]
    /// Bits needed to hold any rank.
    var bitWidth: Int { max(1, Int.bitWidth - distinct.count.leadingZeroBitCount) }

    /// Ranks `values`; items whose `included` flag is false get −1 and add no value.
    init(_ values: [UInt64], where included: [Bool]?) {
        // One pass: each item's insertion id, then ids turned into ranks by an array load.
        var table = ValueRankTable()
        var rank = [Int32](repeating: -1, count: values.count)
        for (i, v) in values.enumerated() where included?[i] ?? true { rank[i] = table.insertionID(of: v) }
        distinct = table.assignRanks()
        let rankOfID = table.ranksByInsertionID()
        for i in rank.indices where rank[i] >= 0 { rank[i] = rankOfID[Int(rank[i])] }
        self.rank = rank
    }
}
