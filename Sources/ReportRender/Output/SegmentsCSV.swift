import ReportModel

/// Writes `segments.csv` (output.md): one row per buyer, sorted by customer id.
public enum SegmentsCSV {
    public static let header = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,p_alive,predicted_clv"

    public static func write(_ report: SnapshotReport, customers: CustomerIDs, to path: String) throws {
        var out = try OutputFile(path: path)
        out.append(header)
        try out.endLine()
        let b = report.buyers
        // The segment fields one after another in one buffer (an array per segment was retained and
        // released for every row: 2 % of a 63-month-end ledger build's CPU samples).
        let segmentFields = report.segmentIDs.map { Array(CSVText.field($0).utf8) }
        let segmentBytes = segmentFields.flatMap { $0 }
        var segmentStart = [0]
        for field in segmentFields { segmentStart.append(segmentStart[segmentStart.count - 1] + field.count) }
        // After the id, a row is at most: 9 commas, 7 numbers and the longest segment field, and a newline.
        let rowBound = 10 + 7 * DecimalWriter.maximumLength + (segmentFields.map(\.count).max() ?? 0)
        let comma = UInt8(ascii: ",")
        let money = FixedPointFormat(decimals: 2)
        // Ids up to this long that need no quoting (nearly all) are copied into the row's span.
        let longestCopied = 64
        try Columns.of(b) { c in
        try segmentBytes.withUnsafeBufferPointer { segmentBytes in
            try segmentStart.withUnsafeBufferPointer { segmentStart in
                /// The row after its id, from the comma on, at `p`; returns the bytes written.
                @inline(__always) func fields(_ i: Int, _ p: UnsafeMutablePointer<UInt8>) -> Int {
                    var n = 0
                    p[n] = comma; n += 1
                    n += DecimalWriter.writeInteger(Int(c.recency[i]), to: p + n)
                    p[n] = comma; n += 1
                    n += DecimalWriter.writeInteger(Int(c.frequency[i]), to: p + n)
                    p[n] = comma; n += 1
                    n += DecimalWriter.writeMoney(c.monetary[i], to: p + n)
                    p[n] = comma; n += 1
                    let score = Int(c.scores[i])
                    let (r, f, m) = (score / 100, score / 10 % 10, score % 10)
                    if UInt(bitPattern: r | f | m) < 8 {
                        // Scores are 1–5: the three digits and their commas are one 6-byte pattern,
                        // stored as one word (its last two bytes are overwritten next).
                        let digits = UInt64(r) | UInt64(f) << 16 | UInt64(m) << 32
                        UnsafeMutableRawPointer(p + n).storeBytes(of: (0x2C30_2C30_2C30 | digits).littleEndian, as: UInt64.self)
                        n += 6
                    } else {
                        n += DecimalWriter.writeInteger(r, to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(f, to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(m, to: p + n)
                        p[n] = comma; n += 1
                    }
                    let segment = Int(c.segment[i])
                    let start = segmentStart[segment], length = segmentStart[segment + 1] - start
                    if length > 0 { OutputFile.copyBytes(from: segmentBytes.baseAddress! + start, count: length, to: p + n) }
                    n += length
                    p[n] = comma; n += 1
                    n += DecimalWriter.writeProbability(c.alive[i], to: p + n)
                    p[n] = comma; n += 1
                    n += DecimalWriter.writeFixed(c.clv[i], money, to: p + n)
                    p[n] = UInt8(ascii: "\n"); n += 1
                    return n
                }
                for i in 0..<c.customer.count {
                    customers.withBytes(c.customer[i]) { id in
                        if id.count <= longestCopied && CSVText.isPlain(id) {
                            out.append(atMost: longestCopied + rowBound) { p in
                                if let from = id.baseAddress { OutputFile.copyBytes(from: from, count: id.count, to: p) }
                                return id.count + fields(i, p + id.count)
                            }
                        } else {
                            out.append(csvBytes: id)
                            out.append(atMost: rowBound) { fields(i, $0) }
                        }
                    }
                    try out.throwPendingError()
                }
            }
        }
        }
        try out.close()
    }

    /// A buyer table's columns as buffers: each row reads them without a bounds check, and the
    /// doubles without a call (`Array<Double>`'s subscript was not inlined here: 2 calls a row).
    private struct Columns {
        let customer: UnsafeBufferPointer<Int32>, recency: UnsafeBufferPointer<Int32>, frequency: UnsafeBufferPointer<Int32>
        let monetary: UnsafeBufferPointer<Int64>, scores: UnsafeBufferPointer<UInt16>, segment: UnsafeBufferPointer<UInt8>
        let alive: UnsafeBufferPointer<Double>, clv: UnsafeBufferPointer<Double>

        static func of<R>(_ b: BuyerTable, _ body: (Columns) throws -> R) rethrows -> R {
            let n = b.count
            precondition([b.recencyDays.count, b.frequency.count, b.monetary.count, b.scores.count, b.segment.count,
                          b.probabilityAlive.count, b.predictedCLV.count].allSatisfy { $0 == n }, "buyer table columns of different lengths")
            return try b.customer.withUnsafeBufferPointer { customer in
                try b.recencyDays.withUnsafeBufferPointer { recency in
                    try b.frequency.withUnsafeBufferPointer { frequency in
                        try b.monetary.withUnsafeBufferPointer { monetary in
                            try b.scores.withUnsafeBufferPointer { scores in
                                try b.segment.withUnsafeBufferPointer { segment in
                                    try b.probabilityAlive.withUnsafeBufferPointer { alive in
                                        try b.predictedCLV.withUnsafeBufferPointer { clv in
                                            try body(Columns(customer: customer, recency: recency, frequency: frequency, monetary: monetary,
                                                             scores: scores, segment: segment, alive: alive, clv: clv))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
