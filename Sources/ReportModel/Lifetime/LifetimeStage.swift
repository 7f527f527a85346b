/// Fits the predictive value models on a snapshot's buyers and predicts P(alive) and CLV per row.
///
/// Each buyer's history comes from its table row (`BuyerHistories`, metrics.md "Predictive lifetime
/// value"). The buyers are taken in row order: the fits group and sort the histories, so they do not
/// depend on the order (`BGNBDData`, `GammaGammaData`), and each prediction depends on its own
/// history only.
enum LifetimeStage {
    /// Fills `probabilityAlive` and `predictedCLV` with one value per table row (NaN for prospects,
    /// and for all rows unless the models were fitted), in their own storage when large enough.
    /// `scratch` lends its arrays' storage (see `LifetimeScratch`); what it holds on entry is not read.
    static func run(table: SnapshotTable, earliestPurchase: [Int32], settings: LifetimeValueSettings,
                    scratch: inout LifetimeScratch, probabilityAlive: inout [Double], predictedCLV: inout [Double]) -> LifetimeSummary {
        probabilityAlive.refill(.nan, count: table.count)
        predictedCLV.refill(.nan, count: table.count)
        // Taken out of the scratch so that they are uniquely held here, and put back when done.
        var historyRow = scratch.historyRow, grouping = scratch.grouping, triples = scratch.triples
        scratch = LifetimeScratch()
        defer { scratch = LifetimeScratch(historyRow: historyRow, grouping: grouping, triples: triples) }
        table.orders.withUnsafeBufferPointer { orders in historyRow.refill(positionsBelow: orders.count) { orders[$0] >= 1 } }
        guard !historyRow.isEmpty else { return .notComputed(reason: .noBuyer) }
        let fit: LifetimeValueFit
        do {
            // `historyRow` is shared with the histories until the estimate returns: taken back
            // after it, uniquely held, so that its storage is reused for the next snapshot.
            let histories = BuyerHistories(rows: historyRow, table: table, earliestPurchase: earliestPurchase, unit: settings.timeUnit.days)
            fit = try probabilityAlive.withUnsafeMutableBufferPointer { alive in
                try predictedCLV.withUnsafeMutableBufferPointer { clv in
                    try LifetimeValueEstimator.estimate(
                        histories, settings: settings, scratch: &grouping, grouped: { triples.group(histories, scratch: &$0) }
                    ) { i, value in
                        let row = Int(histories.rows[i])
                        alive[row] = value.probabilityAlive
                        clv[row] = value.predictedCLV
                    }
                }
            }
        } catch let error as LifetimeModelError {
            switch error {
            case .tooFewCustomers(let n): return .notComputed(reason: .tooFewBuyers(n))
            case .didNotConverge(let why): return .didNotConverge(reason: .didNotConverge(why))
            }
        } catch {
            return .didNotConverge(reason: .didNotConverge("\(error)"))
        }
        let gammaGammaReason: LifetimeModelReason? = fit.gammaGamma != nil ? nil : fit.gammaGammaError.map { error in
            switch error {
            case .tooFewCustomers(let n): return .tooFewRepeatBuyers(n)
            case .didNotConverge(let why): return .didNotConverge(why)
            }
        } ?? .notFitted
        return .fitted(LifetimeModelFigures(
            timeUnit: settings.timeUnit,
            r: fit.bgnbd.r, alpha: fit.bgnbd.alpha, a: fit.bgnbd.a, b: fit.bgnbd.b, logLikelihood: fit.bgnbd.logLikelihood,
            p: fit.gammaGamma?.p, q: fit.gammaGamma?.q, v: fit.gammaGamma?.v,
            gammaGammaExcluded: fit.gammaGammaExcluded,
            horizonMonths: settings.horizonMonths, monthlyDiscountRate: settings.monthlyDiscountRate,
            gammaGammaReason: gammaGammaReason))
    }
}
