#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of interned customer ids, by dense index (the storage behind `CustomerIndex`).
///
/// A value sees the first `count` ids of a shared append-only `IDStore`: copies are free and stay
/// valid while the index goes on interning on another thread. A copy that appends after another
/// one did gets a store of its own (copy on write, by id count).
public struct CustomerIDs: Sendable {
    @usableFromInline var store = IDStore()

    /// Number of ids.
    public private(set) var count = 0

    /// True while every id was appended in increasing byte order (sequential ids such as
    /// `C0000001`, `C0000002`…): index order is then id order, and output rows are put in id order
    /// by one pass over the indices instead of a sort by bytes (see `sortedByID`).
    public private(set) var isInIDOrder = true

    /// True while every id is ASCII: ids then compare as `String`s as their bytes do, and, with
    /// `isInIDOrder`, as their indices do.
    public private(set) var isASCII = true

    public init() {}

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if isInIDOrder, count > 0 { isInIDOrder = followsLast(bytes) }
        write(bytes)
    }

    /// Appends an id that `followsLast` (ids stay in id order, with no second comparison).
    mutating func appendFollowingLast(_ bytes: UnsafeRawBufferPointer) { write(bytes) }

    /// True when `bytes` sorts strictly after the last id (false when there is none).
    func followsLast(_ bytes: UnsafeRawBufferPointer) -> Bool {
        count > 0 && withBytes(Int32(count - 1)) { BytewiseOrder.precedes($0, bytes) }
    }

    /// Writes `bytes` as the next id, in a store of this value's own when another value wrote past it.
    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        if isASCII { isASCII = TextValidation.isASCII(bytes) }
        if !store.append(bytes, as: count) {
            store = store.prefix(count)
            _ = store.append(bytes, as: count)
        }
        count += 1
    }

    /// `items` ordered by the byte order of `id(item)`'s id; any order in, the same order out.
    /// Linear (a pass over the indices) while ids are in index order, a comparison sort otherwise.
    public func sortedByID(_ items: [Int32], id: (Int32) -> Int32) -> [Int32] {
        guard isInIDOrder else {
            return items.sorted { precedes(id($0), id($1)) }
        }
        return CustomerIDs.placed(items, positions: count) { Int(id($0)) }
    }

    /// `items` in the order of `position(item)`, distinct values in 0..<positions: one pass placing
    /// each item in its slot, one collecting the filled slots; the items as they are when they
    /// already come in that order (the rows of an export in id order), found in one pass of reads
    /// (placing them took a fresh array of a slot per customer, 4 MB at 1 M, for every snapshot).
    static func placed(_ items: [Int32], positions: Int, position: (Int32) -> Int) -> [Int32] {
        if ascends(items, position: position) { return items }
        var slot = [Int32](repeating: -1, count: positions)
        for item in items { slot[position(item)] = item }
        var out: [Int32] = []
        out.reserveCapacity(items.count)
        for item in slot where item >= 0 { out.append(item) }
        return out
    }

    /// Whether `position(item)` strictly ascends along `items`.
    static func ascends(_ items: [Int32], position: (Int32) -> Int) -> Bool {
        items.withUnsafeBufferPointer { items in
            var previous = -1
            for item in items {
                let p = position(item)
                if p <= previous { return false }
                previous = p
            }
            return true
        }
    }

    /// The first eight bytes of an id as a big-endian word, zero-padded: a key that orders ids as
    /// `precedes` does wherever two keys differ (equal keys need the bytes compared).
    func prefixKey(_ index: Int32) -> UInt64 {
        withBytes(index) { BytewiseOrder.prefixKey($0) }
    }

    /// The id of an index, as text.
    public func id(_ index: Int32) -> String {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of an id (no copy). Inlinable so that callers in other modules get
    /// it specialised: the generic call cost 400 instructions per id when writing `segments.csv`.
    @inlinable
    public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        precondition(index >= 0 && Int(index) < count, "customer index out of range")
        return try body(store.bytes(Int(index)))
    }

    /// Compares two ids byte-wise (the order used for sorting output rows).
    public func precedes(_ a: Int32, _ b: Int32) -> Bool {
        withBytes(a) { ra in withBytes(b) { rb in BytewiseOrder.precedes(ra, rb) } }
    }

    /// True when id `index` has exactly these bytes.
    @inline(__always) func equals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let id = store.bytes(index)
        guard id.count == bytes.count else { return false }
        let n = bytes.count
        if n == 0 { return true }
        let a = UnsafeRawPointer(id.baseAddress.unsafelyUnwrapped), b = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped)
        // Ids are short: compared eight bytes at a time here (the last word overlapping the one
        // before) instead of a `memcmp` call per row (2.4 % of a parse of the sample snapshots).
        guard n >= 8 else {
            if n >= 4 {
                return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                    && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            }
            for k in 0..<n where a.load(fromByteOffset: k, as: UInt8.self) != b.load(fromByteOffset: k, as: UInt8.self) { return false }
            return true
        }
        var k = 0
        while k + 8 < n {
            if a.loadUnaligned(fromByteOffset: k, as: UInt64.self) != b.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
}
