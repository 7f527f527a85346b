extension OrderStatistics {
    /// The first `k` elements of `elements` in the order `precedes` (a strict weak order), ties kept
    /// in their input order: the prefix a stable sort would give, found by inserting each element
    /// into a sorted list of at most `k` (k·n comparisons at worst, about n for a small k). Listing
    /// the 15 at-risk customers of highest predicted CLV by a full sort of the 60 k at-risk buyers
    /// was 1 % of a 63-month-end ledger build.
    @inlinable
    public static func leading<Element>(
        _ k: Int, of elements: some Sequence<Element>, by precedes: (Element, Element) -> Bool
    ) -> [Element] {
        guard k > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(k + 1)
        for e in elements {
            // Full list and e not before its last element: e is not among the first k.
            if kept.count == k, !precedes(e, kept[k - 1]) { continue }
            // After every kept element e does not precede (so equal ones stay ahead of it).
            var position = kept.count
            while position > 0, precedes(e, kept[position - 1]) { position -= 1 }
            kept.insert(e, at: position)
            if kept.count > k { kept.removeLast() }
        }
        return kept
    }
}
