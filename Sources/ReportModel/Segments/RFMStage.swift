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
        // Scored with the four thresholds of each in locals, on raw buffers (the loop over each
        // scorer's threshold array, with its overflow checks, and a uniqueness check per write were
        // 3.8 % of a 63-month-end ledger build's CPU samples).
        var scores = [UInt16](repeating: 0, count: n)
        var segmentOf = [UInt8](repeating: 0, count: n)
        if n > 0 {
            let rt = recency.thresholds, ft = frequency.thresholds, mt = monetary.thresholds
            let (r1, r2, r3, r4) = (rt[0], rt[1], rt[2], rt[3])
            let (f1, f2, f3, f4) = (ft[0], ft[1], ft[2], ft[3])
            let (m1, m2, m3, m4) = (mt[0], mt[1], mt[2], mt[3])
            @inline(__always) func above<Value: Comparable>(_ v: Value, _ t: Value) -> Int { v > t ? 1 : 0 }
            out.recencyDays.withUnsafeBufferPointer { recencyDays in
                out.frequency.withUnsafeBufferPointer { frequencyOf in
                    out.monetary.withUnsafeBufferPointer { monetaryOf in
                        scores.withUnsafeMutableBufferPointer { scores in
                            segmentOf.withUnsafeMutableBufferPointer { segmentOf in
                                for i in 0..<n {
                                    let rv = -recencyDays[i], fv = frequencyOf[i], mv = monetaryOf[i]
                                    let r = 1 &+ above(rv, r1) &+ above(rv, r2) &+ above(rv, r3) &+ above(rv, r4)
                                    let f = 1 &+ above(fv, f1) &+ above(fv, f2) &+ above(fv, f3) &+ above(fv, f4)
                                    let m = 1 &+ above(mv, m1) &+ above(mv, m2) &+ above(mv, m3) &+ above(mv, m4)
                                    scores[i] = UInt16(truncatingIfNeeded: r &* 100 &+ f &* 10 &+ m)
                                    segmentOf[i] = UInt8(truncatingIfNeeded: segments.segmentIndex(r: r, f: f, m: m))
                                }
                            }
                        }
                    }
                }
            }
        }
        out.scores = scores
        out.segment = segmentOf
        buyers = out
        thresholds = RFMThresholds(recencyDays: recency.thresholds.map { -Int($0) },
                                   frequency: frequency.thresholds.map { Int($0) },
                                   monetary: monetary.thresholds)
    }
}
