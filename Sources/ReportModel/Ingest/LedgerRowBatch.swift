/// Raw storage for the rows `LedgerLinesBuilder` decodes before it appends them (internal): written
/// through pointers, with no uniqueness or exclusivity check per row.
final class LedgerRowBatch {
    static let capacity = 32
    let ids = UnsafeMutablePointer<UnsafeRawBufferPointer>.allocate(capacity: capacity)
    let customers = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let days = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
    let amounts = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
    let orders = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)

    deinit {
        ids.deallocate(); customers.deallocate(); days.deallocate(); amounts.deallocate(); orders.deallocate()
    }
}
