import ReportModel

/// Writes `segments.csv` (output.md): one row per buyer, sorted by customer id.
public enum SegmentsCSV {
    public static let header = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,p_alive,predicted_clv"

    public static func write(_ report: SnapshotReport, customers: CustomerIDs, to path: String) throws {
        var out = try OutputFile(path: path)
        out.append(header)
        try out.endLine()
        let b = report.buyers
        let segmentFields = report.segmentIDs.map { Array(CSVText.field($0).utf8) }
        // After the id, a row is at most: 9 commas, 7 numbers and the longest segment field, and a newline.
        let rowBound = 10 + 7 * DecimalWriter.maximumLength + (segmentFields.map(\.count).max() ?? 0)
        let comma = UInt8(ascii: ",")
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
                segmentFields[Int(b.segment[i])].withUnsafeBufferPointer { field in
                    (p + n).update(from: field.baseAddress!, count: field.count)
                    n += field.count
                }
                p[n] = comma; n += 1
                n += DecimalWriter.writeFixed(b.probabilityAlive[i], decimals: 6, to: p + n)
                p[n] = comma; n += 1
                n += DecimalWriter.writeFixed(b.predictedCLV[i], decimals: 2, to: p + n)
                p[n] = UInt8(ascii: "\n"); n += 1
                return n
            }
            try out.throwPendingError()
        }
        try out.close()
    }
}
