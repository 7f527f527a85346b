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
        let alive = FixedPointFormat(decimals: 6), money = FixedPointFormat(decimals: 2)
        try segmentBytes.withUnsafeBufferPointer { segmentBytes in
            try segmentStart.withUnsafeBufferPointer { segmentStart in
                for i in 0..<b.count {
                    customers.withBytes(b.customer[i]) { out.append(csvBytes: $0) }
                    out.append(atMost: rowBound) { p in
                        var n = 0
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(Int(b.recencyDays[i]), to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(Int(b.frequency[i]), to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeMoney(b.monetary[i], to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(b.r(i), to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(b.f(i), to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeInteger(b.m(i), to: p + n)
                        p[n] = comma; n += 1
                        let segment = Int(b.segment[i])
                        let start = segmentStart[segment], length = segmentStart[segment + 1] - start
                        if length > 0 { (p + n).update(from: segmentBytes.baseAddress! + start, count: length) }
                        n += length
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeFixed(b.probabilityAlive[i], alive, to: p + n)
                        p[n] = comma; n += 1
                        n += DecimalWriter.writeFixed(b.predictedCLV[i], money, to: p + n)
                        p[n] = UInt8(ascii: "\n"); n += 1
                        return n
                    }
                    try out.throwPendingError()
                }
            }
        }
        try out.close()
    }
}
