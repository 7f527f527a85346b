/// A fast, deterministic 128-bit content hash (two 64-bit multiply–rotate lanes over 8-byte words),
/// for the build cache's keys. Not cryptographic: it tells "same input" from "changed input".
public struct ContentHash: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    public init() {}

    @inline(__always) private mutating func mix(_ w: UInt64) {
        a = ((a ^ w) &* 0xFF51_AFD7_ED55_8CCD)
        a = (a << 31) | (a >> 33)
        b = ((b &+ w) &* 0xC4CE_B9FE_1A85_EC53)
        b = (b << 27) | (b >> 37)
    }

    /// Adds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        mix(tail ^ (UInt64(n) << 56))
        length &+= UInt64(n)
    }

    /// Adds a string and a separator, so ("ab","c") and ("a","bc") differ.
    public mutating func update(_ text: String) {
        var t = text
        t.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        mix(0xFFFF_FFFF_FFFF_FFFF)
    }

    /// Adds a whole file, memory-mapped and released as it is read.
    public mutating func update(file path: String) throws {
        let file = try MappedFile(path: path, displayName: path)
        let chunk = 32 << 20
        var offset = 0
        while offset < file.bytes.count {
            let end = min(offset + chunk, file.bytes.count)
            update(UnsafeRawBufferPointer(rebasing: file.bytes[offset..<end]))
            file.discard(before: end)
            offset = end
        }
        mix(length)
    }

    /// The hash as two 64-bit words.
    public var words: (UInt64, UInt64) { (a ^ (length &* 0x9E37_79B9_7F4A_7C15), b) }

    /// 32 hex digits.
    public var hex: String {
        let (x, y) = words
        return ContentHash.hex(x) + ContentHash.hex(y)
    }

    /// 16 hex digits.
    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
