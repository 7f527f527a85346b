#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns customer ids: each distinct id gets a dense integer, the same across all snapshots.
///
/// Ids are kept as bytes in one arena with an open-addressing hash table, so interning a row costs
/// a hash and a compare, not a `String` allocation. Each slot packs the upper 32 bits of the hash
/// with the id, so a probe touches one cache line before comparing bytes (interning was a third of
/// the parse time on 1 M-row files with separate hash and slot arrays).
public struct CustomerIndex: Sendable {
    /// The id bytes, by index: a value that output code can keep while interning goes on elsewhere
    /// (it shares the append-only `IDStore`, so handing it out copies nothing).
    public private(set) var ids = CustomerIDs()
    /// (hash >> 32) << 32 | (id + 1); 0 = empty. Full hashes are not kept: growing the table hashes
    /// the ids again (about 2 hashes per id over a whole build, for 8 MB less per million ids).
    /// Empty until an id first needs it (see `intern(_:)`).
    private var slots: [UInt64] = []
    private var mask = 0
    /// The table size asked for by `init(capacity:)` and `reserveCapacity`, applied when the table
    /// is made or next grows.
    private var reservedSize: Int
    /// Ids below `settled` are in the table (or were, before `releaseTable`); the later ones were all
    /// appended in increasing byte order and wait for `settle` (a suffix of the ids, in id order).
    private var settled = 0
    /// Sum of the bytes `intern(batch:into:)` and `settle` read ahead, kept so that those loads are not dropped.
    private var prefetchSink: UInt64 = 0
    /// How many times `intern(_:)` looked an id up in the table (the ids that came neither in id
    /// order nor through a reader's hint): `SnapshotReader` reads a file whose rows mostly need
    /// the table a batch at a time.
    public private(set) var tableLookups = 0

    public init(capacity: Int = 1024) {
        reservedSize = CustomerIndex.tableSize(for: capacity)
    }

    /// The table size (a power of two, at least 16) that holds `count` ids at most half full.
    private static func tableSize(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size <<= 1 }
        return size
    }

    /// Number of distinct customers.
    public var count: Int { ids.count }

    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // FNV-1a, then a final mix so low bits spread.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }

    @inline(__always) private static func pack(_ h: UInt64, _ id: Int32) -> UInt64 { (h & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(id) + 1) }

    /// The index of `bytes`, adding it when new.
    ///
    /// While ids arrive in increasing byte order (sequential ids such as `C0000001`), an id after
    /// the last one is new without a look at the table: it gets the next index at once, and its
    /// table slot is filled only when some id needs the table (`settle`). A CRM export keeps its
    /// row order from month to month, so the reader finds known customers through its row-order
    /// hint (`matches`) and new ones come after the last id: then the table is never made. Parsing
    /// the 1 M × 12 sample snapshots: interning 14 % → 3 % of the time (perf) with the slots filled
    /// in batches, and the 16 MB table and its 1 M probes (2.7 % of the time) left out since.
    public mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        if ids.isInIDOrder, ids.followsLast(bytes) || ids.count == 0 {
            let id = Int32(ids.count)
            ids.appendFollowingLast(bytes)
            return id
        }
        tableLookups &+= 1
        settle()
        return intern(bytes, hash: CustomerIndex.hash(bytes))
    }

    /// Puts every id in the table, made or grown to hold them at most half full. The ids waiting
    /// are placed a batch at a time: first the first slot of each is read (loads that do not depend
    /// on each other, so their cache misses overlap), then they are placed in order.
    private mutating func settle() {
        let size = max(reservedSize, CustomerIndex.tableSize(for: ids.count))
        if size > slots.count {
            rehash(size: size)   // places every id
            return
        }
        guard settled < ids.count else { return }
        let mask = self.mask
        var touched: UInt64 = 0
        var hashes = [UInt64](repeating: 0, count: min(CustomerIndex.settleBatch, ids.count - settled))
        slots.withUnsafeMutableBufferPointer { table in
            while settled < ids.count {
                let first = settled, n = min(hashes.count, ids.count - settled)
                for k in 0..<n {
                    let h = ids.withBytes(Int32(first + k)) { CustomerIndex.hash($0) }
                    hashes[k] = h
                    touched &+= table[Int(truncatingIfNeeded: h) & mask]
                }
                for k in 0..<n {
                    let h = hashes[k]
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while table[slot] != 0 { slot = (slot + 1) & mask }
                    table[slot] = CustomerIndex.pack(h, Int32(first + k))
                }
                settled = first + n
            }
        }
        prefetchSink &+= touched
    }

    /// Ids placed per batch by `settle`.
    static let settleBatch = 1024

    /// Interns ids in order, exactly as calling `intern` on each in turn, but first reads the table
    /// slot and the stored bytes each one will compare against, all of them before any compare: a
    /// lookup is three dependent cache misses (slot, id entry, id bytes) once the table outgrows the
    /// cache, and a batch lets those of different ids overlap. Interning the 5 M lines of a
    /// 500 k-customer ledger one by one was 45 % of reading it (perf).
    public mutating func intern(batch ids: UnsafeBufferPointer<UnsafeRawBufferPointer>, into out: UnsafeMutablePointer<Int32>) {
        let n = ids.count
        guard n > 0 else { return }
        settle()
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * n) { scratch in
            let hashes = scratch.baseAddress!, entries = hashes + n
            // Each step is its own short loop, so that its loads (one per id, none depending on
            // another) fill the processor's window and their misses overlap; hashing in the same
            // loop as the first load left room for a few at a time (the 1 M × 12 sample snapshots,
            // each file's rows shuffled, parse in alternating runs: 2.48–2.92 s → 2.07–2.34 s).
            for k in 0..<n { hashes[k] = CustomerIndex.hash(ids[k]) }
            slots.withUnsafeBufferPointer { table in
                for k in 0..<n { entries[k] = table[Int(truncatingIfNeeded: hashes[k]) & mask] }
            }
            // The store entry of each first-probe candidate, then the first byte it points at.
            let store = self.ids.store, known = self.ids.count
            for k in 0..<n {
                let entry = entries[k]
                let id = Int(truncatingIfNeeded: (entry & 0xFFFF_FFFF) &- 1)
                let candidate = entry != 0 && entry & 0xFFFF_FFFF_0000_0000 == hashes[k] & 0xFFFF_FFFF_0000_0000 && id < known
                entries[k] = candidate ? store.entry(id) : 0
            }
            var touched: UInt64 = 0
            for k in 0..<n where entries[k] != 0 {
                touched &+= UInt64(UnsafePointer<UInt8>(bitPattern: UInt(entries[k] & 0xFFFF_FFFF_FFFF)).unsafelyUnwrapped.pointee)
            }
            prefetchSink &+= touched
            for k in 0..<n { out[k] = intern(ids[k], hash: hashes[k]) }
        }
    }

    /// The index of `bytes` with its `hash`, adding it when new.
    @inline(__always)
    private mutating func intern(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
        let tag = h & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let entry = table[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int32(truncatingIfNeeded: (entry & 0xFFFF_FFFF) - 1)
                    if ids.equals(Int(id), bytes) { return id }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let id = Int32(ids.count)
        ids.append(bytes)
        slots[slot] = CustomerIndex.pack(h, id)
        settled = ids.count
        if ids.count * 2 > slots.count { rehash(size: slots.count * 2) }
        return id
    }

    /// Frees the hash table (16 MB per million ids) while no id is looked up: a ledger's ids are all
    /// interned as it is read, and its month ends go by index. The next `intern` that needs the table
    /// makes it again; `lookup` meanwhile compares ids one by one.
    public mutating func releaseTable() {
        slots = []
        mask = 0
    }

    /// The index of `bytes` if known.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        if slots.isEmpty {
            // The table was released: the ids it held, one by one.
            for id in 0..<settled where ids.equals(id, bytes) { return Int32(id) }
        } else {
            let h = CustomerIndex.hash(bytes)
            let tag = h & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { break }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int32(truncatingIfNeeded: (entry & 0xFFFF_FFFF) - 1)
                    if ids.equals(Int(id), bytes) { return id }
                }
                slot = (slot + 1) & mask
            }
        }
        // The ids not in the table yet are in increasing byte order: a binary search.
        var low = settled, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids.withBytes(Int32(mid), { BytewiseOrder.precedes($0, bytes) }) { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids.equals(low, bytes) ? Int32(low) : nil
    }

    /// True when customer `index` has exactly these id bytes (the cheap check behind row-order hints).
    @inline(__always) public func matches(_ index: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        Int(index) < ids.count && ids.equals(Int(index), bytes)
    }

    /// The index of a string id, adding it when new.
    public mutating func intern(_ id: String) -> Int32 {
        var s = id
        return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The id of an index, as text.
    public func id(_ index: Int32) -> String { ids.id(index) }

    /// Calls `body` with the bytes of an id (no copy).
    public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try ids.withBytes(index, body)
    }

    /// Compares two interned ids byte-wise (the order used for sorting output rows).
    public func precedes(_ a: Int32, _ b: Int32) -> Bool { ids.precedes(a, b) }

    /// Makes room for `count` ids in all, so that interning up to that many never grows the table
    /// again (each growth hashes every id anew). The table is sized so when it is next made or grown.
    public mutating func reserveCapacity(_ count: Int) {
        reservedSize = max(reservedSize, CustomerIndex.tableSize(for: count))
    }

    private mutating func rehash(size: Int) {
        var newSlots = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for id in 0..<ids.count {
            let h = ids.withBytes(Int32(id)) { CustomerIndex.hash($0) }
            var slot = Int(truncatingIfNeeded: h) & newMask
            while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
            newSlots[slot] = CustomerIndex.pack(h, Int32(id))
        }
        slots = newSlots
        mask = newMask
        settled = ids.count
    }
}
