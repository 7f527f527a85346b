#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns customer ids: each distinct id gets a dense integer, the same across all snapshots.
///
/// Ids are kept as bytes in one arena with an open-addressing hash table, so interning a row costs
/// a hash and a compare, not a `String` allocation. Each slot packs 27 bits of the hash, the id's
/// length and the id's index, beside the id's first eight bytes, so a probe touches one cache line
/// and an id of up to eight bytes is compared there (interning was a third of the parse time on
/// 1 M-row files with separate hash and slot arrays; with the bytes only in the arena, a lookup
/// in a table larger than the cache was three dependent misses: slot, arena entry, bytes).
public struct CustomerIndex: Sendable {
    /// The id bytes, by index: a value that output code can keep while interning goes on elsewhere
    /// (it shares the append-only `IDStore`, so handing it out copies nothing).
    public private(set) var ids = CustomerIDs()
    /// Two words per slot: the key (`pack`; 0 = empty), then the id's first eight bytes (`word`).
    /// Full hashes are not kept: growing the table hashes the ids again (about 2 hashes per id over
    /// a whole build, for 8 MB less per million ids). Empty until an id first needs it (see
    /// `intern(_:)`).
    private var slots: [UInt64] = []
    /// Slots in the table (any number: see `home`).
    private var size = 0
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
    private(set) var tableLookups = 0

    public init(capacity: Int = 1024) {
        reservedSize = CustomerIndex.tableSize(for: capacity)
    }

    /// The table size (at least 16 slots) for `count` ids: 64 % full. Not a power of two: slots
    /// are 16 bytes, and at 1 M ids the next power of two above that took 32 MB, against 25 MB (a
    /// 1 M × 12 build with shuffled rows then peaked at 399–411 MB). The table doubles when more
    /// than three quarters full (`isCrowded`): a snapshot reader sizes it for its largest file, from
    /// an estimate a few percent off either way, while a ledger's reader cannot (growing by half
    /// instead, the 1 M-customer ledger took 4 % longer to parse: more growths).
    private static func tableSize(for count: Int) -> Int { max(16, count + count / 2 + count / 16 + 1) }

    /// True when `count` ids fill more than three quarters of a table of `size` slots.
    @inline(__always) private static func isCrowded(_ count: Int, size: Int) -> Bool { count > size - size / 4 }

    /// The first slot to probe for hash `h` (of a table of `size` slots): the low 32 bits scaled
    /// to the size by a multiplication (Lemire's reduction), so that any size works.
    @inline(__always) private static func home(_ h: UInt64, size: Int) -> Int {
        Int(truncatingIfNeeded: ((h & 0xFFFF_FFFF) &* UInt64(size)) >> 32)
    }

    /// The slot after `slot`, wrapping at the end of the table.
    @inline(__always) private static func after(_ slot: Int, size: Int) -> Int { slot &+ 1 == size ? 0 : slot &+ 1 }

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

    /// The part of a slot's key that a lookup compares first: 27 bits of the hash, then the id's
    /// length (31 for any length from 31 up).
    @inline(__always) private static func tag(_ h: UInt64, count: Int) -> UInt64 {
        (h & 0xFFFF_FFE0_0000_0000) | UInt64(min(count, 31)) << 32
    }

    /// A slot's key: the tag, then the id's index + 1 in the low 32 bits.
    @inline(__always) private static func pack(_ tag: UInt64, _ id: Int32) -> UInt64 { tag | UInt64(UInt32(id) + 1) }

    /// The first eight bytes of an id, zero after its end: with the length in the tag, ids of up to
    /// eight bytes are equal exactly when their words are.
    ///
    /// A shorter id is read in at most three loads (four, two and one bytes, as its length's bits
    /// say), never past its end. (Copied into a zeroed word, it was a call to `memcpy` per lookup and
    /// a stalled load of the word it had just written byte by byte: 38 % of the samples of
    /// `intern(batch:)` reading the 500 k-customer sample ledger, whose ids have seven bytes. Its
    /// `validate --parse-only`, 24 alternating pairs: mean 0.498 → 0.482 s, CPU 0.823 → 0.791 s;
    /// callgrind 6,310.8 M → 6,287.5 M instructions: the stall, more than the call.)
    @inline(__always) static func word(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let p = bytes.baseAddress else { return 0 }
        let count = bytes.count
        if count >= 8 { return p.loadUnaligned(as: UInt64.self) }
        #if _endian(little)
        var w: UInt64 = 0, at = 0
        if count & 4 != 0 { w = UInt64(p.loadUnaligned(as: UInt32.self)); at = 4 }
        if count & 2 != 0 { w |= UInt64(p.loadUnaligned(fromByteOffset: at, as: UInt16.self)) << UInt64(8 * at); at += 2 }
        if count & 1 != 0 { w |= UInt64(p.load(fromByteOffset: at, as: UInt8.self)) << UInt64(8 * at) }
        return w
        #else
        var w: UInt64 = 0
        withUnsafeMutableBytes(of: &w) { $0.baseAddress.unsafelyUnwrapped.copyMemory(from: p, byteCount: count) }
        return w
        #endif
    }

    /// True when the slot at `slot` (of `table`) holds `bytes`, whose tag matched.
    @inline(__always) private func holds(_ table: UnsafeBufferPointer<UInt64>, _ slot: Int, _ key: UInt64, _ bytes: UnsafeRawBufferPointer, word: UInt64) -> Bool {
        guard table[2 &* slot &+ 1] == word else { return false }
        return bytes.count <= 8 || ids.equals(Int((key & 0xFFFF_FFFF) &- 1), bytes)
    }

    /// The index of `bytes`, adding it when new.
    ///
    /// While ids arrive in increasing byte order (sequential ids such as `C0000001`), an id after
    /// the last one is new without a look at the table: it gets the next index at once, and its
    /// table slot is filled only when some id needs the table (`settle`). A CRM export keeps its
    /// row order from month to month, so the reader finds known customers through its row-order
    /// hint (`matches`) and new ones come after the last id: then the table is never made. Parsing
    /// the 1 M × 12 sample snapshots: interning 14 % → 3 % of the time (perf) with the slots filled
    /// in batches, and the table (then 16 MB, 25 MB now) and its 1 M probes (2.7 % of the time) left out since.
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

    /// Puts every id in the table: made, or grown where they would fill more than three quarters
    /// of it. The ids waiting are placed a batch at a time: first the first slot of each is read
    /// (loads that do not depend on each other, so their cache misses overlap), then they are
    /// placed in order.
    private mutating func settle() {
        if size == 0 || CustomerIndex.isCrowded(ids.count, size: size) {
            // Made, or doubled at least (each growth hashes every id); placing every id.
            rehash(size: max(reservedSize, CustomerIndex.tableSize(for: ids.count), 2 * size))
            return
        }
        guard settled < ids.count else { return }
        let size = self.size
        var touched: UInt64 = 0
        var hashes = [UInt64](repeating: 0, count: min(CustomerIndex.settleBatch, ids.count - settled))
        slots.withUnsafeMutableBufferPointer { table in
            while settled < ids.count {
                let first = settled, n = min(hashes.count, ids.count - settled)
                for k in 0..<n {
                    let h = ids.withBytes(Int32(first + k)) { CustomerIndex.hash($0) }
                    hashes[k] = h
                    touched &+= table[2 &* CustomerIndex.home(h, size: size)]
                }
                for k in 0..<n {
                    ids.withBytes(Int32(first + k)) { CustomerIndex.place(Int32(first + k), $0, hash: hashes[k], in: table, size: size) }
                }
                settled = first + n
            }
        }
        prefetchSink &+= touched
    }

    /// Ids placed per batch by `settle`.
    static let settleBatch = 1024

    /// Interns ids in order, exactly as calling `intern` on each in turn, but first reads the table
    /// slot (and, for ids longer than eight bytes, the stored bytes) each one will compare against,
    /// all of them before any compare: once the table outgrows the cache each is a miss, and a batch
    /// lets those of different ids overlap. Interning the 5 M lines of a 500 k-customer ledger one
    /// by one was 45 % of reading it (perf).
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
                for k in 0..<n { entries[k] = table[2 &* CustomerIndex.home(hashes[k], size: size)] }
            }
            // For the ids longer than eight bytes: the store entry of each first-probe candidate,
            // then the first byte it points at.
            let store = self.ids.store, known = self.ids.count
            for k in 0..<n {
                let entry = entries[k]
                let id = Int(truncatingIfNeeded: (entry & 0xFFFF_FFFF) &- 1)
                let candidate = entry != 0 && ids[k].count > 8 && entry & 0xFFFF_FFFF_0000_0000 == CustomerIndex.tag(hashes[k], count: ids[k].count) && id < known
                entries[k] = candidate ? store.entry(id) : 0
            }
            var touched: UInt64 = 0
            for k in 0..<n where entries[k] != 0 {
                touched &+= UInt64(IDStore.start(of: entries[k]).unsafelyUnwrapped.load(as: UInt8.self))
            }
            prefetchSink &+= touched
            for k in 0..<n { out[k] = intern(ids[k], hash: hashes[k]) }
        }
    }

    /// Where `bytes`, of hash `h`, is in the table (which must be made): its index, or nil and the
    /// empty slot where it goes; with its tag and word.
    @inline(__always)
    private func probe(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> (id: Int32?, slot: Int, tag: UInt64, word: UInt64) {
        let tag = CustomerIndex.tag(h, count: bytes.count), word = CustomerIndex.word(bytes)
        var slot = CustomerIndex.home(h, size: size)
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let key = table[2 &* slot]
                if key == 0 { return nil }
                if key & 0xFFFF_FFFF_0000_0000 == tag && holds(table, slot, key, bytes, word: word) {
                    return Int32(truncatingIfNeeded: (key & 0xFFFF_FFFF) - 1)
                }
                slot = CustomerIndex.after(slot, size: size)
            }
        }
        return (found, slot, tag, word)
    }

    /// The index of `bytes` with its `hash`, adding it when new.
    @inline(__always)
    private mutating func intern(_ bytes: UnsafeRawBufferPointer, hash h: UInt64) -> Int32 {
        let (found, slot, tag, word) = probe(bytes, hash: h)
        if let found { return found }
        let id = Int32(ids.count)
        ids.append(bytes)
        slots[2 &* slot] = CustomerIndex.pack(tag, id)
        slots[2 &* slot &+ 1] = word
        settled = ids.count
        if CustomerIndex.isCrowded(ids.count, size: size) { rehash(size: max(reservedSize, 2 * size)) }
        return id
    }

    /// Frees the hash table (25 MB per million ids) while no id is looked up: a ledger's ids are all
    /// interned as it is read, and its month ends go by index. The next `intern` that needs the table
    /// makes it again; `lookup` meanwhile compares ids one by one.
    public mutating func releaseTable() {
        slots = []
        size = 0
    }

    /// The index of `bytes` if known.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        if slots.isEmpty {
            // The table was released: the ids it held, one by one.
            for id in 0..<settled where ids.equals(id, bytes) { return Int32(id) }
        } else {
            if let found = probe(bytes, hash: CustomerIndex.hash(bytes)).id { return found }
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

    /// Puts id `id`, of bytes `bytes` and hash `h`, in the first empty slot from its home in `table`
    /// (of `size` slots), which does not hold it yet.
    @inline(__always)
    private static func place(_ id: Int32, _ bytes: UnsafeRawBufferPointer, hash h: UInt64, in table: UnsafeMutableBufferPointer<UInt64>, size: Int) {
        var slot = home(h, size: size)
        while table[2 &* slot] != 0 { slot = after(slot, size: size) }
        table[2 &* slot] = pack(tag(h, count: bytes.count), id)
        table[2 &* slot &+ 1] = word(bytes)
    }

    /// Makes the table with `size` slots and places every id.
    private mutating func rehash(size: Int) {
        var newSlots = [UInt64](repeating: 0, count: 2 * size)
        newSlots.withUnsafeMutableBufferPointer { table in
            for id in 0..<ids.count {
                ids.withBytes(Int32(id)) { CustomerIndex.place(Int32(id), $0, hash: CustomerIndex.hash($0), in: table, size: size) }
            }
        }
        slots = newSlots
        self.size = size
        settled = ids.count
    }
}
