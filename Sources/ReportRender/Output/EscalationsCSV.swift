import ReportModel

/// Writes `escalations.csv`: one row per customer behind a raised escalation, then one per raised figure.
public enum EscalationsCSV {
    public static let header = "escalation,customer_id,segment,revenue,predicted_clv,trigger"

    public static func write(_ report: SnapshotReport, to path: String) throws {
        var out = try OutputFile(path: path)
        out.append(header)
        try out.endLine()
        for e in report.escalations where e.raised {
            if e.kind.isAboutCustomers {
                for c in e.customers {
                    out.append(e.kind.rawValue + ",")
                    out.append(csvText: c.id)
                    out.append("," + (c.segment.map(CSVText.field) ?? "") + ",")
                    out.append(money: c.revenue)
                    out.append(",")
                    if let clv = c.predictedCLV { out.append(fixed: clv, decimals: 2) }
                    out.append(",")
                    switch e.kind {
                    case .vipAtRisk: out.append("recency_days=\(c.triggerValue)")
                    case .largeRefund: out.append("refund_requested="); out.append(money: c.triggerValue)
                    default: out.append("public_complaint=true")
                    }
                    try out.endLine()
                }
            } else {
                out.append(e.kind.rawValue + ",,,,,")
                out.append(CSVText.field(EscalationDetail.text(e)))
                try out.endLine()
            }
        }
        try out.close()
    }
}
