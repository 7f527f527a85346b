import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// The strategy, loyalty and playbook pieces of the view carry the model's plan, formatted.
@Suite struct StrategyViewTests {
    func fixture(_ locale: ReportLocale) throws -> (SnapshotReport, SnapshotReport?, ReportConfig) {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        let result = try f.build("in", out: "site", locale: locale)
        var config = ReportConfig()
        config.locale = locale
        return (try #require(result.latest), result.reports.dropLast().last, config)
    }

    @Test func actionsKeepTheirRankOwnerAndHorizon() throws {
        let (report, previous, config) = try fixture(.en)
        let plan = StrategyPlanner.plan(report, previous: previous, config: config)
        let view = StrategyView(report: report, previous: previous, config: config, format: ReportFormatter(locale: .en, currency: "EUR")).dictionary()
        let ownerNames: [SpecialistArea: String] = [.lifecycleManagement: "Lifecycle", .loyaltyPrograms: "Loyalty programmes",
                                                    .churnPrevention: "Churn prevention", .customerSuccess: "Customer success"]
        var shown: [String] = []
        for (key, horizon) in [("short", PlanHorizon.shortTerm), ("medium", .mediumTerm), ("long", .longTerm)] {
            let part = try #require(view[key] as? [String: Any])
            let actions = try #require(part["actions"] as? [[String: Any]])
            #expect(actions.map { $0["id"] as? String } == plan.actions(horizon).map(\.id))
            for (a, model) in zip(actions, plan.actions(horizon)) {
                #expect(a["owner"] as? String == ownerNames[model.owner])
                shown.append(model.id)
            }
            let ranks = actions.compactMap { Int($0["rank"] as? String ?? "") }
            #expect(ranks == ranks.sorted(), "actions of a horizon keep the value ranking")
        }
        #expect(Set(shown) == Set(plan.actions.map(\.id)))
    }

    /// After « Pourquoi : » and « Constat : », French takes a lower-case letter, except for an
    /// acronym (« NPS »); English keeps the sentence's capital after "Why:".
    @Test func rationaleAndEvidenceFollowTheLabelsColon() throws {
        func actions(_ locale: ReportLocale) throws -> [(rationale: String, evidence: String)] {
            let (report, previous, config) = try fixture(locale)
            let view = StrategyView(report: report, previous: previous, config: config, format: ReportFormatter(locale: locale, currency: "EUR")).dictionary()
            return try ["short", "medium", "long"].flatMap { key in
                let part = try #require(view[key] as? [String: Any])
                return try #require(part["actions"] as? [[String: Any]]).map { ($0["rationale"] as? String ?? "", $0["evidence"] as? String ?? "") }
            }
        }
        func opening(_ text: String) -> (first: Character, second: Character)? {
            guard let first = text.first, let second = text.dropFirst().first else { return nil }
            return (first, second)
        }
        let french = try actions(.fr), english = try actions(.en)
        #expect(!french.isEmpty && french.count == english.count)
        for text in french.flatMap({ [$0.rationale, $0.evidence] }) {
            guard let (first, second) = opening(text), first.isLetter else { continue }
            if second.isUppercase { #expect(first.isUppercase, "\(text)") } else { #expect(first.isLowercase, "\(text)") }
        }
        #expect(french.contains { $0.rationale.hasPrefix("le ") || $0.rationale.hasPrefix("une ") }, "\(french.map(\.rationale))")
        for text in english.map(\.rationale) {
            let first = try #require(text.first)
            #expect(first.isUppercase, "\(text)")
        }
    }

    @Test func budgetShowsHowEachLineIsComputed() throws {
        let (report, previous, config) = try fixture(.fr)
        let format = ReportFormatter(locale: .fr, currency: "EUR")
        let plan = StrategyPlanner.plan(report, previous: previous, config: config)
        let view = StrategyView(report: report, previous: previous, config: config, format: format).dictionary()
        let budget = try #require(view["budget"] as? [String: Any])
        let lines = try #require(budget["lines"] as? [[String: Any]])
        #expect(lines.count == plan.budget.count)
        // The sample's lines (seed 7), in euros; the total is the sum of the lines as shown,
        // 310 + 220 + 6 + 150 + 254 + 129 + 81 + 6 + 52 + 85 + 539 = 1,832, within half a euro a
        // line of the exact total (the last line is 53,881 points × 0.01 € = 538.81 €).
        let nnbsp = "\u{202F}"
        #expect(lines.map { $0["amount"] as? String } == ["310", "220", "6", "150", "254", "129", "81", "6", "52", "85", "539"].map { $0 + nnbsp + "€" })
        #expect(lines.last?["computation"] as? String == "53" + nnbsp + "881 × 0,01" + nnbsp + "€")
        #expect(budget["total"] as? String == "1" + nnbsp + "832" + nnbsp + "€")
        #expect(abs(1832 - plan.budgetTotal) <= 0.5 * Double(plan.budget.count))
        for line in lines {
            let computation = try #require(line["computation"] as? String)
            #expect(computation.contains(" × ") && computation.hasSuffix("€"), "\(computation)")
            #expect(!(line["basis"] as? String ?? "").isEmpty)
        }
        // The programme's rewards come last, after the actions grouped by horizon.
        #expect(lines.last?["when"] as? String == "première année du programme")
    }

    @Test func loyaltyAndPlaybooksFollowTheModel() throws {
        let (report, _, config) = try fixture(.en)
        let format = ReportFormatter(locale: .en, currency: "EUR")
        let design = LoyaltyProgramDesigner.design(report, config: config)
        let loyalty = LoyaltyView(design: design, report: report, format: format).dictionary()
        let tiers = try #require(loyalty["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["name"] as? String } == design.tiers.map(\.name))
        // The sample's (seed 7) reward cost, 53,881 points × €0.01 = €538.81, and points liability
        // €359.21, to the euro.
        #expect(abs(design.rewardCost - 538.81) < 0.005 && abs(design.pointsLiability - 359.21) < 0.005)
        #expect(loyalty["reward_cost"] as? String == "€539")
        #expect(loyalty["liability"] as? String == "€359")
        let playbooks = PlaybookView(report: report, config: config, format: format).dictionary()
        let segments = try #require(playbooks["segments"] as? [[String: Any]])
        let escalations = try #require(playbooks["escalations"] as? [[String: Any]])
        #expect(segments.count == Set(report.segmentIDs).count)
        #expect(escalations.count == EscalationKind.allCases.count)
        for p in segments + escalations {
            #expect(!(p["steps"] as? [[String: Any]] ?? []).isEmpty)
            #expect(!(p["owner"] as? String ?? "").isEmpty)
        }
    }
}
