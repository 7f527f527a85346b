/// Shares of a total as whole percents, each rounded on its own (half up), so that equal counts
/// always show equal shares and each share is its count's nearest whole percent. They may then add
/// up to 99 or 101: `addsUp` says whether they make 100, for a note under the table. (Shares
/// forced to sum to 100 by the largest remainders showed 4 of 11 as 37 % beside another 4 as
/// 36 %, and 11 of 21 as 53 %: a reader with a calculator checks the count, not the sum.)
struct WholePercents: Equatable {
    /// The whole percent of each count in their sum, or nil each when the sum is 0.
    let shares: [Int?]

    init(_ counts: [Int]) {
        let total = counts.reduce(0, +)
        guard total > 0 else {
            shares = counts.map { _ in nil }
            return
        }
        // Half up in integers: floor((200 c + total) / (2 total)).
        shares = counts.map { (200 * $0 + total) / (2 * total) }
    }

    /// The sum of the shares as printed (0 when there is nothing to add).
    var total: Int { shares.reduce(0) { $0 + ($1 ?? 0) } }

    /// Whether the shares, as printed, add up to 100 (true when there is nothing to add).
    var addsUp: Bool { shares.allSatisfy { $0 == nil } || total == 100 }
}
