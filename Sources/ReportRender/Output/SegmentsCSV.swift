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
        for i in 0..<b.count {
            customers.withBytes(b.customer[i]) { out.append(csvBytes: $0) }
            out.append(UInt8(ascii: ","))
            out.append(integer: Int(b.recencyDays[i]))
            out.append(UInt8(ascii: ","))
            out.append(integer: Int(b.frequency[i]))
            out.append(UInt8(ascii: ","))
            out.append(money: b.monetary[i])
            out.append(UInt8(ascii: ","))
            out.append(integer: b.r(i))
            out.append(UInt8(ascii: ","))
            out.append(integer: b.f(i))
            out.append(UInt8(ascii: ","))
            out.append(integer: b.m(i))
            out.append(UInt8(ascii: ","))
            segmentFields[Int(b.segment[i])].withUnsafeBytes { out.append(bytes: $0) }
            out.append(UInt8(ascii: ","))
            out.append(fixed: b.probabilityAlive[i], decimals: 6)
            out.append(UInt8(ascii: ","))
            out.append(fixed: b.predictedCLV[i], decimals: 2)
            try out.endLine()
        }
        try out.close()
    }
}
