/// Scores values 1…5 from quintile thresholds, exactly as metrics.md defines them:
/// sort the n values ascending as v[0..n-1], t_k = v[floor(k·n/5)] for k = 1…4,
/// score = 1 + #{k : value > t_k}. Equal values get equal scores; row order never matters.
public struct QuintileScorer<Value: Comparable & Sendable>: Sendable {
    /// t_1…t_4; empty when there are no values.
    public let thresholds: [Value]

    /// Thresholds of `values` (any order).
    public init(values: [Value]) {
        let n = values.count
        guard n > 0 else { thresholds = []; return }
        // Only four order statistics are needed: select them instead of sorting everything.
        var work = values
        var result: [Value] = []
        var lower = 0
        for k in 1...4 {
            let rank = k * n / 5
            QuintileScorer.select(&work, rank: rank, from: lower)
            result.append(work[rank])
            lower = rank
        }
        thresholds = result
    }

    /// 1…5 for a value.
    @inline(__always) public func score(_ value: Value) -> Int {
        var s = 1
        for t in thresholds where value > t { s += 1 }
        return s
    }

    /// Rearranges `a[from...]` so that `a[rank]` holds the value of that rank and everything before
    /// it is not greater (introselect-style quickselect with median-of-three pivots).
    static func select(_ a: inout [Value], rank: Int, from start: Int) {
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
