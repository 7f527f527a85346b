import Testing
import ReportModel
@testable import ReportRender

/// `validate --parse-only` warns of what `validate` warns of in the input (a gap between month ends,
/// an unknown column, a file cut short), so that `--strict` stops the same inputs with it or
/// without: the parse alone said "OK" to a ledger that `validate --strict` refused.
@Suite struct ParseWarningsTests {
    @Test func aLedgersWarningsAreValidatesWithTheParseAlone() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,date,amount,channel\nA,2024-01-05,10,web\nB,2024-01-09,5,shop\nA,2025-05-15,20,web\n", to: "t.csv")
        let input = ReportInput.transactions(f.path("t.csv"), asOf: nil)
        let parsed = try ReportBuilder.parse(input, config: ReportConfig()).warnings
        let validated = try ReportBuilder.validate(input, config: ReportConfig()).warnings
        #expect(parsed == validated)
        #expect(parsed.contains { $0.contains("channel") }, "\(parsed)")
        #expect(parsed.count == 2, "the unknown column and the months without a line: \(parsed)")
    }

    @Test func aSnapshotFoldersWarningsAreValidatesWithTheParseAlone() throws {
        let f = BuildFixture(); defer { f.remove() }
        let header = "customer_id,last_order_date,orders,revenue,channel\n"
        f.write(header + "A,2026-01-05,1,10,web\n", to: "in/2026-01.csv")
        f.write(header, to: "in/2026-02.csv")
        f.write(header + "A,2026-04-05,2,20,web\n", to: "in/2026-04.csv")
        let input = ReportInput.snapshots(f.path("in"))
        let parsed = try ReportBuilder.parse(input, config: ReportConfig()).warnings
        let validated = try ReportBuilder.validate(input, config: ReportConfig()).warnings
        #expect(parsed == validated)
        #expect(parsed.contains { $0.contains("no snapshot for 2026-03") }, "\(parsed)")
        #expect(parsed.contains { $0.contains("2026-02.csv: the file has a header row but no customer row") }, "\(parsed)")
        #expect(parsed.contains { $0.contains("channel") }, "\(parsed)")
    }
}
