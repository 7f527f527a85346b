import Testing
@testable import ReportModel

@Suite("Playbook library")
struct PlaybookLibraryTests {
    let config = ReportConfig()

    @Test func onePlaybookPerSegmentThenPerEscalation() {
        let segments = StrategyFixture.smallSegments() + [StrategyFixture.segment("whales", share: 0.01, revenue: 90_000)]
        let playbooks = PlaybookLibrary.playbooks(StrategyFixture.report(segments: segments), config: config)
        #expect(playbooks.map(\.id) == segments.map { "segment-" + $0.id } + EscalationKind.allCases.map { "escalation-" + $0.rawValue })
        #expect(playbooks.filter { $0.segment != nil }.map(\.audienceSize) == segments.map(\.customers))
        let generic = playbooks.first { $0.segment == "whales" }
        #expect(generic?.title == LocalizedText(en: "whales: segment journey", fr: "whales : parcours du segment"))
        #expect(generic?.owner == .lifecycleManagement)
        #expect(generic?.timing == LocalizedText(en: "Monthly, after each snapshot", fr: "Chaque mois, après chaque relevé"))
        var weekly = config
        weekly.cadence = .weekly
        #expect(PlaybookLibrary.playbooks(StrategyFixture.report(segments: segments), config: weekly).first { $0.segment == "whales" }?.timing
                == LocalizedText(en: "Weekly, after each snapshot", fr: "Chaque semaine, après chaque relevé"))
        let atRisk = playbooks.first { $0.segment == "at_risk" }
        #expect(atRisk?.owner == .churnPrevention)
        #expect(atRisk?.offerValue == config.actionPlan.winBackIncentive)
        for p in playbooks {
            #expect(!p.steps.isEmpty)
            #expect(p.steps.map(\.day) == p.steps.map(\.day).sorted())
            #expect(!p.channels.isEmpty)
        }
    }

    /// A configured name that ends in its own punctuation is not followed by a colon.
    @Test func titleAfterANameEndingInPunctuation() throws {
        let config = try ConfigLoader.parse("""
            segments:
              - {id: at_risk, r: 1-2, f: 3-5, name: {en: Slipping away!, fr: Sur le départ…}}
              - {id: quiet, name: Quiet}
            """, file: "fidelis.yml")
        let segments = [StrategyFixture.segment("at_risk", share: 0.1, revenue: 100), StrategyFixture.segment("quiet", share: 0.1, revenue: 100)]
        let titles = PlaybookLibrary.playbooks(StrategyFixture.report(segments: segments), config: config).filter { $0.segment != nil }.map(\.title)
        #expect(titles == [LocalizedText(en: "Slipping away! — win-back", fr: "Sur le départ… — reconquête"),
                           LocalizedText(en: "Quiet: segment journey", fr: "Quiet : parcours du segment")])
    }

    @Test(arguments: EscalationKind.allCases)
    func raisedEscalationHasAnActivePlaybookWithTheSeedAction(kind: EscalationKind) throws {
        let report = StrategyFixture.report(escalations: StrategyFixture.escalations(raised: [kind], count: 3))
        let playbooks = PlaybookLibrary.playbooks(report, config: config)
        let playbook = try #require(playbooks.first { $0.escalation == kind })
        #expect(playbook.active)
        #expect(playbook.owner == kind.owner)
        let expectedAudience = kind.isAboutCustomers ? 3 : kind == .npsCritical ? report.nps.detractors : report.counts.lost
        #expect(playbook.audienceSize == expectedAudience)
        let seed: [EscalationKind: String] = [
            .vipAtRisk: "Intervention personnelle", .npsCritical: "Revue stratégique", .churnCrisis: "Comité de crise",
            .publicComplaint: "Gestion de crise", .largeRefund: "Validation financière",
        ]
        #expect(playbook.title.fr.hasPrefix(seed[kind]!))
        #expect(playbooks.filter { $0.escalation != nil && $0.escalation != kind }.allSatisfy { !$0.active && $0.audienceSize == 0 })
        // The plan holds the matching action.
        #expect(StrategyPlanner.plan(report, previous: nil, config: config).actions.contains { $0.escalation == kind })
    }

    @Test func playbooksAreDeterministic() {
        let report = StrategyFixture.report(escalations: StrategyFixture.escalations(raised: Set(EscalationKind.allCases)))
        #expect(PlaybookLibrary.playbooks(report, config: config) == PlaybookLibrary.playbooks(report, config: config))
    }
}
