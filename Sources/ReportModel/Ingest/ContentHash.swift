/// A fast, deterministic 128-bit content hash (64-bit multiply–rotate lanes over 8-byte words),
/// for the build cache's keys. Not cryptographic: it tells "same input" from "changed input".
///
/// Long inputs go 32 bytes at a time through four independent lanes (`c`, `d` beside `a`, `b`),
/// which the processor overlaps: each word into one lane instead of each word into two dependent
/// chains. An unchanged rebuild of the 1 M × 12 sample snapshots, which hashes their 495 MB, went
/// from 0.29–0.31 s (0.24–0.27 s of CPU) to 0.11–0.15 s (0.06–0.09 s) in alternating runs.
public struct ContentHash: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var c: UInt64 = 0x1656_67B1_9E37_79F9
    private var d: UInt64 = 0x85EB_CA77_C2B2_AE63
    private var length: UInt64 = 0

    public init() {}

    @inline(__always) private mutating func mix(_ w: UInt64) {
        a = ((a ^ w) &* 0xFF51_AFD7_ED55_8CCD)
        a = (a << 31) | (a >> 33)
        b = ((b &+ w) &* 0xC4CE_B9FE_1A85_EC53)
        b = (b << 27) | (b >> 37)
    }

    @inline(__always) private static func lane(_ x: UInt64, _ w: UInt64, _ k: UInt64, _ r: UInt64) -> UInt64 {
        let y = (x ^ w) &* k
        return (y << r) | (y >> (64 &- r))
    }

    /// Adds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        if n >= 64 {
            var a = self.a, b = self.b, c = self.c, d = self.d
            while i + 32 <= n {
                a = ContentHash.lane(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self), 0xFF51_AFD7_ED55_8CCD, 31)
                b = ContentHash.lane(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self), 0xC4CE_B9FE_1A85_EC53, 27)
                c = ContentHash.lane(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self), 0x9FB2_1C65_1E98_DF25, 29)
                d = ContentHash.lane(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self), 0xD6E8_FEB8_6659_FD93, 33)
                i += 32
            }
            self.a = a; self.b = b; self.c = c; self.d = d
        }
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
        // Never a pipe: it can be read once only, by the build (a piped ledger has no cache key).
        let file = try MappedFile(path: path, displayName: path, acceptsStreams: false)
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
    public var words: (UInt64, UInt64) {
        (a ^ (length &* 0x9E37_79B9_7F4A_7C15) ^ ContentHash.lane(c, 0, 0xFF51_AFD7_ED55_8CCD, 17), b ^ ContentHash.lane(d, 0, 0xC4CE_B9FE_1A85_EC53, 23))
    }

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
