/// An open-addressing hash table from three 64-bit words to a dense index (internal): the grouping
/// step of the lifetime models, where `Dictionary` and `Set` with their seeded SipHash cost
/// 250–400 instructions per customer, and sorting every customer's key cost more than the fit.
///
/// Indices are handed out in first-insertion order; callers that need an order independent of the
/// input sort the distinct keys afterwards.
struct TripleTable {
    /// Distinct keys, by index.
    private(set) var keys: [(UInt64, UInt64, UInt64)] = []
    /// Slot → index + 1 (0 = empty).
    private var slots: [Int32]
    private var mask: Int

    init(expected: Int = 1024) {
        var capacity = 64
        while capacity < 2 * expected { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        keys.reserveCapacity(expected)
    }

    /// Number of distinct keys.
    var count: Int { keys.count }

    /// The index of a key, inserting it when new.
    @inline(__always)
    mutating func index(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        var slot = TripleTable.hash(a, b, c) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let k = keys[entry - 1]
            if k.0 == a && k.1 == b && k.2 == c { return entry - 1 }
            slot = (slot + 1) & mask
        }
        keys.append((a, b, c))
        slots[slot] = Int32(keys.count)
        if 2 * keys.count > slots.count { grow() }
        return keys.count - 1
    }

    /// A multiplicative mix of the three words (the high bits of the product are the best mixed).
    @inline(__always)
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ b) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 32) ^ c) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for (i, k) in keys.enumerated() {
            var slot = TripleTable.hash(k.0, k.1, k.2) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }
}
