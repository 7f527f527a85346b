import Foundation

extension BGNBDData {
    /// No customers (the start of a sample).
    init() {}

    /// A systematic sample of the customers (internal): walking the distinct triples in their sorted
    /// order, one customer in every `k`. Its mean likelihood has nearly the same optimum as the whole
    /// data at a fraction of the cost, so the multi-start search runs on it and only the final
    /// polish on the whole data (see `MaximumLikelihoodFit`). Depends only on the multiset of
    /// triples, so row order still changes nothing.
    func systematicSample(every k: Int) -> BGNBDData {
        precondition(k >= 1)
        var sample = BGNBDData()
        sample.ages = ages
        sample.recencies = recencies
        var seen = 0
        // Customers of this triple that the sample keeps: multiples of k crossed by its count.
        func kept(_ weight: Double) -> Double {
            let before = seen
            seen += Int(weight)
            return Double(seen / k - before / k)
        }
        for (i, w) in zeroWeight.enumerated() {
            let n = kept(w)
            guard n > 0 else { continue }
            sample.zeroAge.append(zeroAge[i])
            sample.zeroWeight.append(n)
            sample.customers += Int(n)
            sample.totalAge += n * ages[Int(zeroAge[i])]
        }
        for (group, x) in counts.enumerated() {
            var groupWeight = 0.0
            for e in groupStart[group]..<groupStart[group + 1] {
                let n = kept(entryWeight[e])
                guard n > 0 else { continue }
                sample.entryRecency.append(entryRecency[e])
                sample.entryAge.append(entryAge[e])
                sample.entryWeight.append(n)
                groupWeight += n
                sample.totalAge += n * ages[Int(entryAge[e])]
            }
            guard groupWeight > 0 else { continue }
            sample.counts.append(x)
            sample.countWeight.append(groupWeight)
            sample.groupStart.append(sample.entryWeight.count)
            sample.customers += Int(groupWeight)
            sample.repeatBuyers += Int(groupWeight)
            sample.totalRepeats += x * groupWeight
        }
        return sample
    }
}
