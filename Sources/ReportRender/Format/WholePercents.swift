/// Shares of a total as whole percents that add up to 100 (the largest remainders get the points
/// that rounding each share alone would lose or add): a table of shares then sums to 100 % as
/// printed, where rounding each alone could give 99 % or 101 %.
enum WholePercents {
    /// The whole percent of each count in their sum, or nil each when the sum is 0. Ties of
    /// remainder go to the larger count, then the earlier one (so that the order of different
    /// counts changes no share).
    static func of(_ counts: [Int]) -> [Int?] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in nil } }
        var whole = counts.map { $0 * 100 / total }
        let left = 100 - whole.reduce(0, +)
        // The remainders as numerators over `total`, largest first.
        let order = counts.indices.sorted { a, b in
            let ra = counts[a] * 100 % total, rb = counts[b] * 100 % total
            return ra != rb ? ra > rb : counts[a] != counts[b] ? counts[a] > counts[b] : a < b
        }
        for i in order.prefix(left) { whole[i] += 1 }
        return whole
    }
}
