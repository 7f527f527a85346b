/// The distinct values of a list of bit patterns, in ascending order, and each item's rank among
/// them (internal; the grouping steps of `BGNBDData` and `GammaGammaData`). Meant for lists with
/// few distinct values: they are found through a hash table, so only the distinct values are sorted.
struct ValueRanks {
    /// Distinct values of the included items, ascending.
    let distinct: [UInt64]
    /// Per item: the index of its value in `distinct`, or −1 when the item is left out.
    let rank: [Int32]
    /// Bits needed to hold any rank.
    var bitWidth: Int { max(1, Int.bitWidth - distinct.count.leadingZeroBitCount) }

    /// Ranks `values`; items whose `included` flag is false get −1 and add no value.
    init(_ values: [UInt64], where included: [Bool]?) {
        var table = TripleTable(expected: 1024)
        var slot = [Int32](repeating: -1, count: values.count)
        for (i, v) in values.enumerated() where included?[i] ?? true {
            slot[i] = Int32(table.index(v, 0, 0))
        }
        let found = table.keys.map(\.0)
        let order = found.indices.sorted { found[$0] < found[$1] }
        var rankOfSlot = [Int32](repeating: 0, count: found.count)
        for (r, s) in order.enumerated() { rankOfSlot[s] = Int32(r) }
        distinct = order.map { found[$0] }
        rank = slot.map { $0 < 0 ? -1 : rankOfSlot[Int($0)] }
    }
}
