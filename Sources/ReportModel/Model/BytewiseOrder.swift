/// The order of customer ids in outputs: byte by byte, a proper prefix first.
public enum BytewiseOrder {
    /// True when `a` sorts strictly before `b`.
    @inline(__always)
    public static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = min(a.count, b.count)
        for k in 0..<n where a[k] != b[k] { return a[k] < b[k] }
        return a.count < b.count
    }

    /// The first eight bytes of `bytes` as a big-endian word, zero-padded. When two keys differ they
    /// order their byte strings as `precedes` does: the first differing byte is within the first
    /// eight (a shorter string's padding is a zero, below or equal to any byte); equal keys say
    /// nothing (strings that share their first eight bytes, or differ only by trailing zero bytes).
    @inline(__always)
    public static func prefixKey(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var key: UInt64 = 0
        if bytes.count >= 8 {
            key = UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self))
        } else {
            for k in 0..<bytes.count { key |= UInt64(bytes[k]) << (56 - 8 * UInt64(k)) }
        }
        return key
    }
}
