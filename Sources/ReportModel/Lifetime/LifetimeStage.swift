/// Fits the predictive value models on a snapshot's buyers and fills P(alive) and predicted CLV.
///
/// Per buyer (metrics.md "Predictive lifetime value"), in the configured time unit:
/// - ledger-derived snapshots: x = distinct purchase days − 1, m = spend after the first day / x;
/// - CRM snapshots: x = orders − 1, m = revenue / orders;
/// - t_x = last − first purchase day, T = as-of − first purchase day. Without `first_order_date`,
///   the first purchase day is the earliest order date seen in any snapshot so far.
enum LifetimeStage {
    /// `scratch` lends its arrays' storage (see `LifetimeScratch`); what it holds on entry is not read.
    static func run(table: SnapshotTable, buyers: inout BuyerTable, earliestPurchase: [Int32], settings: LifetimeValueSettings,
                    scratch: inout LifetimeScratch) -> LifetimeSummary {
        guard buyers.count > 0 else { return .notComputed(reason: "no buyer") }
        // Taken out of the scratch so that they are uniquely held here, and put back when done.
        var rowOf = scratch.rowOf, histories = scratch.histories, grouping = scratch.grouping
        scratch = LifetimeScratch()
        defer {
            histories.removeAll(keepingCapacity: true)
            scratch = LifetimeScratch(rowOf: rowOf, histories: histories, grouping: grouping)
        }
        // Row of each buyer in the table.
        rowOf.refill(-1, count: earliestPurchase.count)
        for row in 0..<table.count { rowOf[Int(table.customer[row])] = Int32(row) }
        let unit = settings.timeUnit.days
        let asOf = table.period.asOf.ordinal
        histories.removeAll(keepingCapacityFor: buyers.count)
        for i in 0..<buyers.count {
            let c = Int(buyers.customer[i])
            let row = Int(rowOf[c])
            let last = table.lastOrder[row]
            var first = table.firstOrder[row]
            if first == SnapshotTable.missingDay { first = min(earliestPurchase[c], last) }
            let x: Double
            var m = 0.0
            if table.derivedFromLedger {
                x = Double(max(table.purchaseDays[row] - 1, 0))
                if x > 0 { m = Money.value(table.repeatSpend[row]) / x }
            } else {
                x = Double(table.orders[row] - 1)
                m = Money.value(table.revenue[row]) / Double(table.orders[row])
            }
            histories.append(PurchaseHistory(x: x, tx: Double(last - first) / unit, T: Double(asOf - first) / unit, meanRepeatSpend: x > 0 ? m : 0))
        }
        let fit: LifetimeValueFit
        do {
            fit = try buyers.probabilityAlive.withUnsafeMutableBufferPointer { alive in
                try buyers.predictedCLV.withUnsafeMutableBufferPointer { clv in
                    try LifetimeValueEstimator.estimate(histories, settings: settings, scratch: &grouping) { i, value in
                        alive[i] = value.probabilityAlive
                        clv[i] = value.predictedCLV
                    }
                }
            }
        } catch let error as LifetimeModelError {
            switch error {
            case .tooFewCustomers(let n): return .notComputed(reason: "too few buyers to fit the model (\(n))")
            case .didNotConverge(let why): return .didNotConverge(reason: why)
            }
        } catch {
            return .didNotConverge(reason: "\(error)")
        }
        return .fitted(LifetimeModelFigures(
            timeUnit: settings.timeUnit.rawValue,
            r: fit.bgnbd.r, alpha: fit.bgnbd.alpha, a: fit.bgnbd.a, b: fit.bgnbd.b, logLikelihood: fit.bgnbd.logLikelihood,
            p: fit.gammaGamma?.p, q: fit.gammaGamma?.q, v: fit.gammaGamma?.v,
            gammaGammaExcluded: fit.gammaGammaExcluded,
            horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate))
    }
}
