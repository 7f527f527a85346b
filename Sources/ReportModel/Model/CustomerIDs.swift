#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of interned customer ids, by dense index (the storage behind `CustomerIndex`).
///
/// Ids are kept in one arena; `offsets[i]..<offsets[i + 1]` is the id of index `i`.
public struct CustomerIDs: Sendable {
    @usableFromInline var arena: [UInt8] = []
    @usableFromInline var offsets: [Int] = [0]

    /// Number of ids.
    public var count: Int { offsets.count - 1 }

    /// True while every id was appended in increasing byte order (sequential ids such as
    /// `C0000001`, `C0000002`…): index order is then id order, and output rows are put in id order
    /// by one pass over the indices instead of a sort by bytes (see `sortedByID`).
    public private(set) var isInIDOrder = true

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if isInIDOrder, count > 0 {
            let lo = offsets[count - 1], hi = offsets[count]
            isInIDOrder = arena.withUnsafeBytes { previous in
                BytewiseOrder.precedes(UnsafeRawBufferPointer(rebasing: previous[lo..<hi]), bytes)
            }
        }
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
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
    /// each item in its slot, one collecting the filled slots.
    static func placed(_ items: [Int32], positions: Int, position: (Int32) -> Int) -> [Int32] {
        var slot = [Int32](repeating: -1, count: positions)
        for item in items { slot[position(item)] = item }
        var out: [Int32] = []
        out.reserveCapacity(items.count)
        for item in slot where item >= 0 { out.append(item) }
        return out
    }

    /// The id of an index, as text.
    public func id(_ index: Int32) -> String {
        let i = Int(index)
        return String(decoding: arena[offsets[i]..<offsets[i + 1]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of an id (no copy). Inlinable so that callers in other modules get
    /// it specialised: the generic call cost 400 instructions per id when writing `segments.csv`.
    @inlinable
    public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let i = Int(index)
        let lo = offsets[i], hi = offsets[i + 1]
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// Compares two ids byte-wise (the order used for sorting output rows).
    public func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ra = offsets[Int(a)]..<offsets[Int(a) + 1]
        let rb = offsets[Int(b)]..<offsets[Int(b) + 1]
        return arena.withUnsafeBytes { buf in
            BytewiseOrder.precedes(UnsafeRawBufferPointer(rebasing: buf[ra]), UnsafeRawBufferPointer(rebasing: buf[rb]))
        }
    }

    /// True when id `index` has exactly these bytes.
    @inline(__always) func equals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let lo = offsets[index], hi = offsets[index + 1]
        guard hi - lo == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return arena.withUnsafeBytes { buf in memcmp(buf.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0 }
    }
}
