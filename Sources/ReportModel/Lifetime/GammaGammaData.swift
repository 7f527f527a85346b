import Foundation

/// Repeat buyers grouped for the Gamma-Gamma likelihood (internal): identical (x, m) pairs are
/// counted once and the gamma functions are evaluated once per distinct x.
struct GammaGammaData: Sendable {
    // MARK: - Tables

    /// Distinct x values with their total weight, Σ w·log m, and their entry range.
    var counts: [Double] = []
    var countWeight: [Double] = []
    var countLogSpend: [Double] = []
    var groupStart: [Int] = [0]
    /// Per distinct (x, m): m·x and the number of customers.
    var entryTotal: [Double] = []
    var entryWeight: [Double] = []
    /// Customers used, and left out (x = 0 or m <= 0 or not finite).
    var customers: Int = 0
    var excluded: Int = 0
    /// Weighted mean of m over the customers used.
    var meanSpend: Double = 0

    // MARK: - Building

    /// Whether a history enters the Gamma-Gamma fit: x > 0 and a finite m > 0.
    static func isEligible(_ h: PurchaseHistory) -> Bool {
        isEligible(x: h.modelTriple.x, m: h.meanRepeatSpend)
    }

    /// `isEligible` of a history's x and m, its three tests taken as bits (`&&` was compiled into
    /// branches, mispredicted on buyers who bought again or not at random).
    @inline(__always)
    static func isEligible(x: Double, m: Double) -> Bool {
        (x > 0).bit & (m > 0).bit & m.isFinite.bit != 0
    }

    /// Groups the eligible histories in (x, m) order, so sums run in a fixed order whatever the
    /// input order. The few distinct x are ranked through a hash table, the customers bucketed by x,
    /// and each bucket's m sorted as bit patterns (positive doubles order like them), by radix sort
    /// beyond a few hundred: a comparator sort of 400 k (x, m) tuples was 40 ms per 1 M-customer
    /// snapshot, sorting each bucket's bit patterns 18–35 ms of which about half went to the sort.
    init<Histories: Collection<PurchaseHistory>>(_ histories: Histories) {
        // The eligible histories' x and m, written at the next free place whatever the history and
        // kept by moving that place on only when it is eligible: no branch per history (whether a
        // buyer bought again falls either way from one row to the next) and no append. (This loop's
        // time is now mostly the two divisions that make m. Writing every history in place first
        // and moving the eligible ones down in a second pass, to take the divisions off the chain
        // of free places, was slower.)
        let count = histories.count
        var eligible = 0
        var mBits: [UInt64] = []
        var xBits = [UInt64](unsafeUninitializedCapacity: count) { xOut, xCount in
            mBits = [UInt64](unsafeUninitializedCapacity: count) { mOut, mCount in
                var n = 0
                for h in histories where n < count {
                    let x = h.modelTriple.x, m = h.meanRepeatSpend
                    xOut[n] = x.bitPattern
                    mOut[n] = m.bitPattern
                    n &+= GammaGammaData.isEligible(x: x, m: m).bit
                }
                mCount = n
            }
            eligible = mBits.count
            xCount = eligible
        }
        customers = eligible
        excluded = count - eligible
        let x = ValueRanks(xBits, where: nil)
        xBits = []
        // Bucketed by x through buffers (an array element written per customer was a uniqueness
        // check each time).
        var bucketStart = [Int](repeating: 0, count: x.distinct.count + 1)
        var spends = [UInt64](repeating: 0, count: mBits.count)
        bucketStart.withUnsafeMutableBufferPointer { start in
            x.rank.withUnsafeBufferPointer { rank in
                for r in rank { start[Int(r) + 1] += 1 }
                for b in x.distinct.indices { start[b + 1] += start[b] }
                var next = Array(start)
                next.withUnsafeMutableBufferPointer { next in
                    spends.withUnsafeMutableBufferPointer { spends in
                        mBits.withUnsafeBufferPointer { mBits in
                            for i in 0..<rank.count {
                                let r = Int(rank[i])
                                spends[next[r]] = mBits[i]
                                next[r] += 1
                            }
                        }
                    }
                }
            }
        }
        mBits = []

        var spendSum = 0.0
        for (b, xValue) in x.distinct.enumerated() {
            let bucket = bucketStart[b]..<bucketStart[b + 1]
            if bucket.count > 256 {
                var sorted = Array(spends[bucket])
                RadixSort.sort(&sorted, bits: 64)
                spends.replaceSubrange(bucket, with: sorted)
            } else {
                spends[bucket].sort()
            }
            let x = Double(bitPattern: xValue)
            if b > 0 { groupStart.append(entryWeight.count) }
            counts.append(x)
            // (Summed here and stored once: the same additions in the same order as adding to the
            // arrays' last elements, without their uniqueness checks.)
            var weightOfX = 0.0, logSpendOfX = 0.0
            spends.withUnsafeBufferPointer { spends in
                var i = bucket.lowerBound
                while i < bucket.upperBound {
                    var j = i + 1
                    while j < bucket.upperBound, spends[j] == spends[i] { j += 1 }
                    let m = Double(bitPattern: spends[i])
                    let weight = Double(j - i)
                    spendSum += weight * m
                    weightOfX += weight
                    logSpendOfX += weight * log(m)
                    entryTotal.append(m * x)
                    entryWeight.append(weight)
                    i = j
                }
            }
            countWeight.append(weightOfX)
            countLogSpend.append(logSpendOfX)
        }
        if !counts.isEmpty { groupStart.append(entryWeight.count) }
        meanSpend = customers > 0 ? spendSum / Double(customers) : 0
    }

    /// The mean spend m every customer shares, when all of them have the same one (to 1e-9 relative:
    /// a single price, whatever the rounding of revenue / orders); nil otherwise or without customers.
    var commonSpend: Double? {
        guard customers > 0 else { return nil }
        var lowest = Double.infinity, highest = -Double.infinity
        for group in counts.indices {
            let x = counts[group]
            for e in groupStart[group]..<groupStart[group + 1] {
                let m = entryTotal[e] / x
                lowest = min(lowest, m)
                highest = max(highest, m)
            }
        }
        return highest - lowest <= 1.0e-9 * highest ? meanSpend : nil
    }

    // MARK: - Likelihood

    /// Total log-likelihood (Fader & Hardie 2013, eq. 3 for the mean m of x transactions) and its
    /// gradient in (p, q, v):
    /// log L = log Γ(px+q) − log Γ(px) − log Γ(q) + q log v + (px−1) log m + px log x − (px+q) log(v + m x).
    func logLikelihood(p: Double, q: Double, v: Double, wantGradient: Bool = true) -> (value: Double, gradient: [Double]) {
        let d = derivatives(p: p, q: q, v: v, order: wantGradient ? 1 : 0)
        return (d.value, d.gradient)
    }

    /// Total log-likelihood with, up to `order` (0, 1 or 2), its gradient and its Hessian (row-major
    /// 3 × 3, empty below order 2) with respect to (p, q, v); the Hessian needs one more sum per
    /// x group, Σ w / (v + x·m)², and trigamma values per x.
    func derivatives(p: Double, q: Double, v: Double, order: Int) -> (value: Double, gradient: [Double], hessian: [Double]) {
        let wantGradient = order >= 1, wantHessian = order >= 2
        let logV = log(v)
        let lgQ = LifetimeMath.logGamma(q)
        let psiQ = wantGradient ? LifetimeMath.digamma(q) : 0
        let triQ = wantHessian ? LifetimeMath.trigamma(q) : 0
        var ll = 0.0, dp = 0.0, dq = 0.0, dv = 0.0
        var hpp = 0.0, hpq = 0.0, hpv = 0.0, hqq = 0.0, hqv = 0.0, hvv = 0.0
        for (group, x) in counts.enumerated() {
            let w = countWeight[group]
            let px = p * x
            let logX = log(x)
            ll += w * (LifetimeMath.logGamma(px + q) - LifetimeMath.logGamma(px) - lgQ + q * logV + px * logX)
                + (px - 1) * countLogSpend[group]
            var sumLog = 0.0, sumInv = 0.0, sumInv2 = 0.0
            for e in groupStart[group]..<groupStart[group + 1] {
                let ew = entryWeight[e]
                let denominator = v + entryTotal[e]
                sumLog += ew * log(denominator)
                if wantGradient { sumInv += ew / denominator }
                if wantHessian { sumInv2 += ew / (denominator * denominator) }
            }
            ll -= (px + q) * sumLog
            if wantGradient {
                let psiPXQ = LifetimeMath.digamma(px + q)
                dp += x * (w * (psiPXQ - LifetimeMath.digamma(px) + logX) + countLogSpend[group] - sumLog)
                dq += w * (psiPXQ - psiQ + logV) - sumLog
                dv += w * q / v - (px + q) * sumInv
            }
            if wantHessian {
                let triPXQ = LifetimeMath.trigamma(px + q)
                hpp += x * x * w * (triPXQ - LifetimeMath.trigamma(px))
                hpq += x * w * triPXQ
                hpv -= x * sumInv
                hqq += w * (triPXQ - triQ)
                hqv += w / v - sumInv
                hvv += (px + q) * sumInv2 - w * q / (v * v)
            }
        }
        let hessian = wantHessian ? [hpp, hpq, hpv, hpq, hqq, hqv, hpv, hqv, hvv] : []
        return (ll, [dp, dq, dv], hessian)
    }

    /// Mean negative log-likelihood per customer over θ = log(p, q, v), with its gradient.
    func objective(_ theta: [Double]) -> (value: Double, gradient: [Double]) { objective(theta, memo: nil) }

    /// `objective`, telling `memo` the log-likelihood at the parameters.
    func objective(_ theta: [Double], memo: LogLikelihoodMemo?) -> (value: Double, gradient: [Double]) {
        let params = theta.map { exp($0) }
        let (ll, g) = logLikelihood(p: params[0], q: params[1], v: params[2])
        memo?.remember(params, ll)
        return MaximumLikelihoodFit.logParameterObjective(ll, gradient: g, parameters: params, customers: customers)
    }

    /// The Hessian of `objective` at θ (row-major 3 × 3).
    func objectiveHessian(_ theta: [Double]) -> [Double] { objectiveWithHessian(theta).hessian }

    /// `objective` with its Hessian (row-major 3 × 3), in one pass over the data.
    func objectiveWithHessian(_ theta: [Double]) -> LifetimeOptimizer.SecondOrder { objectiveWithHessian(theta, memo: nil) }

    /// `objectiveWithHessian`, telling `memo` the log-likelihood at the parameters.
    func objectiveWithHessian(_ theta: [Double], memo: LogLikelihoodMemo?) -> LifetimeOptimizer.SecondOrder {
        let params = theta.map { exp($0) }
        let d = derivatives(p: params[0], q: params[1], v: params[2], order: 2)
        memo?.remember(params, d.value)
        let f = MaximumLikelihoodFit.logParameterObjective(d.value, gradient: d.gradient, parameters: params, customers: customers)
        return (f.value, f.gradient, MaximumLikelihoodFit.logParameterHessian(d.hessian, gradient: d.gradient, parameters: params, customers: customers))
    }
}
