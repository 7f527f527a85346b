/// The diagnostic KPIs of metrics.md, in report order.
public enum KPIKey: String, CaseIterable, Sendable, Hashable {
    case retentionRate = "retention_rate"
    case churnRate = "churn_rate"
    case ltv
    case ltvGrowthYoY = "ltv_growth_yoy"
    case nps
    case csat
    case csatSatisfiedShare = "csat_satisfied_share"
    case ces
    case repeatPurchaseRate = "repeat_purchase_rate"
}
