/// Ledger lines as columns, in file order: one part of a ledger as read (see `LedgerReader.Lines`).
public struct LedgerLineColumns: Sendable {
    /// The customer of each line (its index in the ledger's `CustomerIndex`).
    public var customer: [Int32] = []
    /// Purchase day (`Day.ordinal`).
    public var day: [Int32] = []
    /// Amount in `Money` units; negative for refunds.
    public var amount: [Int64] = []
    /// Order id per line as a 63-bit hash of its bytes (-2 for an empty id); empty without an
    /// `order_id` column. Order ids only need to be told apart within one customer's lines, where
    /// a collision has a chance of about 2^-63; a global intern table cost 130 MB at 5 M lines.
    public var order: [Int64] = []

    /// Number of lines.
    public var count: Int { day.count }

    /// The lines with a day on or before `last`.
    func through(_ last: Int32) -> LedgerLineColumns {
        let keep = day.indices.filter { day[$0] <= last }
        return LedgerLineColumns(
            customer: keep.map { customer[$0] }, day: keep.map { day[$0] }, amount: keep.map { amount[$0] },
            order: order.isEmpty ? [] : keep.map { order[$0] })
    }
}
