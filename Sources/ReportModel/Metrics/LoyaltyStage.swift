/// Reads the existing loyalty programme (tiers, points) and the spend distribution of a snapshot.
enum LoyaltyStage {
    static func snapshot(table: SnapshotTable, buyers: BuyerTable) -> LoyaltySnapshot {
        var result = LoyaltySnapshot()
        if table.has(.tier) {
            // Tiers repeat a handful of names (their Strings shared by the reader): count runs of the
            // same name and hash once per run, not once per customer.
            var members: [String: Int] = [:]
            var run: (tier: String, count: Int)?
            for (_, tier) in table.tier {
                if let current = run, current.tier == tier {
                    run!.count += 1
                } else {
                    if let current = run { members[current.tier, default: 0] += current.count }
                    run = (tier, 1)
                }
            }
            if let current = run { members[current.tier, default: 0] += current.count }
            result.membersPerTier = members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        if table.has(.pointsBalance) {
            result.pointsOutstanding = table.pointsBalance.reduce(0) { $0 + max($1, 0) }
        }
        if buyers.count > 0 {
            let n = buyers.count
            result.spendPercentiles = OrderStatistics.values(buyers.monetary, ranks: (1...19).map { min(n - 1, $0 * n / 20) })
        }
        return result
    }
}
