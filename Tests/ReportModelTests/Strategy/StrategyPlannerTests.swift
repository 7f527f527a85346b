import Foundation
import Testing
@testable import ReportModel

@Suite("Strategy planner")
struct StrategyPlannerTests {
    let config = ReportConfig()

    @Test func offTargetChurnYieldsAShortTermChurnPreventionAction() throws {
        let report = StrategyFixture.report(kpis: StrategyFixture.kpis([.churnRate: 0.072]))
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        let action = try #require(plan.actions.first { $0.id == "winback-churned" })
        #expect(action.owner == .churnPrevention)
        #expect(action.horizon == .shortTerm)
        #expect(action.audience == 40)
        #expect(action.evidence.contains { $0.kind == .kpi(.churnRate) && $0.value == 0.072 && $0.target == 0.05 && $0.direction == .below })
        // 40 lapsed × 200 revenue per buyer × 0.15.
        #expect(abs(action.valueAtStake - 40 * 200 * 0.15) < 1e-9)
        let cost = try #require(action.cost)
        #expect(cost.quantity == 40 && cost.unitCost == 10 && cost.amount == 400)
        #expect(plan.actions(.shortTerm).contains { $0.id == "winback-churned" })
        #expect(plan.team.contains { $0.area == .churnPrevention })
    }

    @Test func onTargetWithoutEscalationYieldsNoAction() {
        let report = StrategyFixture.report()
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        #expect(plan.actions.isEmpty)
        #expect(plan.team.isEmpty)
        #expect(plan.tools.isEmpty)
        #expect(!plan.actions.contains { $0.evidence.contains { if case .kpi = $0.kind { true } else { false } } })
        // Only the programme's rewards remain in the budget.
        #expect(plan.budget.count == 1)
        #expect(plan.budget.first?.actionID == nil)
    }

    @Test func actionsAreRankedByValueAtStakeThenID() {
        var segments = StrategyFixture.smallSegments()
        segments[3] = StrategyFixture.segment("at_risk", share: 0.20, revenue: 500_000)
        segments[2] = StrategyFixture.segment("potential", share: 0.30, revenue: 30_000)
        let report = StrategyFixture.report(
            kpis: StrategyFixture.kpis([.churnRate: 0.08, .nps: 35, .repeatPurchaseRate: 0.3, .csat: 4.0]),
            segments: segments, escalations: StrategyFixture.escalations(raised: [.largeRefund, .npsCritical]))
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        #expect(plan.actions.count > 5)
        #expect(plan.actions.first?.id == "winback-at_risk")
        for (a, b) in zip(plan.actions, plan.actions.dropFirst()) {
            #expect(a.valueAtStake > b.valueAtStake || (a.valueAtStake == b.valueAtStake && a.id < b.id))
        }
        // Each horizon's list keeps the ranking. The horizons by topic (DecisionTree): win-back,
        // at-risk, NPS and every escalation are short term; onboarding, nurture, churn and
        // satisfaction medium term; the programme and gamification long term. Ties at 300 (the
        // NPS escalation and the detractors) go by id.
        #expect(plan.actions(.shortTerm).map(\.id) == ["winback-at_risk", "escalate-large_refund", "winback-churned", "escalate-nps_critical", "recover-detractors"])
        #expect(plan.actions(.mediumTerm).map(\.id) == ["activate-second-purchase", "nurture-potential", "prevent-churn", "improve-satisfaction"])
        #expect(plan.actions(.longTerm).map(\.id) == ["launch-loyalty-programme", "gamify-repeat"])
    }

    /// A segment of few buyers but a tenth of the revenue or more gets its action: the at-risk
    /// segment, 10 % of buyers (under the 15 % that makes a segment large) and 12 % of revenue.
    @Test func aSegmentHoldingATenthOfRevenueGetsItsAction() {
        var segments = StrategyFixture.smallSegments()
        for share in [0.12, 0.10, 0.09] {
            segments[3].revenueShare = share
            let plan = StrategyPlanner.plan(StrategyFixture.report(segments: segments), previous: nil, config: config)
            let action = plan.actions.first { $0.id == "winback-at_risk" }
            #expect((action != nil) == (share >= 0.10), "\(share)")
            if share == 0.12 { #expect(action?.rationale.en.hasPrefix("This segment holds 12% of cumulative revenue.") == true) }
            // The other small segments, without a revenue share, get none.
            #expect(!plan.actions.contains { $0.id.hasSuffix("-hibernating") || $0.id.hasSuffix("-lost") })
        }
    }

    @Test func tiesAreBrokenByID() {
        // Two identical large segments: equal value at stake.
        let segments = [StrategyFixture.segment("zeta", share: 0.5, revenue: 1000), StrategyFixture.segment("alpha", share: 0.5, revenue: 1000)]
        let plan = StrategyPlanner.plan(StrategyFixture.report(segments: segments), previous: nil, config: config)
        #expect(plan.actions.map(\.id) == ["engage-alpha", "engage-zeta"])
        #expect(plan.actions.allSatisfy { $0.owner == .lifecycleManagement && $0.horizon == .mediumTerm })
    }

    @Test(arguments: EscalationKind.allCases)
    func eachRaisedEscalationYieldsAShortTermAction(kind: EscalationKind) throws {
        let report = StrategyFixture.report(escalations: StrategyFixture.escalations(raised: [kind]))
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        #expect(plan.actions.count == 1)
        let action = try #require(plan.actions.first)
        #expect(action.id == "escalate-" + kind.rawValue)
        #expect(action.escalation == kind)
        #expect(action.horizon == .shortTerm)
        #expect(action.owner == kind.owner)
        #expect(plan.team.first?.level == .high)
    }

    @Test func escalationValuesAndCosts() throws {
        let report = StrategyFixture.report(escalations: StrategyFixture.escalations(raised: [.vipAtRisk, .largeRefund], count: 3))
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        let vip = try #require(plan.actions.first { $0.id == "escalate-vip_at_risk" })
        #expect(abs(vip.valueAtStake - 3 * 2000 * 0.15) < 1e-9)
        #expect(vip.cost?.amount == 150)
        let refund = try #require(plan.actions.first { $0.id == "escalate-large_refund" })
        #expect(refund.valueAtStake == 4500)
        #expect(refund.cost == nil)
    }

    @Test func largeAndGrowingSegmentsYieldActions() {
        var now = StrategyFixture.smallSegments()
        now[0] = StrategyFixture.segment("champions", share: 0.12, revenue: 50_000)   // grows from 0.10
        now[5] = StrategyFixture.segment("lost", share: 0.16, revenue: 5_000)         // large
        let previous = StrategyFixture.report(index: 0)
        let report = StrategyFixture.report(segments: now)
        let plan = StrategyPlanner.plan(report, previous: previous, config: config)
        #expect(Set(plan.actions.map(\.id)) == ["reward-champions", "reactivate-lost"])
        let champions = plan.actions.first { $0.id == "reward-champions" }
        #expect(champions?.evidence.first?.previous == 0.10)
        #expect(champions?.horizon == .longTerm && champions?.owner == .loyaltyPrograms)
        // Without a previous snapshot, growth cannot be seen.
        #expect(StrategyPlanner.plan(report, previous: nil, config: config).actions.map(\.id) == ["reactivate-lost"])
    }

    /// Champions, loyal and potential customers' value is what they will spend: the segment's
    /// predicted CLV × the expected rate when the model gives one, their revenue otherwise.
    @Test func growthSegmentsAreValuedOnTheirPredictedCLV() {
        var now = StrategyFixture.smallSegments()
        now[0] = StrategyFixture.segment("champions", share: 0.30, revenue: 50_000)
        now[0].predictedCLV = 20_000
        now[2] = StrategyFixture.segment("potential", share: 0.30, revenue: 8_000)   // no prediction
        let plan = StrategyPlanner.plan(StrategyFixture.report(segments: now), previous: nil, config: config)
        let effect = config.actionPlan.expectedWinBackRate
        let champions = plan.actions.first { $0.id == "reward-champions" }
        #expect(champions?.valueAtStake == 20_000 * effect)
        #expect(champions?.valueBasis.en == "segment's predicted CLV × expected win-back rate")
        let potential = plan.actions.first { $0.id == "nurture-potential" }
        #expect(potential?.valueAtStake == 8_000 * effect)
        #expect(potential?.valueBasis.en == "segment revenue × expected win-back rate")
    }

    /// The lost segment's last chance goes to the customers who entered it since the previous
    /// snapshot (the migration matrix's column), not again to the whole segment; none entered, no action.
    @Test func lostCustomersGetOneLastChanceEach() {
        var now = StrategyFixture.smallSegments()
        now[5] = StrategyFixture.segment("lost", share: 0.20, revenue: 10_000)   // 200 customers, 50 each
        var report = StrategyFixture.report(segments: now)
        var migration = MigrationMatrix(segments: now.map(\.id))
        migration.counts[migration.from.firstIndex(of: "hibernating")!][migration.to.firstIndex(of: "lost")!] = 30
        migration.counts[migration.from.firstIndex(of: MigrationMatrix.newRow)!][migration.to.firstIndex(of: "lost")!] = 5
        migration.counts[migration.from.firstIndex(of: "lost")!][migration.to.firstIndex(of: "lost")!] = 165
        report.migration = migration
        let plan = StrategyPlanner.plan(report, previous: StrategyFixture.report(index: 0), config: config)
        let lost = plan.actions.first { $0.id == "reactivate-lost" }
        #expect(lost?.audience == 35)
        #expect(abs((lost?.valueAtStake ?? 0) - 35 * 50 * config.actionPlan.expectedWinBackRate) < 1e-9)
        #expect(lost?.rationale.en.hasSuffix("Only the customers who entered the segment since the previous snapshot are targeted; the others have had their attempt.") == true)
        #expect(plan.budget.first { $0.actionID == "reactivate-lost" }?.quantity == 35)
        // Nobody new in the segment: no last chance to give.
        migration.counts = migration.counts.map { $0.map { _ in 0 } }
        migration.counts[migration.from.firstIndex(of: "lost")!][migration.to.firstIndex(of: "lost")!] = 200
        report.migration = migration
        #expect(!StrategyPlanner.plan(report, previous: StrategyFixture.report(index: 0), config: config).actions.contains { $0.id == "reactivate-lost" })
    }

    /// The loyalty programme's value says how its exposure was found: from churn, or on a first
    /// snapshot (no churn yet) from the share of one-order buyers, on cumulative revenue.
    @Test func theProgrammeValueSaysItsBasis() {
        var kpis = StrategyFixture.onTarget
        kpis[.churnRate] = 0.08
        kpis[.retentionRate] = 0.92
        let later = StrategyPlanner.plan(StrategyFixture.report(kpis: kpis), previous: nil, config: config)
        let programme = later.actions.first { $0.id == "launch-loyalty-programme" }
        #expect(programme?.valueBasis.en.hasPrefix("yearly spend (revenue of the period × 12) × share exposed to churn over a year (1 − (1 − monthly churn)^12)") == true,
                "\(String(describing: programme?.valueBasis.en))")
        var first = StrategyFixture.onTarget
        first[.churnRate] = nil
        first[.retentionRate] = nil
        first[.repeatPurchaseRate] = 0.25
        let firstPlan = StrategyPlanner.plan(StrategyFixture.report(index: 0, kpis: first), previous: nil, config: config)
        let firstProgramme = firstPlan.actions.first { $0.id == "launch-loyalty-programme" }
        #expect(firstProgramme?.valueBasis.en.hasPrefix("buyers' cumulative revenue (first snapshot) × share of one-order buyers (no churn known yet)") == true,
                "\(String(describing: firstProgramme?.valueBasis.en))")
    }

    /// Over a period of 61 days, the programme's value takes a year as 365.25 ÷ 61 such periods,
    /// for the spend and for the churn compounded over the year, and says so.
    @Test func theProgrammeValueOfALongPeriodIsScaledByItsDays() throws {
        var kpis = StrategyFixture.onTarget
        kpis[.churnRate] = 0.2
        kpis[.retentionRate] = 0.8
        let report = StrategyFixture.report(kpis: kpis, revenuePeriod: 20_000)
        let design = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: 61)
        let plan = StrategyPlanner.plan(report, previous: nil, config: config, design: design)
        let programme = try #require(plan.actions.first { $0.id == "launch-loyalty-programme" })
        let perYear = 365.25 / 61
        let expected = 20_000 * perYear * (1 - pow(0.8, perYear)) * config.actionPlan.expectedWinBackRate
        #expect(abs(programme.valueAtStake - expected) < 1e-6, "\(programme.valueAtStake) against \(expected)")
        #expect(programme.valueBasis.en.hasPrefix("yearly spend (revenue of the period × 365.25 ÷ 61 days) × share exposed to churn over a year (1 − (1 − churn of the period of 61 days)^(365.25 ÷ 61))"),
                "\(programme.valueBasis.en)")
        #expect(programme.valueBasis.fr.hasPrefix("dépense annuelle (CA de la période × 365,25 ÷ 61 jours) × part exposée au churn sur un an (1 − (1 − churn de la période de 61 jours)^(365,25 ÷ 61))"),
                "\(programme.valueBasis.fr)")
        // One day: "1 day", "1 jour".
        let oneDay = StrategyPlanner.plan(report, previous: nil, config: config,
                                          design: LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: 1))
        let basis = try #require(oneDay.actions.first { $0.id == "launch-loyalty-programme" }).valueBasis
        #expect(basis.en.hasPrefix("yearly spend (revenue of the period × 365.25 ÷ 1 day) × share exposed to churn over a year (1 − (1 − churn of the period of 1 day)^(365.25 ÷ 1))"), "\(basis.en)")
        #expect(basis.fr.hasPrefix("dépense annuelle (CA de la période × 365,25 ÷ 1 jour) × part exposée au churn sur un an (1 − (1 − churn de la période de 1 jour)^(365,25 ÷ 1))"), "\(basis.fr)")
        // A later snapshot without revenue in its period: the cumulative revenue, said as such; its
        // 61 days still count 365.25 ÷ 61 periods a year for the churn.
        for revenue in [0.0, -500] {
            let idleReport = StrategyFixture.report(kpis: kpis, revenuePeriod: revenue)
            let idleDesign = LoyaltyProgramDesigner.design(idleReport, config: config, daysSincePrevious: 61)
            let idle = try #require(StrategyPlanner.plan(idleReport, previous: nil, config: config, design: idleDesign)
                .actions.first { $0.id == "launch-loyalty-programme" })
            #expect(idle.valueBasis.en.hasPrefix("buyers' cumulative revenue (no positive revenue in the period) × share exposed to churn over a year (1 − (1 − churn of the period of 61 days)^(365.25 ÷ 61))"),
                    "\(idle.valueBasis.en)")
            let idleExpected = idleDesign.yearlySpend * (1 - pow(0.8, perYear)) * config.actionPlan.expectedWinBackRate
            #expect(abs(idle.valueAtStake - idleExpected) < 1e-6 && idleDesign.yearlySpend == 200_000, "\(idle.valueAtStake)")
        }
    }

    @Test func budgetTotalIsTheSumOfItsLines() {
        var segments = StrategyFixture.smallSegments()
        segments[3] = StrategyFixture.segment("at_risk", share: 0.25, revenue: 80_000)
        let report = StrategyFixture.report(
            kpis: StrategyFixture.kpis([.churnRate: 0.08, .repeatPurchaseRate: 0.3, .ltvGrowthYoY: 0.05]),
            segments: segments, escalations: StrategyFixture.escalations(raised: Set(EscalationKind.allCases)))
        let plan = StrategyPlanner.plan(report, previous: nil, config: config)
        #expect(plan.budget.count >= 5)
        #expect(abs(plan.budgetTotal - plan.budget.reduce(0) { $0 + $1.amount }) < 1e-6)
        for line in plan.budget { #expect(line.amount == line.quantity * line.unitCost) }
        // Every action cost is a line, plus the programme's rewards.
        let design = LoyaltyProgramDesigner.design(report, config: config)
        let actionCosts = plan.actions.compactMap(\.cost).reduce(0) { $0 + $1.amount }
        #expect(abs(plan.budgetTotal - actionCosts - design.rewardCost) < 1e-6)
        #expect(plan.budget.last?.actionID == "launch-loyalty-programme")
        // Tools and team follow the owning areas.
        let areas = Set(plan.actions.map(\.owner))
        #expect(plan.team.map(\.area) == SpecialistArea.allCases.filter(areas.contains))
        #expect(plan.tools.count == areas.count + 2)
        #expect(plan.tools.last == LocalizedText(en: "Monthly KPI tracking with this report after each snapshot", fr: "Suivi mensuel des KPI avec ce rapport après chaque relevé"))
        // At the config's cadence.
        var quarterly = config
        quarterly.cadence = .quarterly
        #expect(StrategyPlanner.plan(report, previous: nil, config: quarterly).tools.last
                == LocalizedText(en: "Quarterly KPI tracking with this report after each snapshot", fr: "Suivi trimestriel des KPI avec ce rapport après chaque relevé"))
    }

    @Test func everyOffTargetKPIYieldsAnAction() {
        for key in [KPIKey.retentionRate, .churnRate, .ltvGrowthYoY, .nps, .csat, .repeatPurchaseRate] {
            let target = config.targets[key]!
            let bad = target.direction == .above ? target.value! - 0.01 : target.value! + 0.01
            let plan = StrategyPlanner.plan(StrategyFixture.report(kpis: StrategyFixture.kpis([key: bad])), previous: nil, config: config)
            #expect(plan.actions.contains { $0.evidence.contains { $0.kind == .kpi(key) } }, "\(key)")
        }
    }

    @Test func planIsDeterministic() {
        var segments = StrategyFixture.smallSegments()
        segments[1] = StrategyFixture.segment("loyal", share: 0.3, revenue: 90_000)
        let report = StrategyFixture.report(
            kpis: StrategyFixture.kpis([.churnRate: 0.2, .retentionRate: 0.8, .nps: 10, .csat: 3, .repeatPurchaseRate: 0.2, .ltvGrowthYoY: -0.1]),
            segments: segments, escalations: StrategyFixture.escalations(raised: Set(EscalationKind.allCases)))
        let a = StrategyPlanner.plan(report, previous: StrategyFixture.report(index: 0), config: config)
        let b = StrategyPlanner.plan(report, previous: StrategyFixture.report(index: 0), config: config)
        #expect(a.actions == b.actions)
        #expect(a.budget == b.budget)
        #expect(a.budgetTotal == b.budgetTotal)
        #expect(a.tools == b.tools)
        #expect(a.team == b.team)
        #expect(Set(a.actions.map(\.id)).count == a.actions.count)
        #expect(a.actions.allSatisfy { $0.valueAtStake.isFinite && $0.valueAtStake >= 0 })
    }
}
