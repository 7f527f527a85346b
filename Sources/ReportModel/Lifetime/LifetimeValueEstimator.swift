import Foundation

/// Predictive customer lifetime value per the spec: BG/NBD for purchases, Gamma-Gamma for spend.
public enum LifetimeValueEstimator {
    // MARK: - Estimation

    /// Fits both models and predicts, per customer, P(alive), the expected purchases over the
    /// horizon, the expected spend per purchase and
    /// CLV = Σ_{k=1..H} (E[X(T, T+k·month)] − E[X(T, T+(k−1)·month)]) · spend / (1 + d)^k,
    /// a month being 365.25/12 days in the settings' unit.
    ///
    /// The spend is the Gamma-Gamma conditional mean (the population mean for customers without
    /// repeat spend). When Gamma-Gamma cannot be used (too few repeat buyers, no convergence, or
    /// q <= 1 so that the population mean is infinite) `gammaGamma` is nil and the expected spend
    /// and predicted CLV are NaN for every customer (reported as missing: output.md, "never a made-up
    /// number"; a mean of the observed m stood in before), P(alive) and the expected purchases stay.
    /// Throws the BG/NBD fit's error.
    public static func estimate(_ histories: [PurchaseHistory], settings: LifetimeValueSettings) throws -> LifetimeValueFit {
        var customers: [CustomerLifetimeValue] = []
        customers.reserveCapacity(histories.count)
        var scratch = BGNBDScratch()
        var fit = try estimate(histories, settings: settings, scratch: &scratch) { _, value in customers.append(value) }
        fit.customers = customers
        return fit
    }

    /// The same estimation, handing each customer's figures to `body` (history index, figures) in
    /// history order instead of gathering them: the returned fit's `customers` is empty. (The CLV
    /// step writes them straight into the buyer table; the 32-byte-per-buyer array it replaced was
    /// mapped in afresh for every snapshot: 18 % of a 63-month-end ledger build's page faults.)
    /// The grouping and the per-triple results are built in storage lent by `scratch`.
    /// `histories` is any collection of them (`BuyerHistories` works each out from its table row).
    /// `grouped` may give their BG/NBD grouping, as `BGNBDData.init(_:scratch:)` would make it
    /// (`IncrementalTripleGrouping`); when it gives nil, they are grouped here.
    static func estimate<Histories: RandomAccessCollection<PurchaseHistory> & Sendable>(
        _ histories: Histories, settings: LifetimeValueSettings, scratch: inout BGNBDScratch,
        grouped: (inout BGNBDScratch) -> BGNBDData? = { _ in nil },
        perCustomer body: (Int, CustomerLifetimeValue) -> Void
    ) throws -> LifetimeValueFit where Histories.Index == Int {
        // The two fits are independent: Gamma-Gamma runs on a second thread while BG/NBD runs here
        // (it is about a third of the fitting time). Each is deterministic, so the figures do not change.
        // The BG/NBD grouping comes first, so that the two groupings' sort buffers are not alive together.
        let purchaseData = grouped(&scratch) ?? BGNBDData(histories, scratch: &scratch)
        let spendFit = GammaGammaFitTask(histories)
        let bgnbd: BGNBDParameters
        do { bgnbd = try BGNBDModel.fit(purchaseData) } catch { spendFit.wait(); throw error }
        var gammaGamma: GammaGammaParameters?
        var gammaGammaError: LifetimeModelError?
        switch spendFit.wait() {
        case .success(let fitted):
            if fitted.populationMeanSpend != nil {
                gammaGamma = fitted
            } else {
                gammaGammaError = .didNotConverge("q = \(fitted.q) <= 1: the population mean spend is infinite")
            }
        case .failure(let error):
            gammaGammaError = error
        }

        discountedPurchases(bgnbd, purchaseData, settings: settings, scratch: &scratch)
        // Each customer's triple results are gathered a block at a time in a loop of loads alone, so
        // that their cache misses overlap (the triples' results, 6 MB at 250 k triples, are read in
        // no order): read one customer at a time between calls of `body`, that load was 40 % of
        // this loop's time (perf annotate, 1 M × 12 build).
        let purchases = scratch.perTriple
        let tripleOf = purchaseData.historyTriple
        let block = 256
        withUnsafeTemporaryAllocation(of: (alive: Double, purchases: Double, discounted: Double).self, capacity: block) { gathered in
            purchases.withUnsafeBufferPointer { purchases in
                tripleOf.withUnsafeBufferPointer { tripleOf in
                    var start = 0
                    while start < histories.count {
                        let end = min(start + block, histories.count)
                        for i in start..<end { gathered[i - start] = purchases[Int(tripleOf[i])] }
                        for i in start..<end {
                            let h = histories[i]
                            let spend = gammaGamma.map { GammaGammaModel.expectedSpendWithoutBranch($0, h) } ?? .nan
                            let value = gathered[i - start]
                            body(i, CustomerLifetimeValue(
                                probabilityAlive: value.alive, expectedPurchases: value.purchases,
                                expectedSpend: spend, predictedCLV: spend * value.discounted))
                        }
                        start = end
                    }
                }
            }
        }
        scratch.reclaim(purchaseData)
        return LifetimeValueFit(
            bgnbd: bgnbd, gammaGamma: gammaGamma, gammaGammaExcluded: spendFit.excludedCount,
            settings: settings, customers: [], gammaGammaError: gammaGammaError)
    }

    // MARK: - Internal

    /// Per distinct (x, tx, T) of `data` (`data.tripleKeys`; history i has triple
    /// `data.historyTriple[i]`): P(alive), E[X] over the horizon, and Σ_k ΔE_k / (1 + d)^k, spread
    /// over the available cores, written to `scratch.perTriple`. (Expanded to one entry per history,
    /// it was a 10 MB array per ledger month end, written once and read once.)
    static func discountedPurchases(
        _ p: BGNBDParameters, _ data: BGNBDData, settings: LifetimeValueSettings, scratch: inout BGNBDScratch
    ) {
        let months = max(settings.horizonMonths, 0)
        let month = settings.timeUnit.monthLength
        var discount = [Double](repeating: 1, count: months + 1)
        for k in stride(from: 1, through: months, by: 1) {
            discount[k] = discount[k - 1] / (1 + settings.monthlyDiscountRate)
        }

        // The costly part, E[X(t) | alive], depends on (x, T) only: compute it once per distinct
        // pair (far fewer than triples: 100 k buyers → 12 k pairs on the sample data, which cut this
        // step from 0.12 s to 0.02 s per snapshot); P(alive) once per distinct triple (250 k triples
        // for 850 k buyers: per customer, it and the pair lookup were 8 % of a 1 M × 12 build).
        let triples = data.tripleKeys
        var index = TripleTable(expected: min(triples.count, 1 << 14))
        var pairOfTriple: [Int32] = []
        swap(&pairOfTriple, &scratch.pairOfTriple)
        defer { swap(&pairOfTriple, &scratch.pairOfTriple) }
        pairOfTriple.removeAll(keepingCapacityFor: triples.count)
        for key in triples { pairOfTriple.append(Int32(index.index(key.0, key.2, 0))) }
        let pairs = index.keys.map { (x: Double(bitPattern: $0.0), T: Double(bitPattern: $0.1)) }

        let count = pairs.count
        // Per pair: E[X(k months) | alive] − E[X((k−1) months) | alive], discounted and summed, and E over the horizon.
        let results = UnsafeMutableBufferPointer<(purchases: Double, discounted: Double)>.allocate(capacity: count)
        defer { results.deallocate() }
        let horizons = (0..<months).map { Double($0 + 1) * month }
        // Pairs lo..<hi, each chunk with its own series workspace and output block (no allocation per pair).
        let work: (Int, Int) -> Void = { lo, hi in
            let workspace = SeriesWorkspace(capacity: months)
            let expected = UnsafeMutablePointer<Double>.allocate(capacity: max(months, 1))
            defer { expected.deallocate() }
            horizons.withUnsafeBufferPointer { horizons in
                for j in lo..<hi {
                    let (x, T) = pairs[j]
                    if months > 0 {
                        BGNBDModel.expectedPurchasesIfAlive(
                            p, x: x, T: T, horizons: horizons.baseAddress!, count: months, into: expected, workspace: workspace)
                    }
                    var previous = 0.0
                    var discounted = 0.0
                    for k in stride(from: 1, through: months, by: 1) {
                        let current = expected[k - 1]
                        discounted += (current - previous) * discount[k]
                        previous = current
                    }
                    results[j] = (previous, discounted)
                }
            }
        }
        // Up to 64 chunks however few the pairs, which the cores take as they come free: a pair
        // costs a microsecond by the series, but far more where a fit on the a, b → ∞ ridge sends
        // it to the quadrature (a ledger's first month ends). With one chunk below 4,096 pairs,
        // those month ends ran on one core: the 1 M-customer sample ledger's build spent about
        // 0.3 s so with the other core idle. On a single core (`AvailableCores`), one chunk.
        let chunks = AvailableCores.count > 1 ? min(count, 64) : 1
        if chunks <= 1 {
            work(0, count)
        } else {
            nonisolated(unsafe) let run = work
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                run(c * count / chunks, (c + 1) * count / chunks)
            }
        }
        var perTriple: [(alive: Double, purchases: Double, discounted: Double)] = []
        swap(&perTriple, &scratch.perTriple)
        defer { swap(&perTriple, &scratch.perTriple) }
        perTriple.removeAll(keepingCapacityFor: triples.count)
        // The triples come in x order: the x-only part of P(alive) is computed once per x.
        var countTermX = UInt64.max, countTerm = 0.0
        for (t, key) in triples.enumerated() {
            let x = Double(bitPattern: key.0)
            var alive = 1.0
            if x > 0 {
                if key.0 != countTermX { countTerm = BGNBDModel.aliveCountTerm(p, x: x); countTermX = key.0 }
                alive = BGNBDModel.probabilityAlive(p, x: x, tx: Double(bitPattern: key.1), T: Double(bitPattern: key.2), countTerm: countTerm)
            }
            let r = results[Int(pairOfTriple[t])]
            perTriple.append((alive, alive * r.purchases, alive * r.discounted))
        }
    }
}
