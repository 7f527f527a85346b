import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// Counts in running text agree with their nouns, and dates read as each language writes them.
@Suite struct CountsAndDatesTests {
    /// One buyer, one answer, a snapshot dated the first of a month one day after the one before:
    /// counts agree with their nouns (in French 0 and 1 take the singular), the date is « 1er », and
    /// the short period's note reads with one day.
    @Test func countsOfOneAndTheFirstOfAMonthRead() throws {
        let f = BuildFixture(); defer { f.remove() }
        let header = "customer_id,first_order_date,last_order_date,orders,revenue,nps\n"
        f.write(header + "A,2026-06-01,2026-09-10,2,100,9\n", to: "in/2026-09.csv")
        f.write(header + "A,2026-06-01,2026-09-30,3,150,9\n", to: "in/2026-10-01.csv")
        for locale in [ReportLocale.en, .fr] {
            _ = try f.build("in", out: "site-\(locale.rawValue)", locale: locale)
            func read(_ name: String) -> String { TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10-01/\(name)") }
            let (diagnostic, strategy, dashboard) = (read("diagnostic.md"), read("strategy.md"), read("index.html"))
            let expected: [(String, String)] = locale == .en ? [
                (diagnostic, "**Snapshot:** 2026-10-01 (as of 1 October 2026)"),
                (diagnostic, "This snapshot comes 1 day after the previous one (2026-09): its retention, churn, newly active and lapsed customers and revenue of the period cover that interval only."),
                (diagnostic, "- 1 buyer only: segments and predicted values are a rough guide until there are 50 or more.\n"),
                (diagnostic, "- 1 active customer of 1 (unchanged since 2026-09); none newly active, none lapsed this period;"),
                (diagnostic, "**NPS:** 1 answer —"),
                (strategy, "· 1 buyer · 1 active customer.*"),
                (dashboard, "1 customer · 1 buyer · 1 active"),
            ] : [
                (diagnostic, "2026-10-01 (au 1er octobre 2026)"),
                (diagnostic, "Ce relevé intervient 1\u{00A0}jour après le précédent (2026-09)\u{00A0}: sa rétention, son churn, ses clients nouvellement actifs et devenus inactifs et son chiffre d'affaires de la période ne couvrent que cet intervalle."),
                (diagnostic, "- 1 acheteur seulement\u{00A0}: segments et valeurs prédites restent indicatifs tant que le relevé compte moins de 50 acheteurs.\n"),
                (diagnostic, "- 1 client actif sur 1 (inchangé depuis 2026-09)\u{202F}; aucun nouvellement actif, aucun devenu inactif sur la période\u{202F};"),
                (diagnostic, "**NPS\u{00A0}:** 1 réponse —"),
                (strategy, "· 1 acheteur · 1 client actif.*"),
                (dashboard, "1 client · 1 acheteur · 1 actif"),
            ]
            for (text, line) in expected { #expect(text.contains(line), "\(locale): \(line)") }
        }
    }

    /// A month missing from a monthly folder: the last snapshot comes 61 days after the one before,
    /// and the loyalty programme's yearly spend and the plan's value of it say × 365.25 ÷ 61 days,
    /// with that spend worked out from the period's revenue in `metrics.json`.
    @Test func aLongPeriodIsScaledToAYearOnTheLoyaltyAndStrategyPages() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        try FileManager.default.removeItem(atPath: f.path("in/2026-09.csv"))
        _ = try f.build("in", out: "site", locale: .en)
        let loyalty = TemplateOutput.read(f, "site/2026-10/loyalty-program.md")
        let strategy = TemplateOutput.read(f, "site/2026-10/strategy.md")
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.path("site/2026-10/metrics.json")))) as! [String: Any]
        let revenue = try #require((metrics["revenue"] as? [String: Any])?["period"] as? Double)
        let yearly = ReportFormatter(locale: .en, currency: "EUR").money(revenue * 365.25 / 61, decimals: 0)
        #expect(loyalty.contains("| Yearly spend earning points | revenue of the period × 365.25 ÷ 61 days ("), "\(loyalty)")
        #expect(loyalty.contains("× 365.25 ÷ 61 days) | \(yearly) |"), "\(yearly)")
        #expect(strategy.contains("yearly spend (revenue of the period × 365.25 ÷ 61 days) × share exposed to churn over a year (1 − (1 − churn of the period of 61 days)^(365.25 ÷ 61))"))
        // The month before, 31 days after its own previous snapshot, stays × 12.
        #expect(TemplateOutput.read(f, "site/2026-08/loyalty-program.md").contains("revenue of the period × 12 ("))
    }

    /// The months missing before a long period, in a sentence of the page's language.
    @Test func missingMonthsAreListedInTheLanguageOfThePage() {
        let en = ReportFormatter(locale: .en, currency: "EUR"), fr = ReportFormatter(locale: .fr, currency: "EUR")
        let june = Month(year: 2025, month: 6).index
        #expect(SnapshotView.monthNames(june..<(june + 1), format: fr) == "2025-06")
        #expect(SnapshotView.monthNames(june..<(june + 3), format: en) == "2025-06, 2025-07 and 2025-08")
        #expect(SnapshotView.monthNames(june..<(june + 3), format: fr) == "2025-06, 2025-07 et 2025-08")
        #expect(SnapshotView.monthNames(june..<(june + 6), format: en) == "2025-06 to 2025-11")
        #expect(SnapshotView.monthNames(june..<(june + 6), format: fr) == "les mois de 2025-06 à 2025-11")
    }

    /// Half or more of at least ten verbatims matching no keyword: the diagnostic says how to
    /// extend the routing table; mostly routed, or fewer than ten, it says nothing.
    @Test func mostlyUnroutedVerbatimsAreExplained() throws {
        let f = BuildFixture(); defer { f.remove() }
        let header = "customer_id,first_order_date,last_order_date,orders,revenue,feedback\n"
        func rows(_ texts: [String]) -> String {
            header + texts.enumerated().map { "C\($0.offset),2026-06-01,2026-09-10,2,100,\($0.element)" }.joined(separator: "\n") + "\n"
        }
        f.write(rows(Array(repeating: "great parcel", count: 6) + Array(repeating: "les points de fidélité", count: 4)), to: "a/2026-09.csv")
        f.write(rows(Array(repeating: "great parcel", count: 4) + Array(repeating: "les points de fidélité", count: 6)), to: "b/2026-09.csv")
        f.write(rows(Array(repeating: "great parcel", count: 9)), to: "c/2026-09.csv")
        for locale in [ReportLocale.en, .fr] {
            let note = locale == .en ? "6 of the 10 verbatims match no keyword." : "6 des 10 verbatims ne correspondent à aucun mot-clé."
            _ = try f.build("a", out: "sa-\(locale.rawValue)", locale: locale)
            #expect(TemplateOutput.read(f, "sa-\(locale.rawValue)/2026-09/diagnostic.md").contains(note), "\(locale)")
            for set in ["b", "c"] {
                _ = try f.build(set, out: "s\(set)-\(locale.rawValue)", locale: locale)
                #expect(!TemplateOutput.read(f, "s\(set)-\(locale.rawValue)/2026-09/diagnostic.md").contains(locale == .en ? "match no keyword" : "aucun mot-clé"), "\(set) \(locale)")
            }
        }
    }
}
