import ReportModel

/// Titles of the five deliverables, per locale.
enum DeliverableText {
    static func title(_ name: String, _ l: ReportLocale) -> String {
        let fr = l == .fr
        switch name {
        case "diagnostic": return fr ? "Diagnostic rétention" : "Retention diagnostic"
        case "segmentation": return fr ? "Segmentation RFM" : "RFM segmentation"
        case "strategy": return fr ? "Stratégie fidélisation" : "Retention strategy"
        case "loyalty-program": return fr ? "Programme de fidélité" : "Loyalty programme"
        case "playbooks": return fr ? "Playbooks rétention" : "Retention playbooks"
        default: return name
        }
    }
}
