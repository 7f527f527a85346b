/// One line of the strategy budget: `quantity × unitCost`, with what is counted.
public struct BudgetLine: Sendable, Equatable {
    /// What is paid for.
    public var item: LocalizedText
    /// How many units (customers, contacts, redeemed points).
    public var quantity: Double
    /// Cost of one unit in currency units.
    public var unitCost: Double
    /// What one unit is, e.g. "win-back incentive per at-risk customer".
    public var basis: LocalizedText
    /// The action this line pays for; nil for the loyalty programme's rewards.
    public var actionID: String?

    public init(item: LocalizedText, quantity: Double, unitCost: Double, basis: LocalizedText, actionID: String? = nil) {
        self.item = item
        self.quantity = quantity
        self.unitCost = unitCost
        self.basis = basis
        self.actionID = actionID
    }

    /// `quantity × unitCost`, in currency units.
    public var amount: Double { quantity * unitCost }
}
