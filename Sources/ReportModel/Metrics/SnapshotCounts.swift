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
    /// Of `previouslyActive`, the customers not in this snapshot (lost by their absence).
    public var missingActive = 0
    /// Buyers seen in no earlier snapshot whose first order (else last order) is dated on or before
    /// the previous snapshot's as-of date: they were customers then, yet not in it.
    public var arrivedWithHistory = 0
    /// Of `active`, the customers missing from the previous snapshot but in an earlier one (newly
    /// active by their return).
    public var returnedActive = 0

    public init() {}
}
