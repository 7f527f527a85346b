/// Evaluates the five escalation points on a snapshot (metrics.md "Escalations").
struct EscalationStage {
    let results: [EscalationResult]

    init(config: ReportConfig, table: SnapshotTable, customers: CustomerIDs, buyers: BuyerTable, segmentIDs: [String],
         npsScore: Double?, churnRate: Double?, currentSegment: [Int8]) {
        let t = config.escalations
        let asOf = table.period.asOf.ordinal
        func segmentName(_ c: Int32) -> String? {
            let s = currentSegment[Int(c)]
            return s < 0 ? nil : segmentIDs[Int(s)]
        }
        func clv(_ buyerIndex: Int?) -> Double? {
            guard let i = buyerIndex else { return nil }
            let v = buyers.predictedCLV[i]
            return v.isNaN ? nil : v
        }
        // Position of each customer in the buyer table (for CLV lookups), by customer index; filled only
        // when someone is escalated (a dictionary of all buyers was 2 % of a 1 M × 12 build).
        var buyerRow: [Int32] = []
        func buyerIndex(_ c: Int32) -> Int? {
            let i = Int(c) < buyerRow.count ? buyerRow[Int(c)] : -1
            return i < 0 ? nil : Int(i)
        }
        func sorted(_ list: [EscalatedCustomer]) -> [EscalatedCustomer] { list.sorted { $0.id < $1.id } }

        // VIP at risk.
        var vipRows: [Int] = []
        if let atRisk = segmentIDs.firstIndex(of: "at_risk") {
            if table.has(.vip) {
                for row in 0..<table.count where table.vip[row] && currentSegment[Int(table.customer[row])] == Int8(atRisk) { vipRows.append(row) }
            } else if buyers.count > 0 {
                // Top share of buyers by monetary, ties by customer id (the buyer table is in id order).
                // The k-th largest monetary value bounds the VIPs: all above it, then those equal to it in id
                // order until k. (A sort of all buyers and a row map of all customers took ~50 MB at 1 M.)
                let k = t.vipCount(buyers: buyers.count)
                let floor = OrderStatistics.values(buyers.monetary, ranks: [buyers.count - k])[0]
                var above = 0
                for i in 0..<buyers.count where buyers.monetary[i] > floor { above += 1 }
                var equalTaken = 0
                // Marked per customer index (a Set of them hashed every row of the snapshot: 0.6 % of a
                // 63-month-end ledger build).
                var isVIPAtRisk: [Bool] = []
                for i in 0..<buyers.count {
                    let m = buyers.monetary[i]
                    guard m > floor || (m == floor && equalTaken < k - above) else { continue }
                    if m == floor { equalTaken += 1 }
                    if Int(buyers.segment[i]) == atRisk {
                        if isVIPAtRisk.isEmpty { isVIPAtRisk = [Bool](repeating: false, count: currentSegment.count) }
                        isVIPAtRisk[Int(buyers.customer[i])] = true
                    }
                }
                if !isVIPAtRisk.isEmpty {
                    for row in 0..<table.count where isVIPAtRisk[Int(table.customer[row])] { vipRows.append(row) }
                }
            }
        }
        if !vipRows.isEmpty || !table.refunds.isEmpty || table.publicComplaint.contains(true) {
            buyerRow = [Int32](repeating: -1, count: currentSegment.count)
            // (Through buffers: an array element written per buyer was a uniqueness check.)
            buyerRow.withUnsafeMutableBufferPointer { buyerRow in
                buyers.customer.withUnsafeBufferPointer { customer in
                    for i in 0..<customer.count {
                        let c = Int(customer[i])
                        precondition(c >= 0 && c < buyerRow.count, "customer index out of range")
                        buyerRow[c] = Int32(truncatingIfNeeded: i)
                    }
                }
            }
        }
        func customer(_ row: Int, trigger: Int64) -> EscalatedCustomer {
            let c = table.customer[row]
            return EscalatedCustomer(id: customers.id(c), segment: segmentName(c), revenue: table.revenue[row], predictedCLV: clv(buyerIndex(c)), triggerValue: trigger)
        }
        let vips = sorted(vipRows.map { customer($0, trigger: Int64(asOf - table.lastOrder[$0])) })

        var complaints: [EscalatedCustomer] = []
        var refunds: [EscalatedCustomer] = []
        let refundLimit = t.refundAbove
        // The complaint column is one entry per row or empty (none raised: see `SnapshotTable`).
        for row in table.publicComplaint.indices where table.publicComplaint[row] { complaints.append(customer(row, trigger: 1)) }
        for (row, amount) in table.refunds where Money.value(amount) > refundLimit {
            refunds.append(customer(Int(row), trigger: amount))
        }
        let npsRaised = npsScore.map { $0 < t.npsBelow } ?? false
        let churnRaised = churnRate.map { $0 > t.churnAbove } ?? false
        func missing(_ column: SnapshotColumn) -> String? { table.has(column) ? nil : column.rawValue }
        results = [
            EscalationResult(kind: .vipAtRisk, raised: !vips.isEmpty, count: vips.count, value: nil, threshold: t.vipTopShare, customers: vips),
            EscalationResult(kind: .npsCritical, raised: npsRaised, count: npsRaised ? 1 : 0, value: npsScore, threshold: t.npsBelow, customers: [],
                             missingColumn: missing(.nps)),
            EscalationResult(kind: .churnCrisis, raised: churnRaised, count: churnRaised ? 1 : 0, value: churnRate, threshold: t.churnAbove, customers: []),
            EscalationResult(kind: .publicComplaint, raised: !complaints.isEmpty, count: complaints.count, value: nil, threshold: 0, customers: sorted(complaints),
                             missingColumn: missing(.publicComplaint)),
            EscalationResult(kind: .largeRefund, raised: !refunds.isEmpty, count: refunds.count, value: nil, threshold: refundLimit, customers: sorted(refunds),
                             missingColumn: missing(.refundRequested)),
        ]
    }
}
