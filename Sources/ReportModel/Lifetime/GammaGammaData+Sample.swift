import Foundation

extension GammaGammaData {
    /// No customers (the start of a sample).
    init() {}

    /// A systematic sample of the repeat buyers (internal): one in every `k`, walking the distinct
    /// (x, m) pairs in their sorted order; see `BGNBDData.systematicSample(every:)`.
    func systematicSample(every k: Int) -> GammaGammaData {
        precondition(k >= 1)
        var sample = GammaGammaData()
        var seen = 0
        var spendSum = 0.0
        for (group, x) in counts.enumerated() {
            var groupWeight = 0.0, groupLogSpend = 0.0
            for e in groupStart[group]..<groupStart[group + 1] {
                let before = seen
                seen += Int(entryWeight[e])
                let n = Double(seen / k - before / k)
                guard n > 0 else { continue }
                let m = entryTotal[e] / x
                sample.entryTotal.append(entryTotal[e])
                sample.entryWeight.append(n)
                groupWeight += n
                groupLogSpend += n * log(m)
                spendSum += n * m
            }
            guard groupWeight > 0 else { continue }
            sample.counts.append(x)
            sample.countWeight.append(groupWeight)
            sample.countLogSpend.append(groupLogSpend)
            sample.groupStart.append(sample.entryWeight.count)
            sample.customers += Int(groupWeight)
        }
        sample.meanSpend = sample.customers > 0 ? spendSum / Double(sample.customers) : 0
        return sample
    }
}
