/// A tier of the programme found in the data, next to the proposed tier of the same name.
public struct CurrentTier: Sendable, Equatable {
    public var name: String
    /// Customers in the tier today.
    public var members: Int
    /// Projected members of the proposed tier with the same name (case-insensitive); nil when none.
    public var proposedMembers: Int?

    public init(name: String, members: Int, proposedMembers: Int?) {
        self.name = name
        self.members = members
        self.proposedMembers = proposedMembers
    }
}
