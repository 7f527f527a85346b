import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// What a team meets over years of monthly exports, said where the figures are read: a month
/// without a snapshot, an export cut short and the base back the month after, ids written another
/// way, columns that come and go. Each is a warning of the build (counted by `--strict`) and, where
/// it changes the figures, a note on the snapshot's dashboard and diagnostic.
@Suite struct ExportAccidentTests {
    static let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"

    /// `n` customers `prefix0`, `prefix1`, … each with one order on `day`.
    static func rows(_ prefix: String, _ n: Int, day: String) -> String {
        (0..<n).map { "\(prefix)\($0),\(day),\(day),1,10\n" }.joined()
    }

    @Test func aGapACutExportAndTheBaseBackAreWarnedOfAndNotedOnThePages() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write(Self.header + Self.rows("A", 30, day: "2026-01-05"), to: "in/2026-01.csv")
        f.write(Self.header + Self.rows("A", 2, day: "2026-01-05"), to: "in/2026-03.csv")
        f.write(Self.header + Self.rows("A", 30, day: "2026-04-05"), to: "in/2026-04.csv")
        let result = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: ReportConfig()))
        #expect(result.warnings.count == 3, "\(result.warnings)")
        #expect(result.warnings.contains { $0.hasPrefix("no snapshot for 2026-02") })
        #expect(result.warnings.contains { $0.hasPrefix("2026-03.csv: 28 of the 30 customers active at 2026-01.csv (93%) are not in it") })
        #expect(result.warnings.contains { $0.hasPrefix("2026-04.csv: 28 of its 30 active customers (93%) were not in 2026-03.csv but in an earlier snapshot") })
        func page(_ path: String) throws -> String { try String(contentsOfFile: f.path("site/" + path), encoding: .utf8) }
        #expect(try !page("2026-01/index.html").contains("class=\"notice\""))
        let march = try page("2026-03/index.html")
        #expect(march.contains("<strong>Long period.</strong> This snapshot comes 59 days after the previous one (2026-01), with no snapshot for 2026-02"))
        #expect(march.contains("<strong>Customers missing from this export.</strong> 28 of the 30 customers active at 2026-01 (93%) are not in this snapshot"))
        #expect(try page("2026-04/diagnostic.md").contains("> **Customers back in this export.** 28 of this snapshot's 30 active customers (93%) were not in 2026-03"))
        #expect(try !page("2026-04/diagnostic.md").contains("Long period"))
    }

    /// A file with a header row and no customer row: its own warning only, and on its pages the
    /// note on customers missing (its retention of 0 % said nothing otherwise).
    @Test func aHeaderOnlyFileIsOneWarningAndANote() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write(Self.header + Self.rows("A", 30, day: "2026-01-05"), to: "in/2026-01.csv")
        f.write(Self.header, to: "in/2026-02.csv")
        let result = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: ReportConfig()))
        #expect(result.warnings == ["2026-02.csv: the file has a header row but no customer row (an export cut short?): every customer active before it counts as lost"])
        let page = try String(contentsOfFile: f.path("site/2026-02/index.html"), encoding: .utf8)
        #expect(page.contains("<strong>Customers missing from this export.</strong> 30 of the 30 customers active at 2026-01 (100%) are not in this snapshot"))
    }

    /// Files a month apart across a month (2026-01-31, 2026-03-01: 29 days) are no gap, on the
    /// console or on the page.
    @Test func filesAMonthApartAcrossAMonthAreNoGap() throws {
        let f = BuildFixture(); defer { f.remove() }
        for name in ["2025-12-31", "2026-01-31", "2026-03-01", "2026-03-31"] { f.write(Self.header + Self.rows("A", 30, day: "2025-12-05"), to: "in/\(name).csv") }
        let result = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: ReportConfig()))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(try !String(contentsOfFile: f.path("site/2026-03-01/index.html"), encoding: .utf8).contains("Long period"))
    }

    @Test func idsWrittenAnotherWayAreOneWarningAndOneNote() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write(Self.header + Self.rows("C00", 30, day: "2026-01-05"), to: "in/2026-01.csv")
        f.write(Self.header + Self.rows("", 30, day: "2026-01-05"), to: "in/2026-02.csv")
        var config = ReportConfig()
        config.locale = .fr
        let result = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("site"), config: config))
        #expect(result.warnings.count == 1 && result.warnings[0].contains("customer ids written another way?"), "\(result.warnings)")
        let diagnostic = try String(contentsOfFile: f.path("site/2026-02/diagnostic.md"), encoding: .utf8)
        #expect(diagnostic.contains("**Identifiants clients changés\u{00A0}?** 30 des 30 clients actifs au relevé 2026-01 ne sont pas dans ce relevé, et 30 clients (100"))
        #expect(!diagnostic.contains("Clients absents") && !diagnostic.contains("Clients nouveaux"))
    }

    /// A column of what a customer is that the next snapshot lacks is warned of; one of what happened
    /// during the period (`nps` here) is not: a month may have no survey.
    @Test func columnsThatComeAndGoAreWarnedOf() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,last_order_date,orders,revenue,tier,nps\nA,2026-01-05,1,10,Gold,9\n", to: "in/2026-01.csv")
        f.write("customer_id,last_order_date,orders,revenue,status\nA,2026-01-05,1,10,active\n", to: "in/2026-02.csv")
        f.write("customer_id,last_order_date,orders,revenue,status\nA,2026-01-05,1,10,active\n", to: "in/2026-03.csv")
        let input = ReportInput.snapshots(f.path("in"))
        let warnings = try ReportBuilder.validate(input, config: ReportConfig()).warnings
        #expect(warnings == [
            "2026-02.csv lacks the tier column that 2026-01.csv had: its figures that need it are worked out without it (left out of the export?)",
            "2026-02.csv has a status column that 2026-01.csv lacks: activity is read from it from here on, not from the activity window, so this snapshot's retention and churn compare two definitions of active",
        ])
        #expect(try ReportBuilder.parse(input, config: ReportConfig()).warnings == warnings)
        // The loyalty page asks whether the programme's columns were left out of the export, in the
        // snapshot that lost them only.
        _ = try ReportBuilder.build(BuildOptions(input: input, output: f.path("site"), config: ReportConfig()))
        let february = try String(contentsOfFile: f.path("site/2026-02/loyalty-program.md"), encoding: .utf8)
        #expect(february.contains("no current programme to compare with. The snapshot before (2026-01) had them: were they left out of this export?"))
        let march = try String(contentsOfFile: f.path("site/2026-03/loyalty-program.md"), encoding: .utf8)
        #expect(march.contains("no current programme to compare with.\n"))
    }
}
