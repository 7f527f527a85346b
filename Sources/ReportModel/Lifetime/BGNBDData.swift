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

    /// Number of distinct (x, tx, T) triples.
    var distinctTriples: Int { zeroAge.count + entryWeight.count }

    /// The distinct triples as bit patterns of (x, tx, T), in first-seen order, and per input history
    /// the index of its triple: predictions depend on the triple only, so they are computed once per
    /// triple (empty for data not built from histories, such as a survey sample).
    var tripleKeys: [(UInt64, UInt64, UInt64)] = []
    var historyTriple: [Int32] = []

    // MARK: - Building

    /// Groups the histories: identical triples are counted in a hash table, then the distinct
    /// triples are sorted, so that every sum runs in a fixed order and a fit is bit-for-bit
    /// reproducible whatever the input order. (Sorting all 1 M customers' keys and hashing each
    /// into two `Set`s cost more than the fit itself.)
    init(_ histories: [PurchaseHistory]) {
        customers = histories.count
        // Non-negative doubles sort like their bit patterns (+0.0 only: the triple is sanitised).
        var table = TripleTable(expected: min(histories.count, 1 << 16))
        historyTriple = [Int32](repeating: 0, count: histories.count)
        for (i, h) in histories.enumerated() {
            let m = h.modelTriple
            historyTriple[i] = Int32(table.index((m.x + 0).bitPattern, (m.tx + 0).bitPattern, (m.T + 0).bitPattern))
        }
        let weights = table.counts
        let keys = table.keys
        tripleKeys = keys
        // Distinct x, tx (repeat buyers only) and T values, each ranked by a small hash table and a
        // sort of its few distinct values; the triples are then ordered by their packed ranks, which
        // is their order by value. (Sorting 250 k triples through an index comparator, sorting every
        // triple's T and tx, and two binary searches per triple took 100 ms per 1 M-customer snapshot.)
        let x = ValueRanks(keys.map(\.0), where: nil)
        let tx = ValueRanks(keys.map(\.1), where: keys.map { $0.0 != 0 })
        let age = ValueRanks(keys.map(\.2), where: nil)
        ages = age.distinct.map(Double.init(bitPattern:))
        recencies = tx.distinct.map(Double.init(bitPattern:))
        let txBits = tx.bitWidth, ageBits = age.bitWidth
        let order: [Int]
        let indexBits = max(1, Int.bitWidth - keys.count.leadingZeroBitCount)
        let keyBits = x.bitWidth + txBits + ageBits
        if keyBits + indexBits <= 64 {
            // Ranks and the triple's index in one word, ordered by a radix sort (the ranks are unique).
            var packed = keys.indices.map { k in
                (UInt64(x.rank[k]) << (txBits + ageBits) | UInt64(max(tx.rank[k], 0)) << ageBits | UInt64(age.rank[k])) << indexBits | UInt64(k)
            }
            RadixSort.sort(&packed, bits: keyBits + indexBits)
            let indexMask = UInt64(1) << indexBits - 1
            order = packed.map { Int($0 & indexMask) }
        } else {
            // Too many distinct values to pack (never seen in practice): the same order by comparison.
            order = keys.indices.sorted { keys[$0] < keys[$1] }
        }

        for k in order {
            let weight = Double(weights[k])
            let count = Double(bitPattern: keys[k].0)
            let ageIndex = age.rank[k]
            totalRepeats += count * weight
            totalAge += ages[Int(ageIndex)] * weight
            if keys[k].0 == 0 {
                zeroAge.append(ageIndex)
                zeroWeight.append(weight)
            } else {
                repeatBuyers += weights[k]
                if counts.last.map({ $0.bitPattern != keys[k].0 }) ?? true {
                    if !counts.isEmpty { groupStart.append(entryWeight.count) }
                    counts.append(count)
                    countWeight.append(0)
                }
                countWeight[countWeight.count - 1] += weight
                entryRecency.append(tx.rank[k])
                entryAge.append(ageIndex)
                entryWeight.append(weight)
            }
        }
        if !counts.isEmpty { groupStart.append(entryWeight.count) }
    }

    // MARK: - Likelihood

    /// Total log-likelihood and its gradient with respect to (r, α, a, b).
    func logLikelihood(r: Double, alpha: Double, a: Double, b: Double, wantGradient: Bool = true)
        -> (value: Double, gradient: [Double])
    {
        let logAlpha = log(alpha)
        var logAge = [Double](repeating: 0, count: ages.count)
        var invAge = [Double](repeating: 0, count: ages.count)
        for (i, t) in ages.enumerated() {
            logAge[i] = log(alpha + t)
            invAge[i] = 1 / (alpha + t)
        }
        var logRecency = [Double](repeating: 0, count: recencies.count)
        var invRecency = [Double](repeating: 0, count: recencies.count)
        for (i, t) in recencies.enumerated() {
            logRecency[i] = log(alpha + t)
            invRecency[i] = 1 / (alpha + t)
        }

        var ll = 0.0
        var dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0

        // x = 0: log L = r log α − r log(α + T).
        var zeroW = 0.0, zeroLog = 0.0, zeroInv = 0.0
        for (i, w) in zeroWeight.enumerated() {
            let j = Int(zeroAge[i])
            zeroW += w
            zeroLog += w * logAge[j]
            zeroInv += w * invAge[j]
        }
        ll += r * (zeroW * logAlpha - zeroLog)
        dr += zeroW * logAlpha - zeroLog
        dAlpha += r * (zeroW / alpha - zeroInv)

        // x > 0.
        let lgR = LifetimeMath.logGamma(r), lgB = LifetimeMath.logGamma(b)
        let lgAB = LifetimeMath.logGamma(a + b)
        let psiR = wantGradient ? LifetimeMath.digamma(r) : 0
        let psiB = wantGradient ? LifetimeMath.digamma(b) : 0
        let psiAB = wantGradient ? LifetimeMath.digamma(a + b) : 0
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
            let c4 = logA - log(bx1)
            var sumLSE = 0.0, sumLog = 0.0, sumInv = 0.0, sumW4 = 0.0
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
                }
            }
            ll += sumLSE
            dr -= sumLog
            dAlpha -= k * sumInv
            da += sumW4 / a
            db -= sumW4 / bx1
        }
        return (ll, [dr, dAlpha, da, db])
    }

    /// Mean negative log-likelihood per customer over θ = log(r, α, a, b), with its gradient.
    func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) {
        let p = theta.map { exp($0) }
        let (ll, g) = logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3])
        let n = Double(max(customers, 1))
        return (-ll / n, (0..<4).map { -g[$0] * p[$0] / n })
    }
}
