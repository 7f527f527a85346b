/// The order of customer ids in outputs: byte by byte, a proper prefix first.
public enum BytewiseOrder {
    /// True when `a` sorts strictly before `b`.
    @inline(__always)
    public static func precedes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = min(a.count, b.count)
        for k in 0..<n where a[k] != b[k] { return a[k] < b[k] }
        return a.count < b.count
    }
}
