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

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
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

    /// True when id `index` has exactly these bytes.
    @inline(__always) func equals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let lo = offsets[index], hi = offsets[index + 1]
        guard hi - lo == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return arena.withUnsafeBytes { buf in memcmp(buf.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0 }
    }
}
