extension Bool {
    /// 1 for true, 0 for false, taken from the flag itself: added up, such values count without a
    /// branch. (Written `condition ? 1 : 0`, a sum of them was compiled into a tree of branches,
    /// mispredicted about every other time on data that falls either way: the RFM scores.)
    @inlinable @inline(__always) public var bit: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
