/// Scores every buyer of a snapshot and assigns segments; output sorted by customer id.
struct RFMStage {
    var buyers: BuyerTable
    let thresholds: RFMThresholds
    /// The table row of each buyer.
    let rows: [Int32]
    /// The buyers' spend at the ranks ⌊k·n/20⌋, k = 1…19 (empty without buyers): the loyalty
    /// figures' percentiles (`LoyaltyStage`), of which the monetary quintile thresholds are every
    /// fourth (⌊4k·n/20⌋ = ⌊k·n/5⌋). Read once for both: counting the spends twice was 0.6 % of a
    /// 1 M × 12 build's CPU samples.
    let spendTwentieths: [Int64]

    /// `spare`: a table whose storage the buyers are written into (its contents are dropped).
    init(table: SnapshotTable, customers: CustomerIDs, idOrder: IDOrder, segments: SegmentTable, reusing spare: consuming BuyerTable = BuyerTable()) {
        let asOf = table.period.asOf.ordinal
        var buyerRows: [Int32] = []
        table.orders.withUnsafeBufferPointer { orders in buyerRows.refill(positionsBelow: orders.count) { orders[$0] >= 1 } }
        // Output order: by customer id (byte order), independent of row order.
        let rows = idOrder.sorted(buyerRows, ids: customers) { table.customer[Int($0)] }
        self.rows = rows

        var out = consume spare
        out.removeAll()
        let n = rows.count
        rows.withUnsafeBufferPointer { rows in
            table.customer.withUnsafeBufferPointer { out.customer.refill(gathering: $0, at: rows) }
            table.lastOrder.withUnsafeBufferPointer { last in out.recencyDays.refill(count: rows.count) { asOf - last[Int(rows[$0])] } }
            table.orders.withUnsafeBufferPointer { out.frequency.refill(gathering: $0, at: rows) }
            table.revenue.withUnsafeBufferPointer { out.monetary.refill(gathering: $0, at: rows) }
        }

        // Recency is scored on −recency_days so the most recent buyers score 5.
        // t_k of −recency is minus the recency of rank n − 1 − ⌊k·n/5⌋: read from the days as they are
        // (a negated copy of them was made for each snapshot).
        let recencyAscending = n > 0 ? OrderStatistics.values(out.recencyDays, ranks: (1...4).reversed().map { n - 1 - $0 * n / 5 }) : []
        let recency = QuintileScorer(thresholds: recencyAscending.reversed().map { -$0 })
        let frequency = QuintileScorer(values: out.frequency)
        let spendTwentieths = n > 0 ? OrderStatistics.values(out.monetary, ranks: (1...19).map { $0 * n / 20 }) : []
        self.spendTwentieths = spendTwentieths
        let monetary = QuintileScorer(thresholds: n > 0 ? [3, 7, 11, 15].map { spendTwentieths[$0] } : [])
        // Written through buffers, not `out.scores[i]` (a uniqueness check per write).
        var scores = out.scores, segmentOf = out.segment
        out.scores = []
        out.segment = []
        scores.append(contentsOf: repeatElement(0, count: n))
        segmentOf.append(contentsOf: repeatElement(0, count: n))
        let recencyDays = out.recencyDays, frequencies = out.frequency, spends = out.monetary
        scores.withUnsafeMutableBufferPointer { scores in
            segmentOf.withUnsafeMutableBufferPointer { segmentOf in
                for i in 0..<n {
                    let r = recency.score(-recencyDays[i]), f = frequency.score(frequencies[i]), m = monetary.score(spends[i])
                    segmentOf[i] = UInt8(segments.segmentIndex(r: r, f: f, m: m))
                    scores[i] = UInt16(r * 100 + f * 10 + m)
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
