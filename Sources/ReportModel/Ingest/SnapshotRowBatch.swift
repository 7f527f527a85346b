/// Rows decoded ahead of their keeping, for snapshot rows that do not follow the previous file's
/// order (see `SnapshotReader`): their ids are looked up together, so that the cache misses of
/// different rows overlap, before the reader keeps the rows one by one.
final class SnapshotRowBatch {
    /// Rows per batch.
    static let capacity = 32
    /// The decoded rows.
    let rows: UnsafeMutablePointer<SnapshotRowDecoder.Row>
    /// Where each row's line ends (the offset of the next line).
    let ends: UnsafeMutablePointer<Int>
    /// Each row's id bytes.
    private let ids: UnsafeMutablePointer<UnsafeRawBufferPointer>
    /// Each row's customer index.
    let customers: UnsafeMutablePointer<Int32>
    /// What `read` loaded ahead, kept so that those loads are not dropped.
    private(set) var sink: Int32 = 0

    init() {
        let n = SnapshotRowBatch.capacity
        rows = .allocate(capacity: n)
        rows.initialize(repeating: SnapshotRowDecoder.Row(), count: n)
        ends = .allocate(capacity: n)
        ends.initialize(repeating: 0, count: n)
        ids = .allocate(capacity: n)
        ids.initialize(repeating: UnsafeRawBufferPointer(start: nil, count: 0), count: n)
        customers = .allocate(capacity: n)
        customers.initialize(repeating: -1, count: n)
    }

    deinit {
        rows.deallocate()
        ends.deallocate()
        ids.deallocate()
        customers.deallocate()
    }

    /// Decodes the plainly valid rows from `start` (up to `capacity`, stopping before the first
    /// row `decoder` refuses), interns their ids in row order and loads each customer's entry of
    /// `seenLine` (so that the reader's check of it finds it in cache). Returns the number of rows.
    ///
    /// Interning in row order is what reading the rows one by one does: a row the reader then
    /// refuses goes to its general path, which finds the id interned, and later rows are read
    /// again from there.
    func read(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, decoder: SnapshotRowDecoder,
              customers index: inout CustomerIndex, seenLine: UnsafeMutableBufferPointer<Int32>) -> Int {
        var n = 0, offset = start
        while n < SnapshotRowBatch.capacity,
              let next = decoder.decode(base, from: offset, count: count, into: &rows[n])
                  ?? decoder.decodeQuoted(base, from: offset, count: count, into: &rows[n]) {
            ids[n] = UnsafeRawBufferPointer(start: base + rows[n].idStart, count: rows[n].idCount)
            ends[n] = next
            offset = next
            n += 1
        }
        guard n > 0 else { return 0 }
        index.intern(batch: UnsafeBufferPointer(start: ids, count: n), into: customers)
        var touched: Int32 = 0
        for k in 0..<n {
            rows[k].customer = customers[k]
            if Int(customers[k]) < seenLine.count { touched |= seenLine[Int(customers[k])] }
        }
        sink |= touched
        return n
    }

    /// True when at least three quarters of the last batch's `n` rows follow each other in the
    /// previous file's row order (`hintPosition`: each customer's position there, -1 = none).
    func followsHint(_ n: Int, hintPosition: [Int32]) -> Bool {
        guard n > 1 else { return false }
        var following = 0
        for k in 1..<n {
            let a = Int(customers[k - 1]), b = Int(customers[k])
            if a < hintPosition.count, b < hintPosition.count, hintPosition[a] >= 0, hintPosition[b] == hintPosition[a] + 1 { following += 1 }
        }
        return following * 4 >= 3 * (n - 1)
    }
}
