/// Order statistics by selection: the values of a few ranks without sorting everything.
public enum OrderStatistics {
    /// The values at `ranks` (ascending, each in 0..<values.count) of `values` in ascending order.
    /// Each rank is selected within the part above the previous one, so k ranks cost about
    /// k linear passes over shrinking ranges.
    public static func values<Value: Comparable>(_ values: [Value], ranks: [Int]) -> [Value] {
        var work = values
        var result: [Value] = []
        result.reserveCapacity(ranks.count)
        var lower = 0
        for rank in ranks {
            precondition(rank >= lower && rank < work.count, "ranks must ascend within the values")
            select(&work, rank: rank, from: lower)
            result.append(work[rank])
            lower = rank
        }
        return result
    }

    /// Rearranges `a[from...]` so that `a[rank]` holds the value of that rank and everything before
    /// it is not greater (introselect-style quickselect with median-of-three pivots).
    @inlinable
    public static func select<Value: Comparable>(_ a: inout [Value], rank: Int, from start: Int) {
        var lo = start, hi = a.count - 1
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
