/// Scores every buyer of a snapshot and assigns segments; output sorted by customer id.
struct RFMStage {
    let buyers: BuyerTable
    let thresholds: RFMThresholds
    /// The table row of each buyer.
    let rows: [Int32]

    init(table: SnapshotTable, customers: CustomerIDs, idOrder: IDOrder, segments: SegmentTable) {
        let asOf = table.period.asOf.ordinal
        var buyerRows: [Int32] = []
        buyerRows.reserveCapacity(table.count)
        for row in 0..<table.count where table.orders[row] >= 1 { buyerRows.append(Int32(row)) }
        // Output order: by customer id (byte order), independent of row order.
        let rows = idOrder.sorted(buyerRows, ids: customers) { table.customer[Int($0)] }
        self.rows = rows

        var out = BuyerTable()
        let n = rows.count
        out.customer = rows.map { table.customer[Int($0)] }
        out.recencyDays = rows.map { asOf - table.lastOrder[Int($0)] }
        out.frequency = rows.map { table.orders[Int($0)] }
        out.monetary = rows.map { table.revenue[Int($0)] }

        // Recency is scored on −recency_days so the most recent buyers score 5.
        let recency = QuintileScorer(values: out.recencyDays.map { -$0 })
        let frequency = QuintileScorer(values: out.frequency)
        let monetary = QuintileScorer(values: out.monetary)
        // Written through a buffer, not `out.scores[i]` (a uniqueness check per write).
        var segmentOf = [UInt8](repeating: 0, count: n)
        out.scores = segmentOf.withUnsafeMutableBufferPointer { segmentOf in
            (0..<n).map { i in
                let r = recency.score(-out.recencyDays[i]), f = frequency.score(out.frequency[i]), m = monetary.score(out.monetary[i])
                segmentOf[i] = UInt8(segments.segmentIndex(r: r, f: f, m: m))
                return UInt16(r * 100 + f * 10 + m)
            }
        }
        out.segment = segmentOf
        buyers = out
        thresholds = RFMThresholds(recencyDays: recency.thresholds.map { -Int($0) },
                                   frequency: frequency.thresholds.map { Int($0) },
                                   monetary: monetary.thresholds)
    }
}
