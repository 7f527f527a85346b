/// The 63-bit hash a ledger keeps for each line's order id (`LedgerLineColumns.order`): order ids
/// only need telling apart within one customer's lines.
///
/// Read eight bytes at a time: an id of up to eight bytes is one multiply and a final mix, each a
/// bijection of its word and length, so two such ids of one length never collide before the top
/// bit is dropped. (Byte-wise FNV-1a, as `CustomerIndex.hash`, was a chain of eight dependent
/// multiplies per line for the sample's order ids.)
enum OrderIDHash {
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        let count = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count &+ 1)
        var at = 0
        if let p = bytes.baseAddress {
            while count &- at >= 8 {
                h = (h ^ p.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                at &+= 8
            }
            if at < count {
                h = (h ^ CustomerIndex.word(UnsafeRawBufferPointer(start: p + at, count: count &- at))) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
            }
        }
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int64(bitPattern: h & 0x7FFF_FFFF_FFFF_FFFF)
    }
}
