import Testing
@testable import ReportModel

/// `LifetimeBreakdown`: the predicted-value figures the deliverables show, worked out by hand on a
/// few buyers, and the same whatever the buyers' order.
@Suite struct LifetimeBreakdownTests {
    static let fitted = LifetimeSummary.fitted(LifetimeModelFigures(
        timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: 2, q: 3, v: 10,
        gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01))
    static let withoutSpend = LifetimeSummary.fitted(LifetimeModelFigures(
        timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: nil, q: nil, v: nil,
        gammaGammaExcluded: 3, horizonMonths: 12, monthlyDiscountRate: 0.01))

    /// Buyers with these predicted CLVs, P(alive) and segments (indices into the seed's six ids);
    /// row i is customer i with a historical value of `monetary[i]` units (100·(i + 1) by default).
    static func report(clv: [Double], alive: [Double]? = nil, segment: [UInt8], monetary: [Int64]? = nil,
                       lifetime: LifetimeSummary = fitted) -> SnapshotReport {
        var buyers = BuyerTable()
        for row in clv.indices {
            buyers.customer.append(Int32(row))
            buyers.recencyDays.append(1)
            buyers.frequency.append(1)
            buyers.monetary.append((monetary?[row] ?? Int64(100 * (row + 1))) * Money.scale)
            buyers.scores.append(111)
            buyers.segment.append(segment[row])
            buyers.probabilityAlive.append(alive?[row] ?? 0.5)
            buyers.predictedCLV.append(clv[row])
        }
        var report = StrategyFixture.report(buyerTable: buyers)
        report.segmentIDs = ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"]
        report.lifetime = lifetime
        return report
    }

    /// 0, 10, …, 100 in any order: quantiles at ranks round(p·10), the top shares, the share below 1,
    /// the segments' medians (segment 0 holds 0, 20, …, 100: six values, (40 + 60) / 2).
    @Test func distributionByHand() {
        let values = (0...10).map { Double($0) * 10 }
        var generator = SplitMix(seed: 44)
        for order in [Array(values.indices), Array(values.indices.reversed()), Array(values.indices).shuffled(using: &generator)] {
            let breakdown = LifetimeBreakdown(Self.report(clv: order.map { values[$0] }, segment: order.map { UInt8($0 % 2) }))
            let d = breakdown.distribution()
            #expect(d?.buyers == 11)
            #expect(d?.total == 550)
            #expect(d?.mean == 50)
            #expect([d?.lowest, d?.p10, d?.p25, d?.median, d?.p75, d?.p90, d?.highest] == [0, 10, 30, 50, 80, 90, 100])
            #expect(d?.top10Share == 100.0 / 550)
            #expect(d?.top20Share == 190.0 / 550)
            #expect(d?.belowOneShare == 1.0 / 11)
            #expect(breakdown.medianCLV(segment: 0) == 50)
            #expect(breakdown.medianCLV(segment: 1) == 50)
            #expect(breakdown.medianCLV(segment: 2) == nil)
            #expect(breakdown.members.prefix(2) == [6, 5])
            #expect(breakdown.meanAlive(segment: 0) == 0.5)
            #expect(breakdown.meanAlive(segment: 3) == nil)
        }
    }

    /// Buyers without a finite P(alive), or without a finite CLV when CLV is known, do not count;
    /// with BG/NBD alone the CLV figures are missing and P(alive) still counts.
    @Test func buyersThatCount() {
        let clv = [10, .nan, 30, 40]
        let alive = [0.2, 0.4, .nan, 0.8]
        let known = LifetimeBreakdown(Self.report(clv: clv, alive: alive, segment: [0, 0, 0, 0]))
        #expect(known.clvKnown)
        #expect(known.buyers == 2)
        #expect(known.clvTotal == 50)
        #expect(known.meanAlive(segment: 0) == 0.5)
        #expect(known.distribution()?.median == 25)
        #expect(known.distribution()?.belowZero == 0)
        // A predicted loss (refunds outweighing repeat purchases) is counted.
        let loss = LifetimeBreakdown(Self.report(clv: [-5, 0.5, 20], segment: [0, 0, 0])).distribution()
        #expect(loss?.belowZero == 1 && loss?.belowOneShare == 2.0 / 3 && loss?.lowest == -5)
        let aliveOnly = LifetimeBreakdown(Self.report(clv: clv, alive: alive, segment: [0, 0, 0, 0], lifetime: Self.withoutSpend))
        #expect(!aliveOnly.clvKnown)
        #expect(aliveOnly.buyers == 3)
        #expect(abs(aliveOnly.meanAlive(segment: 0)! - 1.4 / 3) < 1e-15)
        #expect(aliveOnly.distribution() == nil)
        #expect(aliveOnly.medianCLV(segment: 0) == nil)
        let notFitted = LifetimeBreakdown(Self.report(clv: clv, alive: alive, segment: [0, 0, 0, 0], lifetime: .notComputed(reason: .noBuyer)))
        #expect(!notFitted.clvKnown && notFitted.buyers == 0 && notFitted.atRiskRows.isEmpty)
        #expect(notFitted.meanAlive(segment: 0) == nil)
    }

    /// The at-risk segment (index 3): bands of P(alive) with a bound in the band above it, their
    /// CLV sums, the total, and the most valuable first (ties by row; by historical value without CLV).
    @Test func atRiskBandsAndLeaders() {
        let alive = [0.1, 0.25, 0.5, 0.74, 0.75, 0.9, 0.3]
        let clv: [Double] = [5, 7, 20, 20, 1, 9, 100]
        let segment: [UInt8] = [3, 3, 3, 3, 3, 3, 0]
        let breakdown = LifetimeBreakdown(Self.report(clv: clv, alive: alive, segment: segment))
        #expect(breakdown.atRiskSegment == 3)
        #expect(breakdown.atRiskRows == [0, 1, 2, 3, 4, 5])
        let bands = breakdown.atRiskBands()
        #expect(bands.counts == [1, 1, 2, 2])
        #expect(bands.predictedCLV == [5, 7, 40, 10])
        #expect(breakdown.atRiskPredictedCLV == 62)
        #expect(breakdown.atRiskLeading(3) == [2, 3, 5])
        let byHistory = LifetimeBreakdown(Self.report(clv: clv.map { _ in .nan }, alive: alive, segment: segment,
                                                      monetary: [3, 9, 9, 1, 2, 4, 50], lifetime: Self.withoutSpend))
        #expect(byHistory.atRiskLeading(3) == [1, 2, 5])
    }
}
