extension Array {
    /// Empties the array but keeps its storage (when uniquely held), with room for `count`
    /// elements; when it must grow it takes a quarter more, so that a slightly larger next use fits
    /// too (capacity never written is never mapped in). Storage used again saves the page faults of
    /// fresh memory: see `SnapshotTable.init(reusing:)`, `SnapshotReadScratch`, `LifetimeScratch`.
    mutating func removeAll(keepingCapacityFor count: Int) {
        removeAll(keepingCapacity: true)
        if capacity < count { reserveCapacity(count + count / 4) }
    }

    /// Makes the array `count` copies of `value`, in its own storage when it is large enough.
    mutating func refill(_ value: Element, count: Int) {
        removeAll(keepingCapacityFor: count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
