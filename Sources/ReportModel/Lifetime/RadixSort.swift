/// Least-significant-digit radix sort of 64-bit words (internal): the ordering steps of the
/// lifetime grouping, where a comparison sort of 400 k packed triples per ledger month end was
/// 2–3 % of a ledger build.
enum RadixSort {
    /// Sorts `values` ascending, given that every value is below 2^`bits`: one pass counts every
    /// 11-bit digit, then one scattering pass per digit, skipping a digit all values share (the
    /// exponent bits of similar doubles, the high rank bits of a few distinct counts).
    static func sort(_ values: inout [UInt64], bits: Int) {
        var scratch: [UInt64] = []
        sort(&values, bits: bits, scratch: &scratch)
    }

    /// The same sort with the second buffer of the scattering passes lent by the caller: what it
    /// holds is neither read nor kept (on return it may hold the other buffer).
    ///
    /// With `sortedBelow` > 0 the bits below it are taken as already in order, ties of the bits above
    /// aside: values whose low bits are their position (`key << k | i`, i ascending) need no pass over
    /// those bits, as each pass keeps the order of equal digits. The grouping of 400 k ledger buyers
    /// sorts 50-bit words whose low 19 bits are the index: 3 passes instead of 5.
    static func sort(_ values: inout [UInt64], bits: Int, sortedBelow: Int = 0, scratch: inout [UInt64]) {
        let n = values.count
        let low = min(max(sortedBelow, 0), 64)
        guard n > 1, bits > low else { return }
        let digitBits = 11, radix = 1 << digitBits, mask = UInt64(radix - 1)
        let passes = (min(bits, 64) - low + digitBits - 1) / digitBits
        @inline(__always) func digitShift(_ p: Int) -> UInt64 { UInt64(min(low + p * digitBits, 63)) }
        var counts = [Int](repeating: 0, count: passes * radix)
        values.withUnsafeBufferPointer { a in
            counts.withUnsafeMutableBufferPointer { c in
                for v in a {
                    for p in 0..<passes { c[p * radix + Int((v >> digitShift(p)) & mask)] += 1 }
                }
            }
        }
        var scratchReady = false
        var sortedInScratch = false
        for p in 0..<passes {
            let shift = digitShift(p)
            let first = Int((values[0] >> shift) & mask)
            if counts[p * radix + first] == n { continue }
            if !scratchReady { scratch.refill(0, count: n); scratchReady = true }
            values.withUnsafeMutableBufferPointer { a in
                scratch.withUnsafeMutableBufferPointer { b in
                    counts.withUnsafeMutableBufferPointer { c in
                        let (from, to) = sortedInScratch ? (b, a) : (a, b)
                        let base = p * radix
                        var total = 0
                        for i in 0..<radix { let k = c[base + i]; c[base + i] = total; total += k }
                        for v in from {
                            let d = base + Int((v >> shift) & mask)
                            to[c[d]] = v
                            c[d] += 1
                        }
                    }
                }
            }
            sortedInScratch.toggle()
        }
        if sortedInScratch { swap(&values, &scratch) }
    }
}
