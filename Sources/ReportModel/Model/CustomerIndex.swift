/// Interns customer ids: each distinct id gets a dense integer, the same across all snapshots.
///
/// Ids are kept as bytes in one arena with an open-addressing hash table, so interning a row costs
/// a hash and a compare, not a `String` allocation.
public struct CustomerIndex: Sendable {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    public init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// Number of distinct customers.
    public var count: Int { hashes.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // FNV-1a, then a final mix so low bits spread.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    /// The index of `bytes`, adding it when new.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let h = CustomerIndex.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { break }
            if hashes[Int(existing)] == h && equals(Int(existing), bytes) { return existing }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(h)
        slots[slot] = id
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The index of `bytes` if known.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let h = CustomerIndex.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let existing = slots[slot]
            if existing < 0 { return nil }
            if hashes[Int(existing)] == h && equals(Int(existing), bytes) { return existing }
            slot = (slot + 1) & mask
        }
    }

    /// The index of a string id, adding it when new.
    public mutating func intern(_ id: String) -> Int32 {
        var s = id
        return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The id of an index, as text.
    public func id(_ index: Int32) -> String {
        let i = Int(index)
        return String(decoding: arena[offsets[i]..<offsets[i + 1]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of an id (no copy).
    public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let i = Int(index)
        let lo = offsets[i], hi = offsets[i + 1]
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// Compares two interned ids byte-wise (the order used for sorting output rows).
    public func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ra = offsets[Int(a)]..<offsets[Int(a) + 1]
        let rb = offsets[Int(b)]..<offsets[Int(b) + 1]
        return arena.withUnsafeBufferPointer { buf in
            let la = ra.count, lb = rb.count
            let n = min(la, lb)
            for k in 0..<n {
                let x = buf[ra.lowerBound + k], y = buf[rb.lowerBound + k]
                if x != y { return x < y }
            }
            return la < lb
        }
    }

    private func equals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let lo = offsets[index], hi = offsets[index + 1]
        guard hi - lo == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { buf in
            for k in 0..<bytes.count where buf[lo + k] != bytes[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var newSlots = [Int32](repeating: -1, count: size)
        let newMask = size - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & newMask
            while newSlots[slot] >= 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = Int32(id)
        }
        slots = newSlots
        mask = newMask
    }
}
