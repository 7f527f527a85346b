import Dispatch
import Foundation

/// Work split into chunks run at once on the cores this process may use, for the serial steps of a ledger's
/// read (ordering 5 M lines by customer, then by month end), which otherwise left the second core idle.
enum ParallelChunks {
    /// How many chunks to split such work into: one per core this process can use
    /// (`AvailableCores`), at most 8.
    static let count = min(AvailableCores.count, 8)

    /// Runs `body(k)` for k in 0..<count at once on the available threads and returns when every
    /// call has returned. The calls must touch disjoint memory.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let call = body
            DispatchQueue.concurrentPerform(iterations: count) { call($0) }
        }
    }

    /// `parts` + 1 ascending bounds splitting 0..<count into ranges of about equal `weight`, where
    /// `cumulative(i)` is the weight of 0..<i (non-decreasing, `cumulative(0)` = 0).
    static func bounds(_ count: Int, parts: Int, cumulative: (Int) -> Int) -> [Int] {
        let total = cumulative(count)
        var result = [0]
        var low = 0
        for j in 1..<max(parts, 1) {
            // The first index whose cumulative weight reaches j/parts of the total.
            let goal = total / parts * j + total % parts * j / parts
            var high = count
            while low < high {
                let mid = (low + high) / 2
                if cumulative(mid) < goal { low = mid + 1 } else { high = mid }
            }
            result.append(low)
        }
        result.append(count)
        return result
    }
}
