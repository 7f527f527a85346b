/// The columns of a transaction ledger (input.md, kind 2).
public enum LedgerColumn: String, CaseIterable, Sendable, Hashable {
    case customerID = "customer_id"
    case date
    case amount
    case orderID = "order_id"
    case quantity

    /// Columns every ledger must have.
    public static let required: [LedgerColumn] = [.customerID, .date, .amount]
}
