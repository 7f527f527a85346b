import ReportModel

/// Display names of the specialist areas.
enum AreaText {
    /// The area's name; `withID` adds its machine id (`churn-prevention`), as the routing counts of
    /// `metrics.json` name it: for the routing table only, elsewhere (the owner of an action) it
    /// doubled every owner cell for a reader.
    static func name(_ a: SpecialistArea?, _ l: ReportLocale, withID: Bool = false) -> String {
        let fr = l == .fr
        let name: String
        switch a {
        case .lifecycleManagement: name = fr ? "Cycle de vie" : "Lifecycle"
        case .loyaltyPrograms: name = fr ? "Programmes de fidélité" : "Loyalty programmes"
        case .churnPrevention: name = fr ? "Prévention du churn" : "Churn prevention"
        case .customerSuccess: name = fr ? "Succès client" : "Customer success"
        case nil: return fr ? "Non attribué" : "Unrouted"
        }
        return withID ? name + " (" + a!.rawValue + ")" : name
    }
}
