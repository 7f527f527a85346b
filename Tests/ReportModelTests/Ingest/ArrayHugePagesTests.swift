import Testing
@testable import ReportModel

/// The huge-page allocations (`reserveHugeCapacity`): whatever
/// the kernel does with the advice, the arrays hold what a plain allocation would, and reserved room
/// is kept (appending up to it does not move the storage), at sizes below and above the 4 MB where
/// advice is given.
struct ArrayHugePagesTests {
    @Test(arguments: [0, 1, 1000, 1 << 20, 3_000_001])
    func hugeArraysHoldWhatPlainOnesHold(count: Int) {
        var reserved: [Int64] = []
        reserved.reserveHugeCapacity(count)
        #expect(reserved.isEmpty && reserved.capacity >= count)
        let storage = reserved.withUnsafeBufferPointer { $0.baseAddress }
        for k in 0..<count { reserved.append(Int64(k) * 3 - 7) }
        if count > 0 { #expect(reserved.withUnsafeBufferPointer { $0.baseAddress } == storage) }
        #expect(reserved.count == count && reserved.last == (count > 0 ? Int64(count - 1) * 3 - 7 : nil))
        #expect(reserved.enumerated().allSatisfy { $0.element == Int64($0.offset) * 3 - 7 })
    }
}
