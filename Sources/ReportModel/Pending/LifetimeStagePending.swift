// Temporary until Lifetime/ lands.
enum LifetimeStage {
    static func run(table: SnapshotTable, buyers: inout BuyerTable, earliestPurchase: [Int32], settings: LifetimeValueSettings) -> LifetimeSummary {
        .notComputed(reason: "pending")
    }
}
