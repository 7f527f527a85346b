/// The per-buyer arrays `LifetimeStage` fills and drops for every snapshot, kept by the predictor
/// from one snapshot to the next: allocated afresh, each was mapped in page by page again (the row
/// map and the purchase histories, stored then, were 15 % of the page faults of a 63-month-end
/// ledger build).
struct LifetimeScratch {
    /// Table row of each history.
    var historyRow: [Int32] = []
    /// The BG/NBD grouping's and the predictions' storage.
    var grouping = BGNBDScratch()
    /// The previous snapshot's BG/NBD grouping, which the next one starts from.
    var triples = IncrementalTripleGrouping()
}
