/// Cost assumptions behind the strategy's action plan and budget.
public struct ActionPlanSettings: Sendable, Equatable {
    /// Incentive offered per customer in a win-back campaign, in currency units.
    public var winBackIncentive = 10.0
    /// Cost per customer reached by an e-mail / CRM campaign.
    public var contactCost = 0.5
    /// Cost of one personal intervention (call, account manager) for a VIP.
    public var personalInterventionCost = 50.0
    /// Expected share of targeted customers a campaign wins back.
    public var expectedWinBackRate = 0.15

    public init() {}
}
