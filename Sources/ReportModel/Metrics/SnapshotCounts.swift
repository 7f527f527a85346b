/// Customer counts of one snapshot (metrics.md "Also reported per snapshot").
public struct SnapshotCounts: Sendable, Equatable {
    /// Rows in the file.
    public var customers = 0
    /// Customers with orders >= 1.
    public var buyers = 0
    public var active = 0
    /// Active now, not active at the previous snapshot (N = E \ S).
    public var newActive = 0
    /// Active at the previous snapshot, not now (S \ E).
    public var lost = 0
    /// Customers with orders = 0 (in no segment).
    public var prospects = 0
    /// Active at the previous snapshot (|S|); 0 on the first snapshot.
    public var previouslyActive = 0

    public init() {}
}
