/// One escalation point evaluated on a snapshot.
public struct EscalationResult: Sendable, Equatable {
    public var kind: EscalationKind
    public var raised: Bool
    /// Customers behind it (customer escalations) or 1 when a figure escalation is raised.
    public var count: Int
    /// The figure compared with the threshold (NPS, churn rate); nil for customer escalations or without data.
    public var value: Double?
    public var threshold: Double
    /// The customers behind it, sorted by customer id.
    public var customers: [EscalatedCustomer]
    /// The input column it reads, when the snapshot has no such column (a ledger has none of
    /// `nps`, `public_complaint` and `refund_requested`): nothing could raise it.
    public var missingColumn: String?

    public init(kind: EscalationKind, raised: Bool, count: Int, value: Double?, threshold: Double, customers: [EscalatedCustomer],
                missingColumn: String? = nil) {
        self.kind = kind
        self.raised = raised
        self.count = count
        self.value = value
        self.threshold = threshold
        self.customers = customers
        self.missingColumn = missingColumn
    }
}
