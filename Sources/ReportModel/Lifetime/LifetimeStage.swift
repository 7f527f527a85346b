/// Fits the predictive value models on a snapshot's buyers and predicts P(alive) and CLV per row.
///
/// Per buyer (metrics.md "Predictive lifetime value"), in the configured time unit:
/// - ledger-derived snapshots: x = distinct purchase days − 1, m = spend after the first day / x;
/// - CRM snapshots: x = orders − 1, m = revenue / orders;
/// - t_x = last − first purchase day, T = as-of − first purchase day. Without `first_order_date`,
///   the first purchase day is the earliest order date seen in any snapshot so far.
///
/// The buyers are taken in row order: the fits group and sort the histories, so they do not depend
/// on the order (`BGNBDData`, `GammaGammaData`), and each prediction depends on its own history only.
enum LifetimeStage {
    /// Fills `probabilityAlive` and `predictedCLV` with one value per table row (NaN for prospects,
    /// and for all rows unless the models were fitted), in their own storage when large enough.
    /// `scratch` lends its arrays' storage (see `LifetimeScratch`); what it holds on entry is not read.
    static func run(table: SnapshotTable, earliestPurchase: [Int32], settings: LifetimeValueSettings,
                    scratch: inout LifetimeScratch, probabilityAlive: inout [Double], predictedCLV: inout [Double]) -> LifetimeSummary {
        probabilityAlive.refill(.nan, count: table.count)
        predictedCLV.refill(.nan, count: table.count)
        // Taken out of the scratch so that they are uniquely held here, and put back when done.
        var historyRow = scratch.historyRow, histories = scratch.histories, grouping = scratch.grouping
        scratch = LifetimeScratch()
        defer {
            histories.removeAll(keepingCapacity: true)
            scratch = LifetimeScratch(historyRow: historyRow, histories: histories, grouping: grouping)
        }
        let unit = settings.timeUnit.days
        let asOf = table.period.asOf.ordinal
        historyRow.removeAll(keepingCapacityFor: table.count)
        histories.removeAll(keepingCapacityFor: table.count)
        for row in 0..<table.count where table.orders[row] >= 1 {
            let c = Int(table.customer[row])
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
            historyRow.append(Int32(row))
            histories.append(PurchaseHistory(x: x, tx: Double(last - first) / unit, T: Double(asOf - first) / unit, meanRepeatSpend: x > 0 ? m : 0))
        }
        guard !histories.isEmpty else { return .notComputed(reason: "no buyer") }
        let fit: LifetimeValueFit
        do {
            fit = try probabilityAlive.withUnsafeMutableBufferPointer { alive in
                try predictedCLV.withUnsafeMutableBufferPointer { clv in
                    try LifetimeValueEstimator.estimate(histories, settings: settings, scratch: &grouping) { i, value in
                        let row = Int(historyRow[i])
                        alive[row] = value.probabilityAlive
                        clv[row] = value.predictedCLV
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
        let gammaGammaReason: String? = fit.gammaGamma != nil ? nil : fit.gammaGammaError.map { error in
            switch error {
            case .tooFewCustomers(let n): return "too few repeat buyers to fit the model (\(n))"
            case .didNotConverge(let why): return why
            }
        } ?? "not fitted"
        return .fitted(LifetimeModelFigures(
            timeUnit: settings.timeUnit.rawValue,
            r: fit.bgnbd.r, alpha: fit.bgnbd.alpha, a: fit.bgnbd.a, b: fit.bgnbd.b, logLikelihood: fit.bgnbd.logLikelihood,
            p: fit.gammaGamma?.p, q: fit.gammaGamma?.q, v: fit.gammaGamma?.v,
            gammaGammaExcluded: fit.gammaGammaExcluded,
            horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate,
            gammaGammaReason: gammaGammaReason))
    }
}
