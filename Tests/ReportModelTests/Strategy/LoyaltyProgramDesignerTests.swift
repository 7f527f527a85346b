import Testing
@testable import ReportModel

@Suite("Loyalty programme designer")
struct LoyaltyProgramDesignerTests {
    let config = ReportConfig()

    @Test func tiersStartAtTheNearestPercentiles() {
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(), config: config)
        #expect(design.tiers.map(\.name) == ["Bronze", "Silver", "Gold"])
        #expect(design.tiers.map(\.minSpend) == [0, 120 * Money.scale, 180 * Money.scale])
        #expect(design.tiers.map(\.percentile) == [0, 0.60, 0.90])
        var odd = ReportConfig()
        odd.loyalty.tierPercentiles = [0.62, 0.87]
        #expect(LoyaltyProgramDesigner.design(StrategyFixture.report(), config: odd).tiers.map(\.percentile) == [0, 0.60, 0.85])
    }

    @Test func tierMinSpendsIncreaseEvenOnFlatSpend() {
        var loyalty = LoyaltySnapshot()
        loyalty.spendPercentiles = Array(repeating: 20 * Money.scale, count: 19)
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(loyalty: loyalty), config: config)
        let spends = design.tiers.map(\.minSpend)
        #expect(zip(spends, spends.dropFirst()).allSatisfy { $0 < $1 })
        let normal = LoyaltyProgramDesigner.design(StrategyFixture.report(), config: config).tiers.map(\.minSpend)
        #expect(zip(normal, normal.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test(arguments: [0, 1, 7, 1000, 1003])
    func estimatedMembersSumToBuyers(buyers: Int) {
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(buyers: buyers), config: config)
        #expect(!design.membersCounted)
        #expect(design.tiers.reduce(0) { $0 + $1.projectedMembers } == buyers)
        if buyers == 1000 {
            #expect(design.tiers.map(\.projectedMembers) == [600, 300, 100])
            #expect(design.tiers.map(\.share) == [0.6, 0.3, 0.1])
        }
    }

    @Test func countedMembersUseTheBuyerTable() {
        var table = BuyerTable()
        // −20: a buyer whose refunds exceed the purchases is in the first tier too.
        let spends: [Double] = [0, 50, 119, 120, 150, 179, 180, 500, -20]
        for (i, s) in spends.enumerated() {
            table.customer.append(Int32(i))
            table.monetary.append(Int64(s * Double(Money.scale)))
        }
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(buyers: spends.count, buyerTable: table), config: config)
        #expect(design.membersCounted)
        #expect(design.tiers.map(\.projectedMembers) == [4, 3, 2])
        #expect(design.tiers.reduce(0) { $0 + $1.projectedMembers } == spends.count)
    }

    @Test func pointsEconomics() {
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(revenuePeriod: 20_000), config: config)
        #expect(design.spendBasis == .annualisedPeriod)
        #expect(design.yearlySpend == 240_000)
        #expect(design.pointsIssued == 240_000)
        #expect(abs(design.rewardCost - 240_000 * 0.6 * 0.01) < 1e-9)
        #expect(abs(design.pointsLiability - 240_000 * 0.4 * 0.01) < 1e-9)
        #expect(abs(design.rewardRate - 0.006) < 1e-12)
        let first = LoyaltyProgramDesigner.design(StrategyFixture.report(index: 0), config: config)
        #expect(first.spendBasis == .cumulativeRevenue)
        #expect(first.yearlySpend == 200_000)
    }

    /// A period that is not about a month is scaled to a year by its days: a month missing between
    /// two exports (61 days) made × 12 double a year's spend, a ledger's as-of date 15 days into
    /// its month halve it. Periods of 28 to 45 days stay × 12.
    @Test func aPeriodOtherThanAMonthIsScaledByItsDays() {
        let report = StrategyFixture.report(revenuePeriod: 20_000)
        for days in [28, 30, 31, 45] {
            let design = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: days)
            #expect(design.yearlySpend == 240_000 && design.periodDays == nil && design.periodsPerYear == 12, "\(days) days")
        }
        let long = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: 61)
        #expect(long.periodDays == 61)
        #expect(abs(long.yearlySpend - 20_000 * 365.25 / 61) < 1e-6)
        #expect(abs(long.pointsIssued - 20_000 * 365.25 / 61) < 1e-6)
        let short = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: 15)
        #expect(abs(short.yearlySpend - 20_000 * 365.25 / 15) < 1e-6)
        // Just outside a month's bounds.
        for days in [27, 46] {
            let design = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: days)
            #expect(design.periodDays == days && abs(design.yearlySpend - 20_000 * 365.25 / Double(days)) < 1e-6, "\(days) days")
        }
        #expect(LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: 0).periodDays == nil)
        // The first snapshot's spend is its cumulative revenue, whatever came before.
        let first = LoyaltyProgramDesigner.design(StrategyFixture.report(index: 0), config: config, daysSincePrevious: 61)
        #expect(first.yearlySpend == 200_000 && first.periodDays == nil)
    }

    @Test func currentProgrammeIsComparedWithTheProposal() throws {
        var loyalty = LoyaltySnapshot()
        loyalty.spendPercentiles = StrategyFixture.percentiles()
        loyalty.membersPerTier = [(tier: "gold", members: 40), (tier: "Platinum", members: 5)]
        loyalty.pointsOutstanding = 12_345 * Money.scale
        let design = LoyaltyProgramDesigner.design(StrategyFixture.report(loyalty: loyalty), config: config)
        let current = try #require(design.current)
        #expect(current.tiers == [CurrentTier(name: "gold", members: 40, proposedMembers: 100), CurrentTier(name: "Platinum", members: 5, proposedMembers: nil)])
        #expect(current.members == 45)
        #expect(current.pointsOutstanding == 12_345)
        #expect(abs((current.outstandingValue ?? 0) - 123.45) < 1e-9)
        #expect(LoyaltyProgramDesigner.design(StrategyFixture.report(), config: config).current == nil)
    }

    @Test func gamificationFollowsTheData() {
        let calm = LoyaltyProgramDesigner.design(StrategyFixture.report(segments: []), config: config)
        #expect(calm.gamification.count == 1)   // badges only
        var segments = StrategyFixture.smallSegments()
        segments[2] = StrategyFixture.segment("potential", share: 0.3, revenue: 10_000)
        let busy = LoyaltyProgramDesigner.design(
            StrategyFixture.report(kpis: StrategyFixture.kpis([.repeatPurchaseRate: 0.2]), segments: segments,
                                   nps: NPSBreakdown(detractors: 1, passives: 1, promoters: 1), csatAnswers: 0),
            config: config)
        #expect(busy.gamification.count == 5)
        #expect(busy.gamification.first?.en.hasPrefix("Purchase streaks") == true)
    }

    @Test func designIsDeterministic() {
        let report = StrategyFixture.report(kpis: StrategyFixture.kpis([.nps: 20, .churnRate: 0.2]))
        #expect(LoyaltyProgramDesigner.design(report, config: config) == LoyaltyProgramDesigner.design(report, config: config))
        let top = LoyaltyProgramDesigner.design(report, config: config).tiers.last!
        #expect(top.benefits.contains(LocalizedText(en: "Priority customer service", fr: "Service client prioritaire")))
    }
}
