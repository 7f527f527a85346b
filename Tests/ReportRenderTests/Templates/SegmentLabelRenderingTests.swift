import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// Segments named in the config (`name`, `action` of a segment rule) are shown by those names in
/// every deliverable, chart and table, in the report's language; their ids stay in the data files.
@Suite struct SegmentLabelRenderingTests {
    static let yaml = """
    segments:
      - {id: whales, r: 4-5, f: 5, m: 5, name: {en: VIP whales, fr: Baleines VIP}, action: {en: Personal call, fr: Appel personnel}}
      - {id: champions, r: 3-5, f: 4-5, m: 4-5}
      - {id: loyal, r: 3-5, f: 4-5, m: 1-5, name: {en: Regulars, fr: Habitués}}
      - {id: potential, r: 3-5, f: 1-5, m: 1-5}
      - {id: at_risk, r: 1-2, f: 4-5, m: 1-5, name: {en: Slipping, fr: "Sur le départ !"}}
      - {id: at_risk, r: 1-2, f: 1-5, m: 4-5}
      - {id: hibernating, r: 1-2, f: 3-5, m: 1-5}
      - {id: hibernating, r: 1-2, f: 1-5, m: 3-5}
      - {id: lost, r: 1-2, f: 1-5, m: 1-5, name: {en: Gone for good, fr: Partis}}

    """

    @Test(arguments: [ReportLocale.en, .fr])
    func configuredNamesAreShownEverywhere(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 400, months: 3, seed: 5)
        let config = try ConfigLoader.parse(Self.yaml, file: "fidelis.yml")
        _ = try f.build("in", out: "site", locale: locale, config: config)
        let fr = locale == .fr
        let whales = fr ? "Baleines VIP" : "VIP whales", regulars = fr ? "Habitués" : "Regulars"
        let segmentation = TemplateOutput.read(f, "site/2026-10/segmentation.md")
        // The segment table's row: name, profile from its rule, and its action.
        let rows = TemplateOutput.tables(segmentation).first ?? []
        let row = try #require(rows.first { $0.first == whales }, "\(rows)")
        #expect(row[1] == "R4–5 F5 M5")
        #expect(row.last == (fr ? "Appel personnel" : "Personal call"))
        let regularsRow = try #require(rows.first { $0.first == regulars }, "\(rows)")
        #expect(regularsRow[1] == "R↑ F↑ M→" && regularsRow.last == (fr ? "Faire monter en gamme" : "Upsell"))
        #expect(!rows.contains { $0.first == "whales" || $0.first == "Loyal" || $0.first == "Loyaux" })
        let playbooks = TemplateOutput.read(f, "site/2026-10/playbooks.md")
        #expect(playbooks.contains(fr ? "### Baleines VIP\u{00A0}: parcours du segment" : "### VIP whales: segment journey"), "\(playbooks.prefix(400))")
        #expect(playbooks.contains(fr ? "### Habitués\u{00A0}: montée en gamme" : "### Regulars: upsell and cross-sell"))
        // The escalation on VIPs in the at-risk segment names it as configured, French spacing too.
        let diagnostic = TemplateOutput.read(f, "site/2026-10/diagnostic.md")
        #expect(diagnostic.contains(fr ? "VIP dans le segment Sur le départ\u{202F}!" : "VIP in the Slipping segment"), "\(diagnostic)")
        #expect(segmentation.contains(fr ? "| Sur le départ\u{202F}! |" : "| Slipping |"))
        // The prose that names a seed segment uses its name as shown.
        #expect(diagnostic.contains(fr ? "à distinguer du segment RFM Partis)" : "not the same as the Gone for good RFM segment)"), "\(diagnostic)")
        #expect(segmentation.contains(fr ? "comme le segment Partis, peuvent afficher" : "such as Gone for good can show"))
        #expect(playbooks.contains(fr ? "Le client passe dans le segment Sur le départ\u{202F}! (forte valeur" : "The customer moves into the Slipping segment (high past value"))
        #expect(playbooks.contains(fr ? "Un client VIP est dans le segment Sur le départ\u{202F}!" : "A VIP customer is in the Slipping segment"))
        #expect(!playbooks.contains(fr ? "À risque" : "At risk") && !playbooks.contains(fr ? "Perdus" : "Lost"), "\(playbooks)")
        // A segment of the config's own gets a plan action under its name.
        let strategy = TemplateOutput.read(f, "site/2026-10/strategy.md")
        #expect(strategy.contains(fr ? "Parcours cycle de vie dédié au segment Baleines VIP" : "Tailored lifecycle journey for VIP whales"), "\(strategy)")
        // The charts and the dashboard's tables too; never the id.
        let dashboard = TemplateOutput.read(f, "site/2026-10/index.html")
        #expect(dashboard.contains(whales) && dashboard.contains(regulars))
        for page in TemplateOutput.pageNames {
            let text = TemplateOutput.read(f, "site/2026-10/" + page)
            #expect(!text.contains("| whales |") && !text.contains(">whales<"), "\(page) shows the id")
        }
        // The data files keep the ids.
        let csv = TemplateOutput.read(f, "site/2026-10/segments.csv")
        #expect(csv.contains(",whales,") && !csv.contains(whales))
        let metrics = TemplateOutput.read(f, "site/2026-10/metrics.json")
        #expect(metrics.contains("\"whales\"") && metrics.contains("\"loyal\"") && !metrics.contains(regulars))
    }
}
