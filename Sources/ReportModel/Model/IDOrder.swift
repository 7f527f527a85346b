/// Customer indices in id byte order, kept from one snapshot to the next (internal).
///
/// Output rows go in id order. When ids were not interned in that order (a ledger interns them in
/// date order, CRM exports often carry random ids), sorting each snapshot's buyers by their bytes
/// cost a comparison sort per snapshot (5 % of a 63-month-end ledger build). Here only the ids new
/// since the last snapshot are sorted and merged into the known order; each snapshot's rows are
/// then placed by rank in one pass.
struct IDOrder: Sendable {
    /// Indices sorted by id bytes (empty while the ids are in index order).
    private var sorted: [Int32] = []
    /// Per index: its position in `sorted`.
    private var rank: [Int32] = []

    /// Brings the order up to date with ids appended since the last call.
    mutating func update(_ ids: CustomerIDs) {
        guard !ids.isInIDOrder else { sorted = []; rank = []; return }
        let known = sorted.count
        guard ids.count != known else { return }
        guard ids.count > known else { sorted = []; rank = []; update(ids); return }  // another index
        // Sorted by their first eight bytes, the ids compared only where those are equal: compared
        // in full every time, the first month end of the 1 M-customer sample ledger (every id new)
        // took 0.08 s on the thread computing the figures.
        var keyed = (known..<ids.count).map { (key: ids.prefixKey(Int32($0)), index: Int32($0)) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : ids.precedes($0.index, $1.index) }
        let fresh = keyed.map(\.index)
        keyed = []
        // Merged from the back into `sorted`, grown in place, and the ranks rewritten in place: a
        // new array of each took 8 MB more for every snapshot at 1 M customers, at the build's peak.
        sorted.append(contentsOf: repeatElement(0, count: fresh.count))
        sorted.withUnsafeMutableBufferPointer { all in
            var i = known - 1, j = fresh.count - 1, k = all.count - 1
            while j >= 0 {
                if i >= 0 && ids.precedes(fresh[j], all[i]) {
                    all[k] = all[i]
                    i -= 1
                } else {
                    all[k] = fresh[j]
                    j -= 1
                }
                k -= 1
            }
        }
        rank.append(contentsOf: repeatElement(0, count: ids.count - rank.count))
        rank.withUnsafeMutableBufferPointer { rank in
            for (position, index) in sorted.enumerated() { rank[Int(index)] = Int32(position) }
        }
    }

    /// `items` ordered by the id of `id(item)`; each id appears at most once among the items.
    /// `update` must have seen every id involved.
    func sorted(_ items: [Int32], ids: CustomerIDs, id: (Int32) -> Int32) -> [Int32] {
        guard !ids.isInIDOrder else { return ids.sortedByID(items, id: id) }
        precondition(rank.count == ids.count, "IDOrder.update was not called for these ids")
        return CustomerIDs.placed(items, positions: rank.count) { Int(rank[Int(id($0))]) }
    }
}
