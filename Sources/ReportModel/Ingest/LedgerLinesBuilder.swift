/// The columns of ledger lines as they are read (internal to `LedgerReader`): ids interned into a
/// `CustomerIndex`, the ids of decoded rows in batches (`CustomerIndex.intern(batch:into:)`), in row
/// order.
struct LedgerLinesBuilder {
    var customers = CustomerIndex(capacity: 1 << 10)
    /// The parts finished so far (see `append(_:)`) and the one being filled.
    private(set) var parts: [LedgerLineColumns] = []
    private var current = LedgerLineColumns()
    let hasOrderID: Bool
    /// Decoded rows not appended yet: their ids are looked up together (`flush()`).
    private let batch = LedgerRowBatch()
    private var pending = 0

    /// Lines to make room for in `bytes` bytes of a ledger: as many as lines of 24 bytes (a short
    /// id, an ISO date and an amount), so that the columns rarely grow while they are filled (each
    /// growth copied them into fresh memory: the 5 M-line sample ledger has 36 bytes a line, and
    /// room for 40-byte lines grew every column once). Room never written is never mapped in.
    static func expectedLines(bytes: Int) -> Int { max(16, bytes / 24) }

    /// Room for about `expectedLines` lines, and an id table for a customer per eight of
    /// `tableLines` (by default the same).
    init(hasOrderID: Bool, expectedLines: Int, tableLines: Int? = nil) {
        self.hasOrderID = hasOrderID
        // An id table for a customer per eight lines from the start: grown from 1,024 ids by
        // doubling, it hashed every id again at each growth (callgrind, `validate --parse-only` of
        // the 500 k-customer ledger: 6,564 M → 6,359 M instructions).
        customers = CustomerIndex(capacity: max(1 << 10, (tableLines ?? expectedLines) / 8))
        current.customer.reserveHugeCapacity(expectedLines)
        current.day.reserveHugeCapacity(expectedLines)
        current.amount.reserveHugeCapacity(expectedLines)
        if hasOrderID { current.order.reserveHugeCapacity(expectedLines) }
    }

    /// Decodes plainly valid rows from `start` until a row the decoder does not take, the end of the
    /// buffer, or the first line end at or past `limit`; keeps them when `keep` (the reader keeps no
    /// more lines once it has found an error). Returns the offset reached and the rows decoded.
    /// The ids point into `base`, which must outlive the next `flush()`. A row is written into the
    /// batch's raw storage, and the columns grow a batch at a time: four array appends per row, each
    /// with its uniqueness check (a run-time call), were 2 % of a ledger parse's instructions.
    mutating func decodePlainRows(
        _ decoder: LedgerRowDecoder, _ base: UnsafePointer<UInt8>, from start: Int, count: Int, limit: Int, keep: Bool
    ) -> (offset: Int, rows: Int) {
        var offset = start, rows = 0
        var row = LedgerRowDecoder.Row()
        while offset < limit,
              let next = decoder.decode(base, from: offset, count: count, into: &row)
                  ?? decoder.decodeQuoted(base, from: offset, count: count, into: &row) {
            offset = next
            rows += 1
            guard keep else { continue }
            let k = pending
            batch.ids[k] = UnsafeRawBufferPointer(start: base + row.idStart, count: row.idCount)
            batch.days[k] = row.day
            batch.amounts[k] = row.amount
            batch.orders[k] = row.order
            pending = k + 1
            if pending == LedgerRowBatch.capacity { flush() }
        }
        return (offset, rows)
    }

    /// Looks up the pending rows' ids and appends the rows (before any other id is interned, and
    /// before their bytes are let go).
    mutating func flush() {
        let n = pending
        guard n > 0 else { return }
        customers.intern(batch: UnsafeBufferPointer(start: batch.ids, count: n), into: batch.customers)
        current.customer.append(contentsOf: UnsafeBufferPointer(start: batch.customers, count: n))
        current.day.append(contentsOf: UnsafeBufferPointer(start: batch.days, count: n))
        current.amount.append(contentsOf: UnsafeBufferPointer(start: batch.amounts, count: n))
        if hasOrderID { current.order.append(contentsOf: UnsafeBufferPointer(start: batch.orders, count: n)) }
        pending = 0
    }

    /// The index of an id read by the general path.
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        flush()
        return customers.intern(bytes)
    }

    /// A line read by the general path (`customer` from `intern`).
    mutating func append(customer c: Int32, day d: Int32, amount a: Int64, order o: Int64) {
        flush()
        current.customer.append(c)
        current.day.append(d)
        current.amount.append(a)
        if hasOrderID { current.order.append(o) }
    }

    /// Appends the lines of `next`, read from the bytes right after these, as a part of their own:
    /// the same lines and index as reading both in one go, since `next`'s new ids come in the order
    /// it first met them. (Not copied into one set of columns: that was a tenth of reading 5 M lines.)
    mutating func append(_ next: consuming LedgerLinesBuilder) {
        flush()
        var (tailCustomers, tailParts) = next.finish()
        // The tail's ids in its index order, interned here a batch at a time (`intern(batch:into:)`:
        // one by one, each a cache miss in a table of 500 k ids, they were a tenth of the serial
        // part of reading the 5 M-line sample ledger).
        let tailCount = tailCustomers.count
        var local = [Int32](repeating: 0, count: tailCount)
        withExtendedLifetime(tailCustomers) {
            let chunk = 4096
            withUnsafeTemporaryAllocation(of: UnsafeRawBufferPointer.self, capacity: chunk) { ids in
                local.withUnsafeMutableBufferPointer { local in
                    var j = 0
                    while j < tailCount {
                        let m = min(chunk, tailCount - j)
                        // The store's bytes stay where they are while the index lives.
                        for k in 0..<m { ids[k] = tailCustomers.withBytes(Int32(j + k)) { $0 } }
                        customers.intern(batch: UnsafeBufferPointer(rebasing: ids[0..<m]), into: local.baseAddress! + j)
                        j += m
                    }
                }
            }
        }
        tailCustomers = CustomerIndex()
        for i in tailParts.indices {
            var part = tailParts[i]
            tailParts[i] = LedgerLineColumns()   // so that `part` is the only owner of its columns
            local.withUnsafeBufferPointer { local in
                part.customer.withUnsafeMutableBufferPointer { ids in
                    for k in ids.indices { ids[k] = local[Int(ids[k])] }
                }
            }
            if current.count > 0 { parts.append(current) }
            current = part
        }
    }

    /// The index and the parts, in file order.
    mutating func finish() -> (customers: CustomerIndex, parts: [LedgerLineColumns]) {
        flush()
        if current.count > 0 || parts.isEmpty { parts.append(current) }
        current = LedgerLineColumns()
        return (customers, parts)
    }
}
