import Testing
@testable import ReportModel

/// How a snapshot's customers follow on from the previous one's (`SnapshotCounts`' export checks):
/// counted by hand on small snapshots, and the thresholds that tell an export accident (a file cut
/// short, ids written another way, an import) from the customers' own comings and goings.
@Suite struct ExportChecksTests {
    static let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"

    @Test func countsByHand() {
        var f = EngineFixture()
        // January: A, B, C, P (a prospect). February: A, D (new, first order in February), E (new, first
        // order in December: it had ordered by January's date), P. March: A, B (back after February), F.
        let r = f.run([
            ("2026-01", Self.header + "A,2025-11-02,2026-01-10,2,20\nB,2026-01-03,2026-01-03,1,10\nC,2025-12-01,2025-12-01,1,5\nP,,,0,0\n"),
            ("2026-02", Self.header + "A,2025-11-02,2026-02-10,3,30\nD,2026-02-03,2026-02-03,1,10\nE,2025-12-20,2026-02-01,2,15\nP,,,0,0\n"),
            ("2026-03", Self.header + "A,2025-11-02,2026-02-10,3,30\nB,2026-01-03,2026-03-03,2,12\nF,2026-03-01,2026-03-01,1,4\n"),
        ])
        let january = r[0].counts
        #expect((january.previouslyActive, january.missingActive, january.arrivedWithHistory, january.returnedActive, january.active, january.customers) == (0, 0, 0, 0, 3, 4))
        // February: of January's active A, B, C (90-day window), B and C are missing; E arrived with
        // history (D did not: its first order is after January's date); nobody back.
        let february = r[1].counts
        #expect((february.previouslyActive, february.missingActive, february.arrivedWithHistory, february.returnedActive, february.active, february.customers) == (3, 2, 1, 0, 3, 4))
        // March: of February's active A, D, E, D and E are missing; B is back and active; F is new
        // without history.
        let march = r[2].counts
        #expect((march.previouslyActive, march.missingActive, march.arrivedWithHistory, march.returnedActive, march.active, march.customers) == (3, 2, 0, 1, 3, 3))
        // Too few customers for any of the flags.
        #expect(!march.missesManyCustomers && !march.bringsManyBack && !february.importsManyCustomers)
    }

    /// Without `first_order_date`, a new buyer's last order dated by the previous snapshot's date is
    /// the history.
    @Test func lastOrderStandsForTheFirstWithoutTheColumn() {
        var f = EngineFixture()
        let header = "customer_id,last_order_date,orders,revenue\n"
        let r = f.run([("2026-01", header + "A,2026-01-10,1,5\n"), ("2026-02", header + "A,2026-01-10,1,5\nB,2026-01-20,1,5\nC,2026-02-02,1,5\n")])
        #expect(r[1].counts.arrivedWithHistory == 1)
    }

    /// `n` customers `prefix0`, `prefix1`, … each with one order, first and last on `day`.
    static func rows(_ prefix: String, _ n: Int, day: String) -> String {
        (0..<n).map { "\(prefix)\($0),\(day),\(day),1,10\n" }.joined()
    }

    @Test func thresholds() {
        // Half of the previous snapshot's 40 customers missing: flagged; 19 of 38: not (fewer than 20).
        var f = EngineFixture()
        var r = f.run([("2026-01", Self.header + Self.rows("A", 40, day: "2026-01-05")),
                       ("2026-02", Self.header + Self.rows("A", 20, day: "2026-01-05"))])
        #expect(r[1].counts.missingActive == 20 && r[1].counts.missesManyCustomers)
        #expect(!r[1].counts.looksLikeNewIDs)
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("A", 38, day: "2026-01-05")),
                   ("2026-02", Self.header + Self.rows("A", 19, day: "2026-01-05"))])
        #expect(r[1].counts.missingActive == 19 && !r[1].counts.missesManyCustomers)
        // Dormant customers purged from the export (30 of 40, last order in 2020) change no figure:
        // not counted.
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("A", 10, day: "2026-01-05") + Self.rows("D", 30, day: "2020-03-01")),
                   ("2026-02", Self.header + Self.rows("A", 10, day: "2026-01-05"))])
        #expect(r[1].counts.previouslyActive == 10 && r[1].counts.missingActive == 0 && !r[1].counts.missesManyCustomers)
        // 25 customers with January orders new in February beside 100 known ones: a fifth, flagged;
        // the same 25 beside 101: under a fifth.
        for (known, flagged) in [(100, true), (101, false)] {
            f = EngineFixture()
            r = f.run([("2026-01", Self.header + Self.rows("A", known, day: "2026-01-05")),
                       ("2026-02", Self.header + Self.rows("A", known, day: "2026-01-05") + Self.rows("M", 25, day: "2026-01-20"))])
            #expect(r[1].counts.arrivedWithHistory == 25 && r[1].counts.importsManyCustomers == flagged, "\(known) known")
        }
        // Every id written another way: both at once.
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("C", 30, day: "2026-01-05")),
                   ("2026-02", Self.header + Self.rows("", 30, day: "2026-01-05"))])
        #expect(r[1].counts.looksLikeNewIDs)
        let warnings = r[1].counts.exportWarnings(file: "2026-02.csv", previousFile: "2026-01.csv", previousAsOf: r[0].period.asOf)
        #expect(warnings == ["2026-02.csv: 30 of the 30 customers active at 2026-01.csv (100%) are not in it, and 30 customers (100% of its rows) appear for the first "
                             + "time with orders dated on or before 2026-01-31: customer ids written another way? The former count as lapsed, the latter as new "
                             + "customers whose revenue so far is revenue of the period"])
        // A file with no customer row: the note on its pages, but not the warning, as it has one of
        // its own (the input's).
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("A", 30, day: "2026-01-05")), ("2026-02", Self.header)])
        #expect(r[1].counts.missingActive == 30 && r[1].counts.missesManyCustomers)
        #expect(r[1].counts.exportWarnings(file: "2026-02.csv", previousFile: "2026-01.csv", previousAsOf: r[0].period.asOf).isEmpty)
        // A part of the whole is never 100%: 29 of 30 would round to 97, 199 of 200 to 100.
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("A", 200, day: "2026-01-05")), ("2026-02", Self.header + Self.rows("A", 1, day: "2026-01-05"))])
        #expect(r[1].counts.exportWarnings(file: "2026-02.csv", previousFile: "2026-01.csv", previousAsOf: r[0].period.asOf).first?
                    .hasPrefix("2026-02.csv: 199 of the 200 customers active at 2026-01.csv (99.5%) are not in it") == true)
        // An export cut short, then the whole base back.
        f = EngineFixture()
        r = f.run([("2026-01", Self.header + Self.rows("A", 30, day: "2026-01-05")),
                   ("2026-02", Self.header + Self.rows("A", 2, day: "2026-01-05")),
                   ("2026-03", Self.header + Self.rows("A", 30, day: "2026-01-05"))])
        #expect(r[1].counts.missesManyCustomers && !r[1].counts.importsManyCustomers)
        #expect(r[2].counts.returnedActive == 28 && r[2].counts.bringsManyBack && r[2].counts.arrivedWithHistory == 0)
        #expect(r[2].counts.exportWarnings(file: "2026-03.csv", previousFile: "2026-02.csv", previousAsOf: r[1].period.asOf)
                == ["2026-03.csv: 28 of its 30 active customers (93%) were not in 2026-02.csv but in an earlier snapshot: was that export cut short? They count as newly active, with all their revenue so far as revenue of the period"])
    }
}
