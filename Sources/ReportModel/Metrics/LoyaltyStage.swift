/// Reads the existing loyalty programme (tiers, points) and the spend distribution of a snapshot.
enum LoyaltyStage {
    /// `spendTwentieths`: the buyers' spend at the ranks ⌊k·n/20⌋, k = 1…19 (`RFMStage`).
    static func snapshot(table: SnapshotTable, buyers: BuyerTable, spendTwentieths: [Int64]) -> LoyaltySnapshot {
        var result = LoyaltySnapshot()
        if table.has(.tier) {
            // Buyers per code, then per text: texts that differ in bytes but not as Strings
            // (composed and decomposed accents) count as one tier. A customer without an order is
            // not counted (slot 0, as no tier): the proposal beside these counts is over buyers, and
            // the page says "buyers in a tier" (it counted 43 prospects in Bronze on the examples).
            var perCode = [Int](repeating: 0, count: table.tierTexts.count + 1)
            // Through buffers: the array's uniqueness was checked at every row.
            perCode.withUnsafeMutableBufferPointer { perCode in
                table.tierCodes.withUnsafeBufferPointer { codes in
                    table.orders.withUnsafeBufferPointer { orders in
                        precondition(orders.count == codes.count, "a tier code per row")
                        for (code, orders) in zip(codes, orders) {
                            precondition(Int(code) < perCode.count, "tier code out of range")
                            perCode[orders > 0 ? Int(code) : 0] += 1
                        }
                    }
                }
            }
            var members: [String: Int] = [:]
            for (k, text) in table.tierTexts.enumerated() where perCode[k + 1] > 0 { members[text, default: 0] += perCode[k + 1] }
            result.membersPerTier = members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        if table.has(.pointsBalance) {
            result.pointsOutstanding = table.pointsOutstanding
        }
        if buyers.count > 0 {
            precondition(spendTwentieths.count == 19, "the spend's twentieths of the buyers")
            result.spendPercentiles = spendTwentieths
        }
        return result
    }
}
