/// Order statistics by selection: the values of a few ranks without sorting everything.
public enum OrderStatistics {
    /// The values at `ranks` (ascending, each in 0..<values.count) of `values` in ascending order.
    /// Integer and double arrays of more than a few thousand values are counted (`integerValues`,
    /// `doubleValues`), not moved.
    public static func values<Value: Comparable>(_ values: [Value], ranks: [Int]) -> [Value] {
        if values.count >= 4096 {
            if let ints = values as? [Int64] { return integerValues(ints, ranks: ranks) as! [Value] }
            if let ints = values as? [Int32] { return integerValues(ints, ranks: ranks) as! [Value] }
            if let doubles = values as? [Double] { return doubleValues(doubles, ranks: ranks) as! [Value] }
        }
        return selectedValues(values, ranks: ranks)
    }

    /// `values` for doubles, callable from other modules without the generic entry point (which,
    /// unspecialized there, converted the array element by element for its type test: 6 % of a
    /// 63-month-end ledger build's CPU samples for the predicted-CLV quantiles).
    public static func values(_ values: [Double], ranks: [Int]) -> [Double] {
        values.count >= 4096 ? doubleValues(values, ranks: ranks) : selectedValues(values, ranks: ranks)
    }

    /// `values(_:ranks:)` of doubles in a buffer, read in place (a part of a larger array, without
    /// copying it out first).
    public static func values(_ values: UnsafeBufferPointer<Double>, ranks: [Int]) -> [Double] {
        values.count >= 4096 ? doubleValues(values, ranks: ranks) : selectedValues(Array(values), ranks: ranks)
    }

    /// The values at `ranks` by selection in a copy.
    private static func selectedValues<Value: Comparable>(_ values: [Value], ranks: [Int]) -> [Value] {
        var work = values
        select(&work, ranks: ranks)
        return ranks.map { work[$0] }
    }

    /// Rearranges `a` so that every rank in `ranks` (ascending, each in 0..<a.count, repeats allowed)
    /// holds the value of that rank, with nothing greater before it and nothing smaller after it.
    ///
    /// The middle rank is selected first and each half recursed into with its own ranks, so k ranks
    /// cost about log2(k) passes over the values; selecting them one after another within the part
    /// above the previous one cost about k / 2 passes (19 loyalty percentiles of 850 k buyers: 3 % of
    /// a 1 M × 12 build).
    @inlinable
    public static func select<Value: Comparable>(_ a: inout [Value], ranks: [Int]) {
        precondition(zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 } && ranks.allSatisfy { $0 >= 0 && $0 < a.count },
                     "ranks must ascend within the values")
        var pending: [(lo: Int, hi: Int, first: Int, last: Int)] = ranks.isEmpty ? [] : [(0, a.count - 1, 0, ranks.count - 1)]
        while let (lo, hi, first, last) = pending.popLast() {
            let middle = (first + last) / 2
            let rank = ranks[middle]
            select(&a, rank: rank, from: lo, through: hi)
            var left = middle - 1
            while left >= first && ranks[left] == rank { left -= 1 }
            var right = middle + 1
            while right <= last && ranks[right] == rank { right += 1 }
            if left >= first { pending.append((lo, rank - 1, first, left)) }
            if right <= last { pending.append((rank + 1, hi, right, last)) }
        }
    }

    /// Rearranges `a[from...]` so that `a[rank]` holds the value of that rank and everything before
    /// it is not greater (introselect-style quickselect with median-of-three pivots).
    @inlinable
    public static func select<Value: Comparable>(_ a: inout [Value], rank: Int, from start: Int) {
        select(&a, rank: rank, from: start, through: a.count - 1)
    }

    /// Rearranges `a[start...end]` so that `a[rank]` holds the value of that rank within the range,
    /// with nothing greater before it and nothing smaller after it.
    @inlinable
    public static func select<Value: Comparable>(_ a: inout [Value], rank: Int, from start: Int, through end: Int) {
        var lo = start, hi = end
        a.withUnsafeMutableBufferPointer { buf in
            while hi > lo {
                if hi - lo < 16 {
                    // Insertion sort for small ranges.
                    for i in (lo + 1)...hi {
                        let x = buf[i]
                        var j = i - 1
                        while j >= lo && buf[j] > x { buf[j + 1] = buf[j]; j -= 1 }
                        buf[j + 1] = x
                    }
                    return
                }
                let mid = lo + (hi - lo) / 2
                if buf[mid] < buf[lo] { buf.swapAt(mid, lo) }
                if buf[hi] < buf[lo] { buf.swapAt(hi, lo) }
                if buf[hi] < buf[mid] { buf.swapAt(hi, mid) }
                let pivot = buf[mid]
                // Three-way partition handles many equal values (one-order customers) in linear time.
                var lt = lo, i = lo, gt = hi
                while i <= gt {
                    if buf[i] < pivot { buf.swapAt(lt, i); lt += 1; i += 1 }
                    else if buf[i] > pivot { buf.swapAt(i, gt); gt -= 1 }
                    else { i += 1 }
                }
                if rank < lt { hi = lt - 1 } else if rank > gt { lo = gt + 1 } else { return }
            }
        }
    }
}
