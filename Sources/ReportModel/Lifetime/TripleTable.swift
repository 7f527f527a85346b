/// An open-addressing hash table from three 64-bit words to a dense index (internal): the grouping
/// step of the lifetime models, where `Dictionary` and `Set` with their seeded SipHash cost
/// 250–400 instructions per customer, and sorting every customer's key cost more than the fit.
///
/// Each slot holds its key, index and count together, so that a lookup touches one cache line: with
/// the key in a side array and the count in a third one, grouping 850 k buyers into 250 k distinct
/// triples took 150–360 ms per snapshot, nearly all of it cache misses.
///
/// Indices are handed out in first-insertion order; callers that need an order independent of the
/// input sort the distinct keys afterwards.
struct TripleTable: ~Copyable {
    private struct Slot {
        var a: UInt64, b: UInt64, c: UInt64
        /// Index + 1 (0 = empty).
        var entry: UInt32
        /// Number of `index` calls with this key.
        var count: UInt32
    }

    /// Distinct keys, by index.
    private(set) var keys: [(UInt64, UInt64, UInt64)] = []
    private var slots: UnsafeMutableBufferPointer<Slot>
    private var mask: Int

    init(expected: Int = 1024) {
        var capacity = 64
        while capacity < 2 * expected { capacity <<= 1 }
        slots = TripleTable.emptySlots(capacity)
        mask = capacity - 1
        keys.reserveCapacity(expected)
    }

    deinit { slots.deallocate() }

    /// Number of distinct keys.
    var count: Int { keys.count }

    /// The index of a key, inserting it when new; counts the call.
    @inline(__always)
    mutating func index(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        let base = slots.baseAddress!
        var slot = TripleTable.hash(a, b, c) & mask
        while true {
            let s = base + slot
            let entry = Int(s.pointee.entry)
            if entry == 0 { break }
            if s.pointee.a == a && s.pointee.b == b && s.pointee.c == c {
                s.pointee.count &+= 1
                return entry - 1
            }
            slot = (slot + 1) & mask
        }
        keys.append((a, b, c))
        (base + slot).pointee = Slot(a: a, b: b, c: c, entry: UInt32(keys.count), count: 1)
        if 2 * keys.count > slots.count { grow() }
        return keys.count - 1
    }

    /// How many times each key was looked up, by index.
    var counts: [Int] {
        var result = [Int](repeating: 0, count: keys.count)
        for s in slots where s.entry != 0 { result[Int(s.entry) - 1] = Int(s.count) }
        return result
    }

    /// The three words folded together, then the SplitMix64 finaliser, so that every bit of the
    /// result (the slot is taken from the low ones) depends on every input bit. The keys are double
    /// bit patterns (whole counts, days / 7) whose low bits barely vary; a mix that left the low bits
    /// to the low bits of the inputs made probe runs hundreds of slots long (grouping 850 k buyers:
    /// 115 ms of CPU → see `BGNBDData.init`).
    @inline(__always)
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Int {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ (h >> 29) ^ b) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 32) ^ c)
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 31))
    }

    private static func emptySlots(_ capacity: Int) -> UnsafeMutableBufferPointer<Slot> {
        let buffer = UnsafeMutableBufferPointer<Slot>.allocate(capacity: capacity)
        buffer.initialize(repeating: Slot(a: 0, b: 0, c: 0, entry: 0, count: 0))
        return buffer
    }

    private mutating func grow() {
        let old = slots
        let capacity = old.count * 2
        slots = TripleTable.emptySlots(capacity)
        mask = capacity - 1
        for s in old where s.entry != 0 {
            var slot = TripleTable.hash(s.a, s.b, s.c) & mask
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = s
        }
        old.deallocate()
    }
}
