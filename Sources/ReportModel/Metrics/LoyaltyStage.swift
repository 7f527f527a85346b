/// Reads the existing loyalty programme (tiers, points) and the spend distribution of a snapshot.
enum LoyaltyStage {
    static func snapshot(table: SnapshotTable, buyers: BuyerTable) -> LoyaltySnapshot {
        var result = LoyaltySnapshot()
        if table.has(.tier) {
            var members: [String: Int] = [:]
            for (_, tier) in table.tier { members[tier, default: 0] += 1 }
            result.membersPerTier = members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        if table.has(.pointsBalance) {
            result.pointsOutstanding = table.pointsBalance.reduce(0) { $0 + max($1, 0) }
        }
        if buyers.count > 0 {
            let spend = buyers.monetary.sorted()
            result.spendPercentiles = (1...19).map { k in spend[min(spend.count - 1, k * spend.count / 20)] }
        }
        return result
    }
}
