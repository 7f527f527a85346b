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

    /// Makes the array `source[indices[k]]` for every k, in its own storage when it is large enough
    /// (see `refill(count:_:)`).
    mutating func refill(gathering source: UnsafeBufferPointer<Element>, at indices: UnsafeBufferPointer<Int32>) where Element: BitwiseCopyable {
        refill(count: indices.count) { source[Int(indices[$0])] }
    }

    /// Makes the array `element(k)` for k in 0..<count, in its own storage when it is large enough:
    /// written a block at a time into a small buffer, then appended with one copy per block.
    /// (`append(contentsOf:)` of a lazy map went element by element through an iterator: 13 % of
    /// deriving a 500 k-customer ledger's month ends, perf.)
    @inline(__always)
    mutating func refill(count: Int, _ element: (Int) -> Element) where Element: BitwiseCopyable {
        removeAll(keepingCapacityFor: count)
        appendBlocks(over: count) { out, positions in
            for k in positions { (out + (k - positions.lowerBound)).initialize(to: element(k)) }
            return positions.count
        }
    }

    /// Makes the array the positions k in 0..<count where `include(k)`, ascending, in its own storage
    /// when it is large enough: written a block at a time (each position stored, the block's end
    /// moved on only when it is included: no branch), then appended with one copy per block.
    /// (Appended one at a time, the array's uniqueness and capacity were checked at every position.)
    @inline(__always)
    mutating func refill(positionsBelow count: Int, where include: (Int) -> Bool) where Element == Int32 {
        removeAll(keepingCapacityFor: count)
        appendBlocks(over: count) { out, positions in
            var n = 0
            for k in positions {
                out[n] = Int32(truncatingIfNeeded: k)
                n &+= include(k).bit
            }
            return n
        }
    }

    /// Appends, for the positions 0..<count a block of up to 1,024 at a time, the elements `fill`
    /// writes for a block's positions into a small buffer (it returns how many it wrote): one copy
    /// per block into the array, no capacity or uniqueness check per element.
    @inline(__always)
    private mutating func appendBlocks(over count: Int, _ fill: (UnsafeMutablePointer<Element>, Range<Int>) -> Int) where Element: BitwiseCopyable {
        let block = 1024
        withUnsafeTemporaryAllocation(of: Element.self, capacity: block) { buffer in
            let out = buffer.baseAddress!
            var start = 0
            while start < count {
                let end = Swift.min(start + block, count)
                append(contentsOf: UnsafeBufferPointer(start: out, count: fill(out, start..<end)))
                start = end
            }
        }
    }
}
