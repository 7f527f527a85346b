/// Snapshots to process, in as-of order, read one at a time.
public protocol SnapshotSource {
    /// The snapshots, in as-of order.
    var periods: [SnapshotPeriod] { get }
    /// Reads snapshot `index`, interning customer ids into `customers`; the table may be built in
    /// the storage of `spare`, an earlier table no longer needed.
    mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome
    /// Whether reading the next snapshot while this one is computed pays (true for files to parse
    /// and for a ledger's month ends); false where a read is too cheap to be worth an extra table.
    var benefitsFromReadAhead: Bool { get }
    /// Things about the input worth a look that break no rule (printed as warnings).
    var warnings: [String] { get }
    /// A digest per snapshot of what it adds to the earlier ones, when the source can tell (a
    /// ledger's month ends); nil otherwise. A snapshot's figures depend only on its own and the
    /// earlier snapshots' digests, so a build can reuse the pages of a leading run of snapshots whose
    /// digests are those of the previous build. Called before the first `read`.
    func periodDigests() -> [String]?
}

extension SnapshotSource {
    public var benefitsFromReadAhead: Bool { true }
    public var warnings: [String] { [] }
    public func periodDigests() -> [String]? { nil }

    /// Reads snapshot `index` into new storage.
    public mutating func read(_ index: Int, customers: inout CustomerIndex) -> SnapshotOutcome {
        read(index, customers: &customers, reusing: nil)
    }
}
