/// The four specialist areas feedback and actions are routed to.
public enum SpecialistArea: String, CaseIterable, Sendable, Hashable {
    case lifecycleManagement = "lifecycle-management"
    case loyaltyPrograms = "loyalty-programs"
    case churnPrevention = "churn-prevention"
    case customerSuccess = "customer-success"
}
