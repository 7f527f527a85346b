import Testing
@testable import ReportModel

@Suite struct CohortMigrationTests {
    @Test func cohortMatrixByHand() {
        var f = EngineFixture()
        // Cohort 2026-08: A, B. Cohort 2026-09: C.
        let aug = """
        customer_id,first_order_date,last_order_date,orders,revenue
        A,2026-08-03,2026-08-03,1,10
        B,2026-08-20,2026-08-20,1,10
        """
        let sep = """
        customer_id,first_order_date,last_order_date,orders,revenue
        A,2026-08-03,2026-08-03,1,10
        B,2026-08-20,2026-08-20,1,10
        C,2026-09-05,2026-09-05,1,10
        """
        // November (no October snapshot): window 90 d → A (08-03: 119 d) inactive, B (08-20: 102 d) inactive, C (09-05: 86 d) active.
        let nov = sep
        let r = f.run([("2026-08", aug), ("2026-09", sep), ("2026-11", nov)])
        let rows = r[2].cohorts
        #expect(rows.map(\.cohort.description) == ["2026-08", "2026-09"])
        #expect(rows[0].size == 2)
        // k = 0 (Aug): both active; k = 1 (Sep): both active; k = 2 (Oct): no snapshot; k = 3 (Nov): none
        #expect(rows[0].retention == [1.0, 1.0, nil, 0.0])
        #expect(rows[1].size == 1)
        #expect(rows[1].retention == [1.0, nil, 1.0])
    }

    /// Cohorts decades apart, rows walking back in time and forward again: sizes and active counts
    /// land in the right month whatever the row order.
    @Test func cohortsSpanningDecadesInAnyRowOrder() {
        let ids = ["A", "B", "C", "D", "E", "F"]
        let first = ["2026-10-01", "2026-09-15", "2019-03-02", "1987-06-30", "2026-09-01", "1987-06-01"]
        let last = ["2026-10-20", "2026-10-02", "2026-09-30", "2026-10-30", "2026-09-01", "2001-01-01"]
        let lines = zip(ids.indices, ids).map { i, id in "\(id),\(first[i]),\(last[i]),2,20" }
        var results: [[String]] = []
        for order in [Array(0..<6), [5, 4, 3, 2, 1, 0], [1, 3, 0, 5, 2, 4]] {
            var f = EngineFixture()
            let csv = "customer_id,first_order_date,last_order_date,orders,revenue\n" + order.map { lines[$0] }.joined(separator: "\n") + "\n"
            let r = f.run([("2026-10", csv)])
            let rows = r[0].cohorts
            #expect(rows.map(\.cohort.description) == ["1987-06", "2019-03", "2026-09", "2026-10"])
            #expect(rows.map(\.size) == [2, 1, 2, 1])
            // Active within 90 days of 2026-10-31: A, B, C, D (E bought on 09-01: 60 days, active too).
            #expect(rows.map { $0.retention.last! } == [0.5, 1.0, 1.0, 1.0])
            results.append(rows.map { "\($0.cohort) \($0.size) \($0.retention)" })
        }
        #expect(results[0] == results[1] && results[1] == results[2])
    }

    /// A `status = active` prospect at a mid-month snapshot who first buys later that month counts as
    /// active in the cohort's k = 0 cell (the snapshot of month c), as every customer of the cohort
    /// active there does; a prospect who is not active there does not.
    @Test func activeProspectCountsInItsCohortMonth() {
        var f = EngineFixture()
        let mid = """
        customer_id,first_order_date,last_order_date,orders,revenue,status
        B,2025-03-01,2025-03-01,1,10,active
        A,,,0,0,active
        C,,,0,0,churned
        """
        let april = """
        customer_id,first_order_date,last_order_date,orders,revenue,status
        B,2025-03-01,2025-03-01,1,10,active
        A,2025-03-20,2025-03-20,1,10,active
        C,2025-03-25,2025-03-25,1,10,churned
        """
        let r = f.run([("2025-03-10", mid), ("2025-04", april)])
        #expect(r[0].cohorts.map(\.size) == [1])
        #expect(r[0].cohorts[0].retention == [1.0])
        let rows = r[1].cohorts
        #expect(rows.map(\.cohort.description) == ["2025-03"] && rows[0].size == 3)
        // k = 0 (the 2025-03-10 snapshot): B and A active, C not; k = 1 (April): B and A.
        #expect(rows[0].retention == [2.0 / 3, 2.0 / 3])
    }

    /// A first order dated back past two snapshots that showed the customer as an active prospect
    /// (say, an order booked late): both snapshots count for the cohort, in its k = 0 and k = 1
    /// cells, not only the later one.
    @Test func backdatedFirstOrderCreditsEveryEarlierActiveSnapshot() {
        var f = EngineFixture()
        let header = "customer_id,first_order_date,last_order_date,orders,revenue,status\n"
        let march = header + "B,2025-03-01,2025-03-01,1,10,active\nA,,,0,0,active\nC,,,0,0,active\n"
        let april = header + "B,2025-03-01,2025-03-01,1,10,active\nA,,,0,0,active\nC,,,0,0,churned\n"
        let may = header + "B,2025-03-01,2025-03-01,1,10,churned\nA,2025-03-20,2025-05-02,2,20,active\nC,2025-03-25,2025-03-25,1,10,churned\n"
        let r = f.run([("2025-03", march), ("2025-04", april), ("2025-05", may)])
        let rows = r[2].cohorts
        #expect(rows.map(\.cohort.description) == ["2025-03"] && rows[0].size == 3)
        // March: B, A, C active; April: B, A; May: A.
        #expect(rows[0].retention == [1.0, 2.0 / 3, 1.0 / 3])
    }

    /// The same with a gap: active, churned, active again as a prospect, then a first order dated
    /// in the first month. The snapshots where the prospect was active count, the one between not.
    @Test func backdatedFirstOrderSkipsTheSnapshotsWhereTheProspectWasNotActive() {
        var f = EngineFixture()
        let header = "customer_id,first_order_date,last_order_date,orders,revenue,status\n"
        let buyer = "B,2025-03-01,2025-03-01,1,10,active\n"
        let snapshots = [
            ("2025-03", header + buyer + "A,,,0,0,active\n"),
            ("2025-04", header + buyer + "A,,,0,0,churned\n"),
            ("2025-05", header + buyer + "A,,,0,0,active\n"),
            ("2025-06", header + buyer + "A,2025-03-20,2025-06-02,2,20,churned\n"),
        ]
        let r = f.run(snapshots)
        let rows = r[3].cohorts
        #expect(rows.map(\.cohort.description) == ["2025-03"] && rows[0].size == 2)
        // B is active throughout; A in March and May only.
        #expect(rows[0].retention == [1.0, 0.5, 1.0, 0.5])
    }

    @Test func cohortFallsBackToFirstSnapshotWithOrders() {
        var f = EngineFixture()
        let s1 = "customer_id,last_order_date,orders,revenue\nA,2026-09-10,1,5\nP,,0,0\n"
        let s2 = "customer_id,last_order_date,orders,revenue\nA,2026-09-10,1,5\nP,2026-10-02,1,7\n"
        let r = f.run([("2026-09", s1), ("2026-10", s2)])
        #expect(r[1].cohorts.map(\.cohort.description) == ["2026-09", "2026-10"])
        #expect(r[1].cohorts.map(\.size) == [1, 1])
    }

    /// A `first_order_date` column that appears in a later snapshot moves the customers seen before
    /// to the cohort of their first order, with their activity at the earlier snapshots (metrics.md:
    /// the fallback month is for snapshots without the column).
    @Test func firstOrderDateAppearingLaterMovesEarlierBuyersToTheirCohort() {
        let without = "customer_id,last_order_date,orders,revenue\n"
        let with = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        let january = without + "A,2026-01-10,2,20\nB,2025-12-20,1,10\n"
        let february = without + "A,2026-01-10,2,20\nB,2025-12-20,1,10\n"
        let marchRows = ["A,2024-11-05,2026-03-02,3,30", "B,2025-12-20,2025-12-20,1,10", "C,2026-03-01,2026-03-01,1,10"]
        var results: [[String]] = []
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            var f = EngineFixture()
            let march = with + order.map { marchRows[$0] }.joined(separator: "\n") + "\n"
            let r = f.run([("2026-01", january), ("2026-02", february), ("2026-03", march)])
            // Before the column: both in the month they were first seen with orders.
            #expect(r[1].cohorts.map(\.cohort.description) == ["2026-01"] && r[1].cohorts[0].size == 2)
            let rows = r[2].cohorts
            // A (active at every snapshot) in 2024-11, whose cells k = 14, 15, 16 are the three
            // snapshots; B (90-day window: active in January and February, 101 days in March) in 2025-12;
            // the 2026-01 cohort is left empty and not shown.
            #expect(rows.map(\.cohort.description) == ["2024-11", "2025-12", "2026-03"])
            #expect(rows.map(\.size) == [1, 1, 1])
            #expect(rows[0].retention == Array(repeating: nil, count: 14) + [1.0, 1.0, 1.0])
            #expect(rows[1].retention == [nil, 1.0, 1.0, 0.0])
            #expect(rows[2].retention == [1.0])
            results.append(rows.map { "\($0.cohort) \($0.size) \($0.retention)" })
        }
        #expect(results[0] == results[1] && results[1] == results[2])
    }

    /// A first order date corrected to a later month moves the customer there; the snapshot before
    /// that month has no cell in the new cohort, and the old cohort is left empty.
    @Test func correctedFirstOrderDateMovesTheCustomer() {
        var f = EngineFixture()
        let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        let r = f.run([
            ("2025-02", header + "A,2025-01-15,2025-01-15,1,10\nB,2025-01-20,2025-01-20,1,10\n"),
            ("2025-03", header + "A,2025-03-03,2025-03-03,1,10\nB,2025-01-20,2025-01-20,1,10\n"),
        ])
        #expect(r[0].cohorts.map(\.cohort.description) == ["2025-01"] && r[0].cohorts[0].retention == [nil, 1.0])
        let rows = r[1].cohorts
        #expect(rows.map(\.cohort.description) == ["2025-01", "2025-03"])
        #expect(rows.map(\.size) == [1, 1])
        // B: February and March active (39 and 70 days); A only has March's cell.
        #expect(rows[0].retention == [nil, 1.0, 1.0])
        #expect(rows[1].retention == [1.0])
    }

    @Test func migrationCountsMovesNewAndGone() {
        var f = EngineFixture()
        // Ten buyers with distinct profiles so segments differ; then one disappears and one arrives.
        var s1 = "customer_id,last_order_date,orders,revenue\n"
        for i in 0..<10 { s1 += "C\(i),2026-09-\(30 - i),\(i + 1),\((i + 1) * 10)\n" }
        // Prospects in one snapshot or both, and one gone: in no segment either side, they move nowhere.
        s1 += "P1,,0,0\nP2,,0,0\n"
        var s2 = "customer_id,last_order_date,orders,revenue\n"
        for i in 1..<10 { s2 += "C\(i),2026-09-\(30 - i),\(i + 1),\((i + 1) * 10)\n" }
        s2 += "NEW,2026-10-30,1,5\nP1,,0,0\nP3,,0,0\n"
        let r = f.run([("2026-09", s1), ("2026-10", s2)])
        let m = try! #require(r[1].migration)
        let total = m.counts.flatMap { $0 }.reduce(0, +)
        #expect(total == 11) // 9 staying + 1 gone + 1 new; no prospect
        #expect(m.count(from: "new", to: "gone") == 0)
        #expect(m.counts[m.from.firstIndex(of: "new")!].reduce(0, +) == 1)
        #expect(m.counts.map { $0[m.to.firstIndex(of: "gone")!] }.reduce(0, +) == 1)
        let before = f.segment("C0", in: r[0])!
        #expect(m.count(from: before, to: "gone") >= 1)
        // Every row total equals the segment size before (plus new), every column the size after (plus gone).
        for (i, id) in r[0].segmentIDs.enumerated() {
            #expect(m.counts[i].reduce(0, +) == r[0].segment(id)!.customers)
            #expect(m.counts.map { $0[i] }.reduce(0, +) == r[1].segment(id)!.customers)
        }
    }
}
