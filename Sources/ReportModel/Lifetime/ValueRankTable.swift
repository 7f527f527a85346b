/// A small open-addressing hash set of 64-bit values that, once filled, gives each value its rank
/// among them in ascending order (internal): the grouping steps of the lifetime models rank every
/// customer's x, tx and T through it. The distinct values are few (whole counts, whole days in the
/// time unit), so the table stays in the first cache levels however many customers are ranked.
///
/// Use: `insertionID(of:)` for every value (each distinct value gets the next id), `assignRanks()`
/// once, then `ranksByInsertionID()` (ids into ranks by an array load) or `rank(of:)` for a value
/// inserted before.
struct ValueRankTable: ~Copyable {
    private struct Slot {
        var value: UInt64
        /// The value's insertion id + 1 when the slot holds a value; 0 when it is empty.
        var used: Int32
        /// The value's rank once `assignRanks()` ran.
        var rank: Int32
    }

    private var slots: UnsafeMutableBufferPointer<Slot>
    private var mask: Int
    /// 64 − log2(slot count): the slot is the top bits of the value times a constant.
    private var shift: UInt64
    /// Number of distinct values.
    private(set) var count = 0

    init() {
        slots = ValueRankTable.emptySlots(256)
        mask = 255
        shift = 56
    }

    deinit { slots.deallocate() }

    /// Bits needed to hold any rank (at least 1).
    var bitWidth: Int { max(1, Int.bitWidth - count.leadingZeroBitCount) }

    /// Adds a value when new, and returns its insertion id: 0 for the first distinct value, 1 for
    /// the next, and so on.
    @inline(__always)
    mutating func insertionID(of value: UInt64) -> Int32 {
        let base = slots.baseAddress!
        var slot = home(value)
        while base[slot].used != 0 {
            if base[slot].value == value { return base[slot].used &- 1 }
            slot = (slot + 1) & mask
        }
        let id = Int32(truncatingIfNeeded: count)
        base[slot] = Slot(value: value, used: id &+ 1, rank: 0)
        count += 1
        if 2 * count > slots.count { grow() }
        return id
    }

    /// Each value's rank by its insertion id (after `assignRanks()`).
    func ranksByInsertionID() -> [Int32] {
        var ranks = [Int32](repeating: 0, count: count)
        for s in slots where s.used != 0 { ranks[Int(s.used) - 1] = s.rank }
        return ranks
    }

    /// Sorts the distinct values, records each one's rank and returns them in ascending order.
    mutating func assignRanks() -> [UInt64] {
        var distinct: [UInt64] = []
        distinct.reserveCapacity(count)
        for s in slots where s.used != 0 { distinct.append(s.value) }
        distinct.sort()
        for (rank, value) in distinct.enumerated() {
            var slot = home(value)
            while slots[slot].value != value || slots[slot].used == 0 { slot = (slot + 1) & mask }
            slots[slot].rank = Int32(rank)
        }
        return distinct
    }

    /// The rank of a value inserted before `assignRanks()`.
    @inline(__always)
    func rank(of value: UInt64) -> Int32 {
        let base = slots.baseAddress!
        var slot = home(value)
        while base[slot].value != value || base[slot].used == 0 { slot = (slot + 1) & mask }
        return base[slot].rank
    }

    /// Fibonacci hashing: the top bits of the product depend on every bit of the value (the values are
    /// double bit patterns whose low bits barely vary).
    @inline(__always)
    private func home(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private static func emptySlots(_ capacity: Int) -> UnsafeMutableBufferPointer<Slot> {
        let buffer = UnsafeMutableBufferPointer<Slot>.allocate(capacity: capacity)
        buffer.initialize(repeating: Slot(value: 0, used: 0, rank: 0))
        return buffer
    }

    private mutating func grow() {
        let old = slots
        slots = ValueRankTable.emptySlots(old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for s in old where s.used != 0 {
            var slot = home(s.value)
            while slots[slot].used != 0 { slot = (slot + 1) & mask }
            slots[slot] = s
        }
        old.deallocate()
    }
}
