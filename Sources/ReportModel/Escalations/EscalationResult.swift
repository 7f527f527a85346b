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

    public init(kind: EscalationKind, raised: Bool, count: Int, value: Double?, threshold: Double, customers: [EscalatedCustomer]) {
        self.kind = kind
        self.raised = raised
        self.count = count
        self.value = value
        self.threshold = threshold
        self.customers = customers
    }
}
