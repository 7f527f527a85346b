import ReportModel

/// Display names of the specialist areas.
enum AreaText {
    static func name(_ a: SpecialistArea?, _ l: ReportLocale) -> String {
        let fr = l == .fr
        switch a {
        case .lifecycleManagement: return fr ? "Cycle de vie (lifecycle-management)" : "Lifecycle (lifecycle-management)"
        case .loyaltyPrograms: return fr ? "Programmes de fidélité (loyalty-programs)" : "Loyalty programmes (loyalty-programs)"
        case .churnPrevention: return fr ? "Prévention du churn (churn-prevention)" : "Churn prevention (churn-prevention)"
        case .customerSuccess: return fr ? "Succès client (customer-success)" : "Customer success (customer-success)"
        case nil: return fr ? "Non attribué" : "Unrouted"
        }
    }
}
