import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// A ledger and the snapshots of the same simulated purchases give the same figures
/// (input.md: "both kinds share everything downstream").
@Suite struct LedgerAgreementTests {
    /// The same simulated purchases as snapshots (`snapshots/`) and as a ledger (`ledger/transactions.csv`).
    static func writeSample(_ settings: SampleSettings, into f: BuildFixture) throws {
        try SampleGenerator.writeSnapshots(to: URL(fileURLWithPath: f.path("snapshots")), settings: settings)
        try FileManager.default.createDirectory(atPath: f.path("ledger"), withIntermediateDirectories: true)
        try SampleGenerator.writeLedger(to: URL(fileURLWithPath: f.path("ledger/transactions.csv")), settings: settings)
    }

    @Test func ledgerAndSnapshotsAgreeOnEveryBuyerFigure() throws {
        let f = BuildFixture(); defer { f.remove() }
        let settings = SampleSettings(customers: 400, months: 4, seed: 11)
        try Self.writeSample(settings, into: f)
        var config = ReportConfig()
        config.locale = .en
        let fromSnapshots = try ReportBuilder.validate(.snapshots(f.path("snapshots")), config: config)
        let fromLedger = try ReportBuilder.validate(.transactions(f.path("ledger/transactions.csv"), asOf: nil), config: config)
        let s = try #require(fromSnapshots.latest)
        let l = try #require(fromLedger.latest)
        #expect(s.period == l.period)
        #expect(s.counts.buyers == l.counts.buyers)
        #expect(s.revenueTotal == l.revenueTotal)
        #expect(s.thresholds == l.thresholds)
        #expect(s.segments.map(\.customers) == l.segments.map(\.customers))
        #expect(s.segments.map(\.revenue) == l.segments.map(\.revenue))
        #expect(s.kpi(.ltv).value == l.kpi(.ltv).value)
        #expect(s.kpi(.repeatPurchaseRate).value == l.kpi(.repeatPurchaseRate).value)
        #expect(s.kpi(.retentionRate).value == l.kpi(.retentionRate).value)
        #expect(s.counts.active == l.counts.active)
        // Earlier months too: the ledger starts earlier, so match by period.
        for r in fromSnapshots.reports {
            let m = try #require(fromLedger.reports.first { $0.period == r.period })
            #expect(r.counts.buyers == m.counts.buyers, "\(r.period)")
            #expect(r.revenueTotal == m.revenueTotal, "\(r.period)")
        }
    }

    /// A ledger has no survey or feedback column: its dashboard leaves out the two NPS charts, which
    /// could only be empty; its survey KPIs' cards, the strategy's table, the voice of the customer
    /// and the playbooks of the escalations it cannot raise say which column is missing; the
    /// diagnostic's trend table has no NPS or CSAT column. The same purchases as snapshots (which
    /// have the columns) keep all of them. Snapshots without those columns are shown as the ledger
    /// is (the warehouse recipe's site is the ledger's, sql/check.sh).
    @Test func aDashboardLeavesOutWhatItsInputHasNoColumnFor() throws {
        let f = BuildFixture(); defer { f.remove() }
        let settings = SampleSettings(customers: 300, months: 3, seed: 5)
        try Self.writeSample(settings, into: f)
        let fromLedger = try ReportBuilder.validate(.transactions(f.path("ledger/transactions.csv"), asOf: nil), config: ReportConfig())
        let fromSnapshots = try ReportBuilder.validate(.snapshots(f.path("snapshots")), config: ReportConfig())
        #expect(try #require(fromLedger.latest).missingInputColumns == [.nps, .csat, .ces, .feedback])
        #expect(try #require(fromSnapshots.latest).missingInputColumns.isEmpty)
        // No verbatim: the ledger's because it has no feedback column, which the pages say.
        let ledgerFeedback = SnapshotView(report: try #require(fromLedger.latest), history: [], config: ReportConfig()).feedback()
        #expect(ledgerFeedback["any"] as? Bool == false && ledgerFeedback["has_column"] as? Bool == false)
        #expect(SnapshotView(report: try #require(fromSnapshots.latest), history: [], config: ReportConfig()).feedback()["has_column"] as? Bool == true)
        func ids(_ result: ReportBuilder.Result) throws -> [String] {
            let report = try #require(result.latest)
            return ChartSet(report: report, history: Array(result.reports.dropLast()), locale: .en, format: ReportFormatter(locale: .en, currency: "EUR"))
                .entries().compactMap { $0["id"] as? String }
        }
        #expect(try ids(fromLedger) == ["retention", "churn", "repeat", "segments", "rf-grid", "cohorts", "migration"])
        #expect(try ids(fromSnapshots) == ["retention", "churn", "nps-trend", "repeat", "segments", "nps-breakdown", "rf-grid", "cohorts", "migration"])
        func labels(_ result: ReportBuilder.Result, _ locale: ReportLocale) throws -> [String: String] {
            var config = ReportConfig()
            config.locale = locale
            let cards = SnapshotView(report: try #require(result.latest), history: Array(result.reports.dropLast()), config: config).kpis()
            return Dictionary(uniqueKeysWithValues: cards.map { ($0["key"] as? String ?? "", $0["status_label"] as? String ?? "") })
        }
        let english = try labels(fromLedger, .en), french = try labels(fromLedger, .fr)
        #expect([english["nps"], english["csat"], english["csat_satisfied_share"], english["ces"]] == ["No nps column", "No csat column", "No csat column", "No ces column"])
        #expect([french["nps"], french["csat"], french["ces"]] == ["Pas de colonne nps", "Pas de colonne csat", "Pas de colonne ces"])
        #expect(english["repeat_purchase_rate"] == "⚠ Off target" || english["repeat_purchase_rate"] == "✓ On target")
        // The sample's snapshots have survey answers: their cards are judged.
        #expect(try labels(fromSnapshots, .en).values.allSatisfy { !$0.hasSuffix(" column") })
        // The diagnostic's trend table: no NPS and CSAT columns of n/a for the ledger.
        _ = try ReportBuilder.build(BuildOptions(input: .transactions(f.path("ledger/transactions.csv"), asOf: nil), output: f.path("site-ledger"), config: ReportConfig()))
        _ = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("snapshots")), output: f.path("site-snapshots"), config: ReportConfig()))
        let period = try #require(fromLedger.latest).period.label
        let ledgerDiagnostic = try String(contentsOfFile: f.path("site-ledger/\(period)/diagnostic.md"), encoding: .utf8)
        let snapshotDiagnostic = try String(contentsOfFile: f.path("site-snapshots/\(period)/diagnostic.md"), encoding: .utf8)
        #expect(ledgerDiagnostic.contains("\n| Snapshot | Active | Retention | Churn | Repeat purchase | Historical LTV |\n|---|---:|---:|---:|---:|---:|\n"))
        #expect(snapshotDiagnostic.contains("\n| Snapshot | Active | Retention | Churn | NPS | CSAT | Repeat purchase | Historical LTV |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"))
        #expect(ledgerDiagnostic.contains("No verbatim: the input has no feedback column."))
        // The playbooks of escalations the ledger cannot raise say so, rather than "ready for when it is".
        let ledgerPlaybooks = try String(contentsOfFile: f.path("site-ledger/\(period)/playbooks.md"), encoding: .utf8)
        for column in ["nps", "public_complaint", "refund_requested"] {
            #expect(ledgerPlaybooks.contains("- **Audience now:** Cannot be raised: the input has no \(column) column\n"), "\(column)")
        }
        #expect(!ledgerPlaybooks.contains("Cannot be raised: the input has no vip") && ledgerPlaybooks.contains("ready for when it is") == ledgerPlaybooks.contains("Not raised at this snapshot"))
        // The strategy's diagnostic table too.
        let ledgerStrategy = try String(contentsOfFile: f.path("site-ledger/\(period)/strategy.md"), encoding: .utf8)
        #expect(ledgerStrategy.contains("| NPS | n/a | \\> 50.0 | — no nps column |\n| CSAT | n/a | \\> 4.20 | — no csat column |\n"))
        let snapshotPlaybooks = try String(contentsOfFile: f.path("site-snapshots/\(period)/playbooks.md"), encoding: .utf8)
        #expect(!snapshotPlaybooks.contains("Cannot be raised"))
        // One snapshot of three with an nps column: the NPS charts stay, with their gaps.
        var mixed = fromLedger
        mixed.reports[0].missingInputColumns = [.csat, .ces]
        #expect(try ids(mixed).contains("nps-trend"))
    }

    @Test func asOfCutsTheLedger() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,date,amount,order_id\nA,2026-01-05,10,o1\nA,2026-01-05,5,o1\nB,2026-02-10,20,o2\nA,2026-03-15,-5,o3\n", to: "t.csv")
        let all = try ReportBuilder.validate(.transactions(f.path("t.csv"), asOf: nil), config: ReportConfig())
        #expect(all.reports.map(\.period.label) == ["2026-01", "2026-02", "2026-03-15"])
        #expect(all.latest?.revenueTotal == 300_000)
        let cut = try ReportBuilder.validate(.transactions(f.path("t.csv"), asOf: Day(year: 2026, month: 2, day: 28)), config: ReportConfig())
        #expect(cut.reports.map(\.period.label) == ["2026-01", "2026-02"])
        #expect(cut.latest?.revenueTotal == 350_000)
        #expect(cut.latest?.kpi(.repeatPurchaseRate).value == 0) // o1 is one order of two lines
        // The rows read are the ledger's four lines, those after the as-of date included; not the
        // rows of the month ends derived from them (1 + 2 + 2 for the whole ledger).
        #expect(all.rowsRead == 4)
        #expect(cut.rowsRead == 4)
        #expect(try ReportBuilder.parse(.transactions(f.path("t.csv"), asOf: nil), config: ReportConfig()).rowsRead == 4)
        // Of those, the lines after the as-of date are counted as left out (the summaries say so).
        #expect(all.rowsLeftOut == 0)
        #expect(cut.rowsLeftOut == 1)
        #expect(try ReportBuilder.parse(.transactions(f.path("t.csv"), asOf: Day(year: 2026, month: 1, day: 31)), config: ReportConfig()).rowsLeftOut == 2)
        let dir = f.path("site")
        let built = try ReportBuilder.build(BuildOptions(input: .transactions(f.path("t.csv"), asOf: Day(year: 2026, month: 2, day: 28)), output: dir, config: ReportConfig()))
        #expect(built.rowsRead == 4 && built.rowsLeftOut == 1)
    }
}
