/// Storage the BG/NBD grouping and the per-triple predictions use for every snapshot, lent from
/// one snapshot to the next (internal; see `LifetimeScratch`). What the arrays hold between uses
/// is never read. Allocated afresh, the grouping's sort buffers, the history-to-triple map and the
/// per-triple results were mapped in page by page for every snapshot: a quarter of the page faults
/// left in a 63-month-end ledger build after the CLV step wrote into the buyer table.
struct BGNBDScratch {
    /// The grouping's packed sort keys, the radix sort's second buffer, and the sorted order.
    var sortKeys: [UInt64] = []
    var sortSpare: [UInt64] = []
    var order: [Int32] = []
    /// Storage for `BGNBDData.historyTriple` and `BGNBDData.tripleKeys`, taken back after use.
    var historyTriple: [Int32] = []
    var tripleKeys: [(UInt64, UInt64, UInt64)] = []
    /// The predictions' pair index per triple, and their per-triple results.
    var pairOfTriple: [Int32] = []
    var perTriple: [(alive: Double, purchases: Double, discounted: Double)] = []

    /// Takes back the storage of `data`'s per-history and per-triple arrays, to be reused once
    /// `data` is gone.
    mutating func reclaim(_ data: consuming BGNBDData) {
        swap(&historyTriple, &data.historyTriple)
        swap(&tripleKeys, &data.tripleKeys)
    }
}
