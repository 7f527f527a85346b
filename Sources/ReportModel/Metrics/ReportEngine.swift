/// Computes every figure of metrics.md, one snapshot after the other, in as-of order.
///
/// The engine keeps only per-customer state from the previous snapshot (activity, revenue, segment,
/// cohort), so memory grows with customers, not with file sizes; with the number of snapshots only
/// by a bit per customer and snapshot (`CohortTracker`'s activity: 4.5 MB for 1 M customers × 36).
public struct ReportEngine: Sendable {
    public let config: ReportConfig
    private let router: FeedbackRouter
    /// Per customer, 2·(k + 1) + 1 if active, else 2·(k + 1), for the last snapshot k that held it
    /// (−2: none yet): whether it was in the previous snapshot, and active there, is read from it
    /// without clearing a flag per customer for each snapshot. Written in the same pass that reads it.
    private var previousState: [Int32] = []
    /// Per customer, its revenue in the last snapshot that held it.
    private var previousRevenue: [Int64] = []
    private var previousSegment: [Int8] = []
    /// The segments of two snapshots ago, whose storage the next snapshot's are written into.
    private var spareSegment: [Int8] = []
    private var previousActiveCount = 0
    /// As-of date (its ordinal) of the previous snapshot, for `SnapshotCounts.arrivedWithHistory`.
    private var previousAsOf = Int.min
    private var cohorts = CohortTracker()
    private var ltvHistory: [(asOf: Day, ltv: Double?)] = []
    private var processed = 0
    /// Customer indices in id order, extended as customers appear.
    private var idOrder = IDOrder()
    /// Predicts when `process` is not given the snapshot's prediction.
    private var predictor: LifetimePredictor
    /// Wall time of the last snapshot's predictive-value fit (for progress lines and benchmarks).
    public private(set) var lastLifetimeSeconds = 0.0

    public init(config: ReportConfig) {
        self.config = config
        self.router = FeedbackRouter(table: config.routing)
        self.predictor = LifetimePredictor(settings: config.lifetime)
    }

    /// Figures of the next snapshot (must come after the previous one in as-of order).
    public mutating func process(_ table: SnapshotTable, customers: CustomerIndex, unknownColumns: [String] = []) -> SnapshotReport {
        process(table, customers: customers.ids, unknownColumns: unknownColumns)
    }

    /// Figures of the next snapshot, with the ids interned so far (the index itself may go on
    /// interning the next snapshot's ids on another thread). `feedback` is the snapshot's routing
    /// when it was already made elsewhere (`FeedbackRouter.routing(of:customers:)`, which depends on
    /// this snapshot alone, so a build makes it beside the reading). Likewise `lifetime`, the
    /// snapshot's predictive-value outcome from a `LifetimePredictor` with the engine's settings that
    /// has seen every earlier snapshot: give it for every snapshot or for none (without it the
    /// engine predicts itself). `reusingBuyers`: an earlier report's buyer table, done with, whose
    /// storage this report's buyers are written into (fresh memory for every snapshot's buyers was
    /// 15 % of a 1 M × 12 build's page faults).
    public mutating func process(_ table: SnapshotTable, customers: CustomerIDs, unknownColumns: [String] = [], feedback: FeedbackRouting? = nil,
                                 lifetime prediction: LifetimePrediction? = nil, reusingBuyers spare: consuming BuyerTable? = nil) -> SnapshotReport {
        process(table, customers: customers, unknownColumns: unknownColumns, reusingBuyers: spare) { (feedback, prediction) }
    }

    /// `process`, the routing and prediction coming from `awaiting`, which is called once, after the
    /// figures that need neither (activity, KPIs, RFM, migration, cohorts, loyalty): a build gives the
    /// last snapshot to the engine as soon as it is read, so that those figures are computed while
    /// its predictive-value fit is still running (the figures otherwise waited for the fit, then ran
    /// alone on one core while the other had nothing left to do). The result is `process`'s.
    public mutating func process(_ table: SnapshotTable, customers: CustomerIDs, unknownColumns: [String] = [],
                                 reusingBuyers spare: consuming BuyerTable? = nil,
                                 awaiting: () -> (feedback: FeedbackRouting?, lifetime: LifetimePrediction?)) -> SnapshotReport {
        let n = customers.count
        grow(to: n)
        let asOf = table.period.asOf.ordinal
        let window = Int32(config.activityWindowDays)
        let rows = table.count
        let hasStatus = table.has(.status)
        let hasFirst = table.has(.firstOrderDate) && table.firstOrder.count == rows

        // MARK: - Activity, counts, revenue
        var active = [Bool](repeating: false, count: rows)
        var counts = SnapshotCounts()
        counts.customers = rows
        counts.previouslyActive = previousActiveCount
        var stillActive = 0
        var revenueTotal: Int64 = 0
        var revenuePeriod: Int64 = 0
        var repeatBuyers = 0
        // Through buffers (every row's customer is below n, and the state arrays have grown to n):
        // no bounds check on the eight arrays a row reads (callgrind, build of 100 k × 12: this
        // function's own instructions 98.7 M → 90.1 M).
        precondition(table.orders.count == rows && table.lastOrder.count == rows && table.revenue.count == rows
                     && (!hasStatus || table.status.count == rows) && previousState.count >= n && previousRevenue.count >= n)
        var activeCount = 0, buyerCount = 0, carriedActive = 0, arrivedWithHistory = 0, returnedActive = 0
        let missingDay = SnapshotTable.missingDay, previousAsOf = previousAsOf
        table.customer.withUnsafeBufferPointer { customer in
        table.firstOrder.withUnsafeBufferPointer { firstOrder in
        table.orders.withUnsafeBufferPointer { ordersColumn in
        table.lastOrder.withUnsafeBufferPointer { lastOrder in
        table.revenue.withUnsafeBufferPointer { revenueColumn in
        table.status.withUnsafeBufferPointer { status in
        // This snapshot's state, kept for the next one as each row is read (a customer is in a table
        // once): a pass over the customers to clear their flags and one over the rows to set them
        // were 0.3–0.5 % of a 1 M × 12 build's CPU samples.
        let present = Int32(truncatingIfNeeded: processed)   // 2·present (+1) is what the previous snapshot wrote
        let stamp = 2 &* (Int32(truncatingIfNeeded: processed) &+ 1)
        previousState.withUnsafeMutableBufferPointer { previousState in
        previousRevenue.withUnsafeMutableBufferPointer { previousRevenue in
        active.withUnsafeMutableBufferPointer { active in
            // Counted without a branch per row (`Bool.bit`, the previous revenue masked): whether a
            // row is active, a buyer, a repeat buyer or was there before falls either way from one
            // row to the next, and each branch on it was mispredicted that often.
            for row in 0..<rows {
                let c = Int(customer[row])
                let orders = ordersColumn[row]
                let isActive: Bool
                if hasStatus {
                    isActive = status[row] == 1
                } else {
                    // (In Int: a prospect's last order is `missingDay`, Int32.min.)
                    isActive = (orders >= 1).bit & (Int(asOf) - Int(lastOrder[row]) <= Int(window)).bit != 0
                }
                active[row] = isActive
                activeCount &+= isActive.bit
                let state = previousState[c]
                let wasPresent = (state >> 1 == present).bit
                stillActive &+= isActive.bit & wasPresent & Int(state & 1)
                buyerCount &+= (orders >= 1).bit
                repeatBuyers &+= (orders >= 2).bit
                carriedActive &+= wasPresent & Int(state & 1)
                returnedActive &+= (state != -2).bit & (1 &- wasPresent) & isActive.bit
                // A buyer new to the data who had ordered by the previous snapshot's date.
                let first = hasFirst ? firstOrder[row] : missingDay
                let earliest = first == missingDay ? lastOrder[row] : first
                arrivedWithHistory &+= (state == -2).bit & (orders >= 1).bit & (Int(earliest) <= previousAsOf).bit
                let revenue = revenueColumn[row]
                revenueTotal += revenue
                revenuePeriod += revenue - (previousRevenue[c] & -Int64(wasPresent))
                previousState[c] = stamp | Int32(isActive.bit)
                previousRevenue[c] = revenue
            }
        }}}}}}}}}
        counts.active = activeCount
        counts.missingActive = previousActiveCount - carriedActive
        counts.arrivedWithHistory = arrivedWithHistory
        counts.returnedActive = returnedActive
        counts.buyers = buyerCount
        counts.prospects = rows - counts.buyers
        counts.newActive = counts.active - stillActive
        counts.lost = previousActiveCount - stillActive

        // MARK: - Surveys
        var csatSum = 0, csatAnswers = 0, csatSatisfied = 0, cesSum = 0, cesAnswers = 0
        // Each column is one entry per row or empty (no answers: see `SnapshotTable`).
        // Without a branch per row, as above (no answer is -1: as a byte, above every score).
        var detractors = 0, passives = 0, promoters = 0
        for score in table.nps {
            let v = UInt8(bitPattern: score)
            detractors &+= (v <= 6).bit
            passives &+= (v &- 7 < 2).bit
            promoters &+= (v &- 9 < 2).bit
        }
        let nps = NPSBreakdown(detractors: detractors, passives: passives, promoters: promoters)
        for csat in table.csat {
            let answered = (csat >= 1).bit
            csatSum &+= Int(csat) & -answered
            csatAnswers &+= answered
            csatSatisfied &+= (csat >= 4).bit
        }
        for ces in table.ces {
            let answered = (ces >= 1).bit
            cesSum &+= Int(ces) & -answered
            cesAnswers &+= answered
        }

        // MARK: - KPIs
        let retention: Double? = processed == 0 || previousActiveCount == 0 ? nil : Double(stillActive) / Double(previousActiveCount)
        let churn: Double? = processed == 0 || previousActiveCount == 0 ? nil : Double(counts.lost) / Double(previousActiveCount)
        let ltv: Double? = counts.buyers == 0 ? nil : Money.value(revenueTotal) / Double(counts.buyers)
        let ltvGrowth = yearOnYearGrowth(ltv: ltv, asOf: table.period.asOf)
        func value(_ key: KPIKey, _ v: Double?) -> KPIValue { KPIValue(key: key, value: v, target: config.targets[key] ?? KPITarget(nil, .above)) }
        let kpis = [
            value(.retentionRate, retention),
            value(.churnRate, churn),
            value(.ltv, ltv),
            value(.ltvGrowthYoY, ltvGrowth),
            value(.nps, nps.score),
            value(.csat, csatAnswers == 0 ? nil : Double(csatSum) / Double(csatAnswers)),
            value(.csatSatisfiedShare, csatAnswers == 0 ? nil : Double(csatSatisfied) / Double(csatAnswers)),
            value(.ces, cesAnswers == 0 ? nil : Double(cesSum) / Double(cesAnswers)),
            value(.repeatPurchaseRate, counts.buyers == 0 ? nil : Double(repeatBuyers) / Double(counts.buyers)),
        ]

        // MARK: - RFM
        idOrder.update(customers)
        var rfm = RFMStage(table: table, customers: customers, idOrder: idOrder, segments: config.segments, reusing: spare.take() ?? BuyerTable())
        var buyers = BuyerTable()
        swap(&buyers, &rfm.buyers)
        let segmentIDs = config.segments.segments

        // MARK: - Grid, migration
        // The per-customer loops below write through buffers and flat counts: an element of an
        // array of arrays, or of an array held by `self`, costs a uniqueness check per write (a
        // runtime call: 1–2 % of a build's CPU samples came from these loops).
        var rfCounts = [Int](repeating: 0, count: 25)
        // In the storage of the segments of two snapshots ago (a fresh 1 MB array per snapshot at
        // 1 M customers was mapped and zeroed each time).
        var currentSegment: [Int8] = []
        swap(&currentSegment, &spareSegment)
        currentSegment.refill(-1, count: n)
        currentSegment.withUnsafeMutableBufferPointer { current in
            rfCounts.withUnsafeMutableBufferPointer { rf in
                for i in 0..<buyers.count {
                    rf[(buyers.r(i) - 1) * 5 + buyers.f(i) - 1] += 1
                    current[Int(buyers.customer[i])] = Int8(buyers.segment[i])
                }
            }
        }
        let rfGrid = (0..<5).map { Array(rfCounts[$0 * 5 ..< $0 * 5 + 5]) }
        var migration: MigrationMatrix?
        if processed > 0 {
            var matrix = MigrationMatrix(segments: segmentIDs)
            let newRow = segmentIDs.count, goneColumn = segmentIDs.count
            let width = matrix.to.count
            var flat = [Int](repeating: 0, count: matrix.from.count * width)
            flat.withUnsafeMutableBufferPointer { flat in
                previousSegment.withUnsafeBufferPointer { previous in
                    currentSegment.withUnsafeBufferPointer { current in
                        // Every customer counted, without a branch on whether it is in either
                        // snapshot: one in neither lands in the (new, gone) cell, which no customer
                        // can be in otherwise and which is emptied after.
                        for c in 0..<n {
                            let before = Int(previous[c]), after = Int(current[c])
                            let row = before < 0 ? newRow : before, column = after < 0 ? goneColumn : after
                            flat[row &* width &+ column] &+= 1
                        }
                    }
                }
                flat[newRow * width + goneColumn] = 0
            }
            matrix.counts = matrix.counts.indices.map { Array(flat[$0 * width ..< ($0 + 1) * width]) }
            migration = matrix
        }

        // MARK: - Cohorts
        cohorts.record(table, active: active, customerCount: n)
        let cohortRows = cohorts.matrix()

        // MARK: - Loyalty
        let loyalty = LoyaltyStage.snapshot(table: table, buyers: buyers, spendTwentieths: rfm.spendTwentieths)

        // MARK: - State for the next snapshot (activity and revenue were kept as the rows were read)
        spareSegment = previousSegment
        previousSegment = currentSegment
        previousActiveCount = counts.active
        self.previousAsOf = Int(asOf)
        ltvHistory.append((table.period.asOf, ltv))
        defer { processed += 1 }

        // MARK: - Predicted value (from here on, the figures that need the routing or the prediction)
        let (routing, prediction) = awaiting()
        let predicted = prediction ?? predictor.predict(table, customerCount: n)
        lastLifetimeSeconds = predicted.seconds
        let lifetime = predicted.summary
        // Each buyer's values are its table row's.
        rfm.rows.withUnsafeBufferPointer { rows in
            predicted.probabilityAlive.withUnsafeBufferPointer { buyers.probabilityAlive.refill(gathering: $0, at: rows) }
            predicted.predictedCLV.withUnsafeBufferPointer { buyers.predictedCLV.refill(gathering: $0, at: rows) }
        }

        // MARK: - Segments, escalations, feedback
        let segments = SegmentStage.summaries(buyers: buyers, segmentIDs: segmentIDs)
        let escalations = EscalationStage(config: config, table: table, customers: customers, buyers: buyers, segmentIDs: segmentIDs,
                                          npsScore: nps.score, churnRate: churn, currentSegment: currentSegment).results
        let feedback = routing ?? router.routing(of: table, customers: customers)

        var report = SnapshotReport(
            period: table.period, index: processed, counts: counts,
            revenueTotal: revenueTotal, revenuePeriod: revenuePeriod, kpis: kpis, nps: nps,
            csatAnswers: csatAnswers, cesAnswers: cesAnswers, thresholds: rfm.thresholds,
            segmentIDs: segmentIDs, segments: segments, rfGrid: rfGrid, migration: migration,
            cohorts: cohortRows, lifetime: lifetime, escalations: escalations, feedback: feedback,
            loyalty: loyalty, buyers: buyers, unknownColumns: unknownColumns)
        report.missingInputColumns = Set([SnapshotColumn.nps, .csat, .ces, .feedback].filter { !table.has($0) })
        return report
    }

    private mutating func grow(to n: Int) {
        let missing = n - previousState.count
        guard missing > 0 else { return }
        previousState.append(contentsOf: repeatElement(-2, count: missing))
        previousRevenue.append(contentsOf: repeatElement(0, count: missing))
        previousSegment.append(contentsOf: repeatElement(-1, count: missing))
    }

    /// ltv(p) / ltv(q) − 1 with q the latest earlier snapshot 365 ± 16 days before.
    private func yearOnYearGrowth(ltv: Double?, asOf: Day) -> Double? {
        guard let ltv else { return nil }
        guard let q = ltvHistory.last(where: { (349...381).contains(asOf.days(since: $0.asOf)) }), let base = q.ltv, base > 0 else { return nil }
        return ltv / base - 1
    }
}
