import Foundation

/// Customers grouped for the BG/NBD likelihood (internal): identical (x, tx, T) triples are
/// counted once, and the distinct x, tx and T values are kept in tables so that one evaluation
/// costs a few gamma functions per distinct x, a logarithm per distinct tx and T and one
/// exponential per distinct triple.
struct BGNBDData: Sendable {
    // MARK: - Tables

    /// Distinct T values.
    var ages: [Double] = []
    /// Distinct tx values among repeat buyers.
    var recencies: [Double] = []
    /// Customers with x = 0: index into `ages` and count.
    var zeroAge: [Int32] = []
    var zeroWeight: [Double] = []
    /// Distinct x > 0 values, with the range of their entries in the entry arrays.
    var counts: [Double] = []
    var countWeight: [Double] = []
    var groupStart: [Int] = [0]
    /// Entries for x > 0: indices into `recencies` and `ages`, and the number of customers.
    var entryRecency: [Int32] = []
    var entryAge: [Int32] = []
    var entryWeight: [Double] = []
    /// Number of customers.
    var customers: Int = 0
    /// Number of customers with x > 0.
    var repeatBuyers: Int = 0
    /// Sum of x over customers, and of T.
    var totalRepeats: Double = 0
    var totalAge: Double = 0

    /// Mean age per repeat purchase: the scale of 1/λ, for the fits' starting points.
    var rateScale: Double { max(totalAge, 1.0e-9) / max(totalRepeats, 1) }

    /// log(α + t) and 1/(α + t) for every distinct T (`ages`) and tx (`recencies`): the per-value
    /// terms each likelihood evaluation reads by index.
    func ageTerms(alpha: Double) -> (logAge: [Double], invAge: [Double], logRecency: [Double], invRecency: [Double]) {
        (ages.map { log(alpha + $0) }, ages.map { 1 / (alpha + $0) },
         recencies.map { log(alpha + $0) }, recencies.map { 1 / (alpha + $0) })
    }

    /// Number of distinct (x, tx, T) triples.
    var distinctTriples: Int { zeroAge.count + entryWeight.count }

    /// The distinct triples as bit patterns of (x, tx, T), in ascending order, and per input history
    /// the index of its triple: predictions depend on the triple only, so they are computed once per
    /// triple (empty for data not built from histories, such as a survey sample).
    var tripleKeys: [(UInt64, UInt64, UInt64)] = []
    var historyTriple: [Int32] = []

    // MARK: - Building

    /// Groups the histories in (x, tx, T) order, so that every sum runs in a fixed order and a fit is
    /// bit-for-bit reproducible whatever the input order. The few distinct x, tx (repeat buyers only)
    /// and T values are ranked through small hash tables that stay in cache; each customer's three
    /// ranks and its index are packed in one word and radix-sorted, and runs of equal ranks are the
    /// distinct triples, read back from the ranks. (Counting the triples in a hash table of all of
    /// them missed the cache on nearly every customer: a 428 k-buyer ledger month end with 170 k
    /// distinct triples took 68 ms, 44–51 ms this way; a 848 k-buyer snapshot with 250 k triples
    /// takes 85–110 ms either way, mostly the five sorting passes.)
    /// `wordBits` (tests only) lowers the width the ranks and index must fit to take the radix sort.
    init(_ histories: [PurchaseHistory], wordBits: Int = 64) {
        var scratch = BGNBDScratch()
        self.init(histories, scratch: &scratch, wordBits: wordBits)
    }

    /// The same grouping in storage lent by `scratch` (see `BGNBDScratch`): its sort buffers are
    /// used and handed back, and `historyTriple` and `tripleKeys` are built in its arrays' storage.
    init<Histories: RandomAccessCollection<PurchaseHistory>>(_ histories: Histories, scratch: inout BGNBDScratch, wordBits: Int = 64) where Histories.Index == Int {
        customers = histories.count
        swap(&historyTriple, &scratch.historyTriple)
        historyTriple.refill(0, count: histories.count)
        swap(&tripleKeys, &scratch.tripleKeys)
        // Non-negative doubles sort like their bit patterns (+0.0 only: the triple is sanitised).
        var xTable = ValueRankTable(), txTable = ValueRankTable(), ageTable = ValueRankTable()
        var order: [Int32] = [], sortedKeys: [UInt64] = [], sortSpare: [UInt64] = []
        swap(&order, &scratch.order)
        swap(&sortedKeys, &scratch.sortKeys)
        swap(&sortSpare, &scratch.sortSpare)
        defer {
            swap(&order, &scratch.order)
            swap(&sortedKeys, &scratch.sortKeys)
            swap(&sortSpare, &scratch.sortSpare)
        }
        // One pass over the histories: each value's insertion id in its table, the three ids of a
        // history kept in its key word (21 bits each; tx id + 1, 0 where x = 0), turned into ranks
        // below by three array loads. (A second pass that read every history's triple again and
        // looked its three values up in the tables: a fifth of this grouping's instructions.)
        let idBits: UInt64 = 21, idLimit = 1 << 21 - 1
        sortedKeys.refill(0, count: histories.count)
        sortedKeys.withUnsafeMutableBufferPointer { keys in
            for i in histories.indices {
                let h = histories[i]
                let m = h.modelTriple
                let x = xTable.insertionID(of: (m.x + 0).bitPattern)
                let tx = m.x != 0 ? txTable.insertionID(of: (m.tx + 0).bitPattern) &+ 1 : 0
                let age = ageTable.insertionID(of: (m.T + 0).bitPattern)
                keys[i] = UInt64(UInt32(bitPattern: x)) << (2 * idBits) | UInt64(UInt32(bitPattern: tx)) << idBits | UInt64(UInt32(bitPattern: age))
            }
        }
        let xValues = xTable.assignRanks()
        let txValues = txTable.assignRanks()
        let ageValues = ageTable.assignRanks()
        recencies = txValues.map(Double.init(bitPattern:))
        ages = ageValues.map(Double.init(bitPattern:))
        let txBits = txTable.bitWidth, ageBits = ageTable.bitWidth
        let keyBits = xTable.bitWidth + txBits + ageBits
        let indexBits = max(1, Int.bitWidth - histories.count.leadingZeroBitCount)

        // Customers in (x, tx, T) order, and per position a key equal for equal triples: the packed
        // ranks, or (when the ranks and the index do not fit one word together: millions of customers
        // with as many distinct values, never seen with whole days) a triple number in `tripleRanks`.
        var tripleRanks: [(x: Int32, tx: Int32, age: Int32)] = []
        let idsFit = xTable.count <= idLimit && txTable.count < idLimit && ageTable.count <= idLimit
        let packs = keyBits + indexBits <= wordBits && idsFit
        if packs {
            let indexMask = UInt64(1) << indexBits - 1
            let xRanks = xTable.ranksByInsertionID(), txRanks = [0] + txTable.ranksByInsertionID(), ageRanks = ageTable.ranksByInsertionID()
            let idMask = UInt64(1) << idBits - 1
            sortedKeys.withUnsafeMutableBufferPointer { keys in
                xRanks.withUnsafeBufferPointer { xRanks in
                    txRanks.withUnsafeBufferPointer { txRanks in
                        ageRanks.withUnsafeBufferPointer { ageRanks in
                            for i in keys.indices {
                                let ids = keys[i]
                                let x = UInt64(xRanks[Int(ids >> (2 * idBits))])
                                let tx = UInt64(txRanks[Int(ids >> idBits & idMask)])
                                let age = UInt64(ageRanks[Int(ids & idMask)])
                                keys[i] = (x << (txBits + ageBits) | tx << ageBits | age) << indexBits | UInt64(i)
                            }
                        }
                    }
                }
            }
            RadixSort.sort(&sortedKeys, bits: keyBits + indexBits, sortedBelow: indexBits, scratch: &sortSpare)
            order.removeAll(keepingCapacityFor: sortedKeys.count)
            for key in sortedKeys { order.append(Int32(truncatingIfNeeded: key & indexMask)) }
            for i in sortedKeys.indices { sortedKeys[i] >>= indexBits }
        } else {
            let ranks = histories.map { BGNBDData.ranks($0, xTable, txTable, ageTable) }
            order = histories.indices.map(Int32.init).sorted {
                let a = ranks[Int($0)], b = ranks[Int($1)]
                return (a.x, a.tx, a.age, $0) < (b.x, b.tx, b.age, $1)
            }
            sortedKeys = order.map { i in
                let r = ranks[Int(i)]
                if let last = tripleRanks.last, last == r { return UInt64(tripleRanks.count - 1) }
                tripleRanks.append(r)
                return UInt64(tripleRanks.count - 1)
            }
        }

        // Runs of equal keys are the distinct triples: counted first, so that the per-triple arrays
        // are allocated once at their size (grown by doubling, each size was mapped in anew).
        var distinct = 0
        for i in sortedKeys.indices where i == 0 || sortedKeys[i] != sortedKeys[i - 1] { distinct += 1 }
        tripleKeys.removeAll(keepingCapacityFor: distinct)
        entryRecency.reserveCapacity(distinct)
        entryAge.reserveCapacity(distinct)
        entryWeight.reserveCapacity(distinct)
        let ageMask = UInt64(1) << ageBits - 1, txMask = UInt64(1) << txBits - 1
        var start = 0
        while start < order.count {
            let packed = sortedKeys[start]
            var end = start + 1
            while end < order.count, sortedKeys[end] == packed { end += 1 }
            let ageIndex = packs ? Int32(packed & ageMask) : tripleRanks[Int(packed)].age
            let txIndex = packs ? Int32(packed >> ageBits & txMask) : tripleRanks[Int(packed)].tx
            let xBits = xValues[Int(packs ? Int32(packed >> (ageBits + txBits)) : tripleRanks[Int(packed)].x)]
            let triple = Int32(tripleKeys.count)
            for k in start..<end { historyTriple[Int(order[k])] = triple }
            appendTriple(count: Double(bitPattern: xBits), recency: txIndex, age: ageIndex, weight: Double(end - start))
            start = end
        }
        if !counts.isEmpty { groupStart.append(entryWeight.count) }
    }

    /// Adds the next distinct triple, in (x, tx, T) order, to the tables: its x (a whole count), the
    /// ranks of its tx and T in `recencies` and `ages` (tx's not read when x = 0) and its number of
    /// customers. The last x's group is closed by appending `entryWeight.count` to `groupStart`.
    @inline(__always)
    mutating func appendTriple(count: Double, recency: Int32, age: Int32, weight: Double) {
        tripleKeys.append((count.bitPattern, count == 0 ? 0 : recencies[Int(recency)].bitPattern, ages[Int(age)].bitPattern))
        totalRepeats += count * weight
        totalAge += ages[Int(age)] * weight
        guard count != 0 else {
            zeroAge.append(age)
            zeroWeight.append(weight)
            return
        }
        repeatBuyers += Int(weight)
        if counts.last.map({ $0 != count }) ?? true {
            if !counts.isEmpty { groupStart.append(entryWeight.count) }
            counts.append(count)
            countWeight.append(0)
        }
        countWeight[countWeight.count - 1] += weight
        entryRecency.append(recency)
        entryAge.append(age)
        entryWeight.append(weight)
    }

    /// A history's ranks among the distinct x, tx and T values (tx rank 0 when x = 0).
    @inline(__always)
    private static func ranks(
        _ h: PurchaseHistory, _ xTable: borrowing ValueRankTable, _ txTable: borrowing ValueRankTable,
        _ ageTable: borrowing ValueRankTable
    ) -> (x: Int32, tx: Int32, age: Int32) {
        let m = h.modelTriple
        return (xTable.rank(of: (m.x + 0).bitPattern),
                m.x != 0 ? txTable.rank(of: (m.tx + 0).bitPattern) : 0,
                ageTable.rank(of: (m.T + 0).bitPattern))
    }

    // MARK: - Likelihood

    /// Total log-likelihood and its gradient with respect to (r, α, a, b).
    func logLikelihood(r: Double, alpha: Double, a: Double, b: Double, wantGradient: Bool = true)
        -> (value: Double, gradient: [Double])
    {
        let d = derivatives(r: r, alpha: alpha, a: a, b: b, order: wantGradient ? 1 : 0)
        return (d.value, d.gradient)
    }

    /// Total log-likelihood with, up to `order` (0, 1 or 2), its gradient and its Hessian (row-major
    /// 4 × 4, empty below order 2) with respect to (r, α, a, b). Per triple, with L = log(e^a3 + e^a4),
    /// a3 = −k log(α+T), a4 = log a − log(b+x−1) − k log(α+tx), k = r + x and the shares w3, w4 of
    /// the two terms: ∇L = w3∇a3 + w4∇a4 and ∇²L = w3∇²a3 + w4∇²a4 + w3w4 (∇a4 − ∇a3)(∇a4 − ∇a3)ᵀ.
    /// The Hessian reuses the exponentials and logarithms of the value: one pass instead of the
    /// four gradient evaluations of a finite-difference Hessian.
    func derivatives(r: Double, alpha: Double, a: Double, b: Double, order: Int)
        -> (value: Double, gradient: [Double], hessian: [Double])
    {
        let wantGradient = order >= 1, wantHessian = order >= 2
        let logAlpha = log(alpha)
        let (logAge, invAge, logRecency, invRecency) = ageTerms(alpha: alpha)

        var ll = 0.0
        var dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0
        // Hessian entries over (r, α, a, b), upper triangle (hRA: r and a; hAlphaA: α and a).
        var hRR = 0.0, hRAlpha = 0.0, hRA = 0.0, hRB = 0.0, hAlphaAlpha = 0.0, hAlphaA = 0.0, hAlphaB = 0.0
        var hAA = 0.0, hAB = 0.0, hBB = 0.0

        // x = 0: log L = r log α − r log(α + T).
        var zeroW = 0.0, zeroLog = 0.0, zeroInv = 0.0, zeroInv2 = 0.0
        for (i, w) in zeroWeight.enumerated() {
            let j = Int(zeroAge[i])
            zeroW += w
            zeroLog += w * logAge[j]
            zeroInv += w * invAge[j]
            if wantHessian { zeroInv2 += w * invAge[j] * invAge[j] }
        }
        ll += r * (zeroW * logAlpha - zeroLog)
        dr += zeroW * logAlpha - zeroLog
        dAlpha += r * (zeroW / alpha - zeroInv)
        if wantHessian {
            hRAlpha += zeroW / alpha - zeroInv
            hAlphaAlpha += r * (zeroInv2 - zeroW / (alpha * alpha))
        }

        // x > 0.
        let lgR = LifetimeMath.logGamma(r), lgB = LifetimeMath.logGamma(b)
        let lgAB = LifetimeMath.logGamma(a + b)
        let psiR = wantGradient ? LifetimeMath.digamma(r) : 0
        let psiB = wantGradient ? LifetimeMath.digamma(b) : 0
        let psiAB = wantGradient ? LifetimeMath.digamma(a + b) : 0
        let triR = wantHessian ? LifetimeMath.trigamma(r) : 0
        let triB = wantHessian ? LifetimeMath.trigamma(b) : 0
        let triAB = wantHessian ? LifetimeMath.trigamma(a + b) : 0
        let logA = log(a)
        for (group, x) in counts.enumerated() {
            let wx = countWeight[group]
            let k = r + x
            let constant = LifetimeMath.logGamma(k) - lgR + r * logAlpha
                + lgAB + LifetimeMath.logGamma(b + x) - lgB - LifetimeMath.logGamma(a + b + x)
            ll += wx * constant
            if wantGradient {
                let psiABX = LifetimeMath.digamma(a + b + x)
                dr += wx * (LifetimeMath.digamma(k) - psiR + logAlpha)
                dAlpha += wx * r / alpha
                da += wx * (psiAB - psiABX)
                db += wx * (psiAB + LifetimeMath.digamma(b + x) - psiB - psiABX)
            }
            let bx1 = b + x - 1
            if wantHessian {
                let triABX = LifetimeMath.trigamma(a + b + x)
                hRR += wx * (LifetimeMath.trigamma(k) - triR)
                hRAlpha += wx / alpha
                hAlphaAlpha -= wx * r / (alpha * alpha)
                hAA += wx * (triAB - triABX)
                hAB += wx * (triAB - triABX)
                hBB += wx * (triAB + LifetimeMath.trigamma(b + x) - triB - triABX)
            }
            let c4 = logA - log(bx1)
            var sumLSE = 0.0, sumLog = 0.0, sumInv = 0.0, sumW4 = 0.0
            // Σ w·w3·w4 times 1, D1, D2, D1², D1·D2, D2² (D1 = log(α+T) − log(α+tx), D2 = 1/(α+T) − 1/(α+tx)),
            // and Σ w (w3/(α+T)² + w4/(α+tx)²).
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s11 = 0.0, s12 = 0.0, s22 = 0.0, sumInv2 = 0.0
            for e in groupStart[group]..<groupStart[group + 1] {
                let w = entryWeight[e]
                let ja = Int(entryAge[e]), jr = Int(entryRecency[e])
                let a3 = -k * logAge[ja]
                let a4 = c4 - k * logRecency[jr]
                // log(e^a3 + e^a4) and the share w4 = e^a4 / (e^a3 + e^a4).
                let w4: Double
                let lse: Double
                if a3 >= a4 {
                    let q = exp(a4 - a3)
                    lse = a3 + log1p(q)
                    w4 = q / (1 + q)
                } else {
                    let q = exp(a3 - a4)
                    lse = a4 + log1p(q)
                    w4 = 1 / (1 + q)
                }
                sumLSE += w * lse
                if wantGradient {
                    let w3 = 1 - w4
                    sumLog += w * (w3 * logAge[ja] + w4 * logRecency[jr])
                    sumInv += w * (w3 * invAge[ja] + w4 * invRecency[jr])
                    sumW4 += w * w4
                    if wantHessian {
                        let v = w * w3 * w4
                        let d1 = logAge[ja] - logRecency[jr], d2 = invAge[ja] - invRecency[jr]
                        s0 += v
                        s1 += v * d1
                        s2 += v * d2
                        s11 += v * d1 * d1
                        s12 += v * d1 * d2
                        s22 += v * d2 * d2
                        sumInv2 += w * (w3 * invAge[ja] * invAge[ja] + w4 * invRecency[jr] * invRecency[jr])
                    }
                }
            }
            ll += sumLSE
            dr -= sumLog
            dAlpha -= k * sumInv
            da += sumW4 / a
            db -= sumW4 / bx1
            if wantHessian {
                // ∇a4 − ∇a3 = (D1, k·D2, 1/a, −1/(b+x−1)).
                hRR += s11
                hRAlpha += k * s12 - sumInv
                hAlphaAlpha += k * k * s22 + k * sumInv2
                hRA += s1 / a
                hRB -= s1 / bx1
                hAlphaA += k * s2 / a
                hAlphaB -= k * s2 / bx1
                hAA += s0 / (a * a) - sumW4 / (a * a)
                hAB -= s0 / (a * bx1)
                hBB += s0 / (bx1 * bx1) + sumW4 / (bx1 * bx1)
            }
        }
        let hessian = wantHessian
            ? [hRR, hRAlpha, hRA, hRB,
               hRAlpha, hAlphaAlpha, hAlphaA, hAlphaB,
               hRA, hAlphaA, hAA, hAB,
               hRB, hAlphaB, hAB, hBB]
            : []
        return (ll, [dr, dAlpha, da, db], hessian)
    }

    /// Mean negative log-likelihood per customer over θ = log(r, α, a, b), with its gradient.
    func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) { objective(theta, memo: nil) }

    /// `objective`, telling `memo` the log-likelihood at the parameters.
    func objective(_ theta: [Double], memo: LogLikelihoodMemo?) -> (value: Double, gradient: [Double]) {
        let p = theta.map { exp($0) }
        let (ll, g) = logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3])
        memo?.remember(p, ll)
        return MaximumLikelihoodFit.logParameterObjective(ll, gradient: g, parameters: p, customers: customers)
    }

    /// The Hessian of `objective` at θ (row-major 4 × 4).
    func objectiveHessian(_ theta: [Double]) -> [Double] { objectiveWithHessian(theta).hessian }

    /// `objective` with its Hessian (row-major 4 × 4), in one pass over the data.
    func objectiveWithHessian(_ theta: [Double]) -> LifetimeOptimizer.SecondOrder { objectiveWithHessian(theta, memo: nil) }

    /// `objectiveWithHessian`, telling `memo` the log-likelihood at the parameters.
    func objectiveWithHessian(_ theta: [Double], memo: LogLikelihoodMemo?) -> LifetimeOptimizer.SecondOrder {
        let p = theta.map { exp($0) }
        let d = derivatives(r: p[0], alpha: p[1], a: p[2], b: p[3], order: 2)
        memo?.remember(p, d.value)
        let f = MaximumLikelihoodFit.logParameterObjective(d.value, gradient: d.gradient, parameters: p, customers: customers)
        return (f.value, f.gradient, MaximumLikelihoodFit.logParameterHessian(d.hessian, gradient: d.gradient, parameters: p, customers: customers))
    }
}
