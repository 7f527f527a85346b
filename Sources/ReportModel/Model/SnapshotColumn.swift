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
    /// Extension (not in input.md): distinct purchase days up to the as-of date, as `sql/snapshots.sql`
    /// derives them from a warehouse ledger. With `repeatRevenue` it lets the predictive model see
    /// single purchases, so the figures equal those of `build --transactions` on the same ledger.
    case purchaseDays = "purchase_days"
    /// Extension (not in input.md): money spent after the first purchase day (may be negative: refunds).
    case repeatRevenue = "repeat_revenue"

    /// Columns every snapshot must have.
    public static let required: [SnapshotColumn] = [.customerID, .lastOrderDate, .orders, .revenue]
}
