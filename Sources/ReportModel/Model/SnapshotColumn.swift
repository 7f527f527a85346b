/// The columns of a customer snapshot file (input.md, kind 1).
public enum SnapshotColumn: String, CaseIterable, Sendable, Hashable {
    case customerID = "customer_id"
    case firstOrderDate = "first_order_date"
    case lastOrderDate = "last_order_date"
    case orders
    case revenue
    case status
    case vip
    case nps
    case csat
    case ces
    case feedback
    case publicComplaint = "public_complaint"
    case refundRequested = "refund_requested"
    case tier
    case pointsBalance = "points_balance"

    /// Columns every snapshot must have.
    public static let required: [SnapshotColumn] = [.customerID, .lastOrderDate, .orders, .revenue]
}
