/// Least-significant-digit radix sort of 64-bit words (internal): the ordering step of the
/// lifetime grouping, where a comparison sort of 400 k packed triples per ledger month end was
/// 2–3 % of a ledger build.
enum RadixSort {
    /// Sorts `values` ascending, given that every value is below 2^`bits`: ⌈bits / 11⌉ counting passes.
    static func sort(_ values: inout [UInt64], bits: Int) {
        let n = values.count
        guard n > 1, bits > 0 else { return }
        let digitBits = 11, radix = 1 << digitBits, mask = UInt64(radix - 1)
        var scratch = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: radix)
        var shift = 0
        var sortedInScratch = false
        while shift < bits {
            values.withUnsafeMutableBufferPointer { a in
                scratch.withUnsafeMutableBufferPointer { b in
                    counts.withUnsafeMutableBufferPointer { c in
                        let (from, to) = sortedInScratch ? (b, a) : (a, b)
                        for i in 0..<radix { c[i] = 0 }
                        for v in from { c[Int((v >> UInt64(shift)) & mask)] += 1 }
                        var total = 0
                        for i in 0..<radix { let k = c[i]; c[i] = total; total += k }
                        for v in from {
                            let d = Int((v >> UInt64(shift)) & mask)
                            to[c[d]] = v
                            c[d] += 1
                        }
                    }
                }
            }
            sortedInScratch.toggle()
            shift += digitBits
        }
        if sortedInScratch { values = scratch }
    }
}
