import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// Every template of both locales, rendered on real builds, leaves no tag and no empty table cell.
@Suite struct TemplateCoverageTests {
    /// Builds `input` in `locale` and returns the problems found on every page of every snapshot.
    func problems(_ f: BuildFixture, input: String, locale: ReportLocale) throws -> [String] {
        let out = "site-" + locale.rawValue
        let result = try f.build(input, out: out, locale: locale)
        // Every tag of the built-in templates names a key of the views (the latest snapshot's).
        var problems = result.warnings.filter { $0.contains("names nothing the template is given") }
        #expect(!result.reports.isEmpty)
        for report in result.reports {
            for name in TemplateOutput.pageNames {
                let relative = out + "/" + report.period.label + "/" + name
                let text = TemplateOutput.read(f, relative)
                if name.hasSuffix(".md") {
                    problems += TemplateOutput.problems(markdown: text, name: relative)
                } else {
                    problems += TemplateOutput.problems(html: text, name: relative, emptyCellsAllowed: name == "index.html")
                }
            }
        }
        problems += TemplateOutput.problems(html: TemplateOutput.read(f, out + "/index.html"), name: out + "/index.html", emptyCellsAllowed: true)
        return problems
    }

    /// Builds `input` in `locale` and expects every page complete (see `problems`).
    func expectComplete(_ f: BuildFixture, input: String, locale: ReportLocale, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try problems(f, input: input, locale: locale)
        #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func fullSampleRendersCompletely(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        try expectComplete(f, input: "in", locale: locale)
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func singleSnapshotRendersCompletely(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 80, months: 1, seed: 3)
        try expectComplete(f, input: "in", locale: locale)
        let strategy = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10/strategy.md")
        #expect(strategy.contains(locale == .fr ? "Premier relevé" : "first snapshot"))
        let dashboard = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10/index.html")
        #expect(dashboard.contains(locale == .fr ? "Il faut au moins deux relevés" : "Needs at least two snapshots"))
    }

    /// Two snapshots of prospects only: every page is complete, and the empty retention trend says
    /// that no customer was active, not that a second snapshot is missing.
    @Test(arguments: [ReportLocale.en, .fr])
    func prospectsOnlyRenderCompletely(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,last_order_date,orders,revenue\nA,,0,0\nB,,0,0\n", to: "in/2026-08.csv")
        f.write("customer_id,last_order_date,orders,revenue\nA,,0,0\nB,,0,0\nC,,0,0\n", to: "in/2026-09.csv")
        try expectComplete(f, input: "in", locale: locale)
        let dashboard = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-09/index.html")
        #expect(dashboard.contains(locale == .fr ? "Aucun client actif à un relevé précédent" : "No customer active at an earlier snapshot"))
        #expect(!dashboard.contains(locale == .fr ? "Il faut au moins deux relevés" : "Needs at least two snapshots"))
    }

    /// Only the required columns, a handful of customers: no survey, no tiers, no model fit.
    @Test(arguments: [ReportLocale.en, .fr])
    func minimalInputRendersCompletely(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,last_order_date,orders,revenue\nA,2026-08-20,1,20\nB,2026-07-02,3,150.5\nC,2025-12-01,2,80\nD,,0,0\n", to: "in/2026-08.csv")
        f.write("customer_id,last_order_date,orders,revenue\nA,2026-09-20,2,45\nB,2026-07-02,3,150.5\nC,2025-12-01,2,80\nD,,0,0\nE,2026-09-29,1,12\n", to: "in/2026-09.csv")
        try expectComplete(f, input: "in", locale: locale)
        let loyalty = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-09/loyalty-program.md")
        #expect(loyalty.contains("points_balance"))
        let segmentation = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-09/segmentation.md")
        #expect(!segmentation.contains("P90"), "predicted CLV shown without a fitted model")
        // Without an nps column the NPS charts could only be empty: left out, and the KPI cards say
        // which column would fill them.
        let dashboard = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-09/index.html")
        #expect(dashboard.contains(locale == .fr ? "Pas de colonne nps" : "No nps column") && dashboard.contains(locale == .fr ? "Pas de colonne ces" : "No ces column"))
        #expect(!dashboard.contains("id=\"nps-trend") && !dashboard.contains("id=\"nps-breakdown"))
    }

    /// The strategy follows the seed's output template, section by section, in French (its title and
    /// the horizons' headings as the seed writes them, « Stratégie Fidélisation - … » and « (0-30 jours) »).
    @Test func frenchStrategyFollowsTheSeedTemplate() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        var config = ReportConfig()
        config.client = "Maison Test"
        config.locale = .fr
        _ = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: config))
        let md = TemplateOutput.read(f, "site/2026-10/strategy.md")
        let sections = ["# Stratégie Fidélisation - Maison Test", "## Diagnostic", "| Indicateur | Actuel | Cible |", "## Segmentation RFM",
                        "| Segment | % Base | Action prioritaire |", "## Plan d'Action", "### Court terme (0-30 jours)", "### Moyen terme (1-3 mois)",
                        "### Long terme (3-6 mois)", "## Ressources nécessaires", "### Budget", "### Outils", "### Équipe"]
        var position = md.startIndex
        for heading in sections {
            guard let r = md.range(of: heading, range: position..<md.endIndex) else {
                Issue.record("missing or out of order: \(heading)")
                continue
            }
            position = r.upperBound
        }
        // French typography: no plain space before a colon in the template's own text.
        #expect(md.contains("Relevé 2026-10"))
        #expect(!md.contains("Valeur en jeu :"))
        #expect(md.contains("Valeur en jeu\u{00A0}:"))
    }

    /// Escalations raised on the snapshot come first in the strategy, with their action and customers.
    @Test func raisedEscalationsLeadTheStrategy() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        let result = try f.build("in", out: "site", locale: .en)
        let latest = try #require(result.latest)
        let md = TemplateOutput.read(f, "site/2026-10/strategy.md")
        let raised = latest.escalations.filter(\.raised)
        try #require(!raised.isEmpty, "the fixture should raise an escalation")
        let diagnostic = try #require(md.range(of: "## Diagnostic"))
        for e in raised {
            let name = try #require(md.range(of: "**" + EscalationText.name(e.kind, .en) + "**"))
            #expect(name.lowerBound < diagnostic.lowerBound)
            #expect(md.contains(EscalationText.action(e.kind, .en)))
            for c in e.customers.prefix(3) { #expect(md.contains(MarkdownRenderer.escape(c.id))) }
        }
    }
}
