/// The seed's human escalation points, in report order.
public enum EscalationKind: String, CaseIterable, Sendable, Hashable {
    case vipAtRisk = "vip_at_risk"
    case npsCritical = "nps_critical"
    case churnCrisis = "churn_crisis"
    case publicComplaint = "public_complaint"
    case largeRefund = "large_refund"

    /// Whether the escalation is about customers (listed) rather than a figure.
    public var isAboutCustomers: Bool {
        switch self {
        case .vipAtRisk, .publicComplaint, .largeRefund: return true
        case .npsCritical, .churnCrisis: return false
        }
    }

    /// The specialist area that owns the follow-up.
    public var owner: SpecialistArea {
        switch self {
        case .vipAtRisk: return .churnPrevention
        case .npsCritical: return .customerSuccess
        case .churnCrisis: return .churnPrevention
        case .publicComplaint: return .customerSuccess
        case .largeRefund: return .customerSuccess
        }
    }
}
