import Testing
@testable import ReportModel

/// KPIs computed by hand on two small snapshots (window 90 days).
@Suite struct KPITests {
    // September (as of 2026-09-30): A active (last 09-20), B active (08-15: 46 d), C inactive (05-01: 152 d),
    // D prospect. October (as of 2026-10-31): A active (10-05), B lapsed (08-15: 77 d → still active!),
    // C bought again (10-30) → active, E new buyer (10-10), D missing.
    let september = """
    customer_id,first_order_date,last_order_date,orders,revenue,nps,csat,ces
    A,2026-01-10,2026-09-20,3,300.00,10,5,2
    B,2026-02-01,2026-08-15,1,50.50,6,4,
    C,2025-12-01,2026-05-01,2,120.25,8,2,5
    D,,,0,0,,,
    """
    let october = """
    customer_id,first_order_date,last_order_date,orders,revenue,nps,csat,ces
    A,2026-01-10,2026-10-05,4,400.00,9,,
    B,2026-02-01,2026-08-15,1,50.50,,,
    C,2025-12-01,2026-10-30,3,150.25,3,1,7
    E,2026-10-10,2026-10-10,1,80.00,,,
    """

    @Test func firstSnapshotFigures() {
        var f = EngineFixture()
        let r = f.run([("2026-09", september)])[0]
        #expect(r.counts.customers == 4)
        #expect(r.counts.buyers == 3)
        #expect(r.counts.prospects == 1)
        #expect(r.counts.active == 2) // A (10 d), B (46 d); C is 152 d old
        #expect(r.kpi(.retentionRate).value == nil)
        #expect(r.kpi(.retentionRate).status == .noData)
        #expect(r.kpi(.churnRate).value == nil)
        #expect(r.migration == nil)
        // LTV = (300 + 50.5 + 120.25 + 0) / 3 buyers
        #expect(r.kpi(.ltv).value! == 470.75 / 3)
        // NPS: answers 10, 6, 8 → promoters 1, detractors 1 → 0
        #expect(r.kpi(.nps).value == 0)
        // CSAT 5, 4, 2 → 11/3; satisfied share 2/3
        #expect(r.kpi(.csat).value! == 11.0 / 3)
        #expect(r.kpi(.csatSatisfiedShare).value! == 2.0 / 3)
        #expect(r.kpi(.ces).value == 3.5)
        // Repeat: A (3), C (2) of 3 buyers
        #expect(r.kpi(.repeatPurchaseRate).value! == 2.0 / 3)
        #expect(r.revenueTotal == 4_707_500)
        #expect(r.revenuePeriod == r.revenueTotal) // everyone is new in the first snapshot
    }

    /// Every NPS score lands in its class, every CSAT and CES answer counts, unanswered rows none
    /// (the engine counts them without branches: the edges 6/7, 8/9, 10, 3/4 and blanks).
    @Test func everySurveyAnswerCountsOnce() {
        var csv = "customer_id,first_order_date,last_order_date,orders,revenue,nps,csat,ces\n"
        for score in 0...10 {
            let csat = score % 6 == 0 ? "" : String(score % 6), ces = score % 8 == 0 ? "" : String(score % 8)
            csv += "K\(score),2026-01-10,2026-09-20,1,10.00,\(score),\(csat),\(ces)\n"
        }
        csv += "Z,2026-01-10,2026-09-20,1,10.00,,,\n"
        var f = EngineFixture()
        let r = f.run([("2026-09", csv)])[0]
        #expect(r.nps == NPSBreakdown(detractors: 7, passives: 2, promoters: 2))
        // CSAT answers 1, 2, 3, 4, 5, 1, 2, 3, 4 (scores 1–5 and 7–10): 25 over 9, 4 and above: 3.
        #expect(r.csatAnswers == 9)
        #expect(r.kpi(.csat).value! == 25.0 / 9)
        #expect(r.kpi(.csatSatisfiedShare).value! == 3.0 / 9)
        // CES answers 1–7 and 1, 2 (scores 9, 10): 31 over 9.
        #expect(r.cesAnswers == 9)
        #expect(r.kpi(.ces).value! == 31.0 / 9)
    }

    /// A customer away from one snapshot and back in the next counts as new there: retention and
    /// the period's revenue compare with the snapshot just before, not with the last one that held
    /// the customer (the engine keeps each customer's last snapshot and reads it back).
    @Test func aCustomerBackAfterAGapIsComparedWithTheSnapshotJustBefore() {
        let first = """
        customer_id,first_order_date,last_order_date,orders,revenue
        A,2026-01-10,2026-08-20,2,100.00
        B,2026-01-10,2026-08-25,1,40.00
        """
        let second = """
        customer_id,first_order_date,last_order_date,orders,revenue
        B,2026-01-10,2026-09-25,2,70.00
        """
        let third = """
        customer_id,first_order_date,last_order_date,orders,revenue
        A,2026-01-10,2026-10-20,3,130.00
        B,2026-01-10,2026-09-25,2,70.00
        """
        var f = EngineFixture()
        let r = f.run([("2026-08", first), ("2026-09", second), ("2026-10", third)])
        #expect(r[1].counts.active == 1 && r[1].counts.lost == 1)               // A gone
        #expect(r[1].revenuePeriod == 300_000)                                 // B: 70 − 40
        #expect(r[2].counts.active == 2 && r[2].counts.newActive == 1)          // A back, as new
        #expect(r[2].kpi(.retentionRate).value == 1.0)                         // of S = {B}: B stays
        #expect(r[2].revenuePeriod == 1_300_000)                               // A 130 (not 130 − 100), B 0
    }

    @Test func secondSnapshotRetentionChurnAndRevenue() {
        var f = EngineFixture()
        let r = f.run([("2026-09", september), ("2026-10", october)])[1]
        // S = {A, B}; E = {A, B (77 d), C, E} → retention 2/2, new active 2, lost 0.
        #expect(r.counts.active == 4)
        #expect(r.kpi(.retentionRate).value == 1.0)
        #expect(r.kpi(.churnRate).value == 0.0)
        #expect(r.counts.newActive == 2)
        #expect(r.counts.lost == 0)
        // Revenue of the period: A +100, B 0, C +30, E 80 (new) → 210; D absent contributes nothing.
        #expect(r.revenuePeriod == 2_100_000)
        // NPS: 9 (promoter), 3 (detractor) → 0; CSAT: 1 → 1.0, satisfied 0
        #expect(r.kpi(.nps).value == 0)
        #expect(r.kpi(.csat).value == 1.0)
        #expect(r.kpi(.csatSatisfiedShare).value == 0)
        #expect(r.kpi(.ces).value == 7)
    }

    @Test func churnWhenActiveCustomersLapseOrVanish() {
        var f = EngineFixture()
        let later = """
        customer_id,last_order_date,orders,revenue
        A,2026-10-05,4,400
        """
        // December: A last order 10-05 → 87 d → active; B, C, E missing → not active.
        let r = f.run([("2026-10", october), ("2026-12", later)])[1]
        // S (October actives) = A, B, C, E (B is 77 d at 10-31) → 4; E ∩ S = {A}
        #expect(r.counts.previouslyActive == 4)
        #expect(r.kpi(.retentionRate).value == 0.25)
        #expect(r.kpi(.churnRate).value == 0.75)
        #expect(r.counts.lost == 3)
    }

    @Test func activityWindowEdgeIsInclusive() {
        var f = EngineFixture()
        f.config.activityWindowDays = 30
        let text = """
        customer_id,last_order_date,orders,revenue
        EXACT,2026-10-01,1,1
        OVER,2026-09-30,1,1
        """
        let r = f.run([("2026-10", text)])[0]   // as of 10-31: EXACT is 30 days old, OVER 31
        #expect(r.counts.active == 1)
    }

    @Test func statusColumnOverridesTheWindow() {
        var f = EngineFixture()
        let text = """
        customer_id,last_order_date,orders,revenue,status
        OLD,2020-01-01,1,10,active
        RECENT,2026-10-30,2,20,churned
        BLANK,2026-10-30,1,5,
        """
        let r = f.run([("2026-10", text)])[0]
        #expect(r.counts.active == 1) // only OLD; a blank status is not `active`
    }

    @Test func targetsAndStatuses() {
        #expect(KPITarget(0.85, .above).status(of: 0.85) == .offTarget)
        #expect(KPITarget(0.85, .above).status(of: 0.8501) == .onTarget)
        #expect(KPITarget(0.05, .below).status(of: 0.05) == .offTarget)
        #expect(KPITarget(0.05, .below).status(of: 0.049) == .onTarget)
        #expect(KPITarget(nil, .above).status(of: 3) == .noTarget)
        #expect(KPITarget(0.5, .above).status(of: nil) == .noData)
    }

    @Test func ltvGrowthUsesTheSnapshotAYearBefore() {
        var f = EngineFixture()
        let base = "customer_id,last_order_date,orders,revenue\nA,2025-10-01,1,100\n"
        let mid = "customer_id,last_order_date,orders,revenue\nA,2025-10-01,1,110\n"
        let now = "customer_id,last_order_date,orders,revenue\nA,2026-10-01,2,150\n"
        // 2025-10-31 → 2026-10-31 is 365 days; 2026-01-31 is too recent to count.
        let r = f.run([("2025-10", base), ("2026-01", mid), ("2026-10", now)])
        #expect(r[2].kpi(.ltvGrowthYoY).value! == 150.0 / 100.0 - 1)
        #expect(r[1].kpi(.ltvGrowthYoY).value == nil)
    }

    /// A growth rate over a zero or negative LTV a year earlier is not a number anyone can use
    /// (−20 to 150 would read as −850 %): null, as output.md asks of what cannot be computed.
    @Test func ltvGrowthOverAZeroOrNegativeBaseIsNull() {
        var f = EngineFixture()
        let zero = "customer_id,last_order_date,orders,revenue\nA,2025-10-01,1,0\n"
        let now = "customer_id,last_order_date,orders,revenue\nA,2026-10-01,2,150\n"
        let r = f.run([("2025-10", zero), ("2026-10", now)])
        #expect(r[0].kpi(.ltv).value == 0)
        #expect(r[1].kpi(.ltvGrowthYoY).value == nil)
        #expect(r[1].kpi(.ltvGrowthYoY).status == .noData)
        // Net refunds (files from sql/snapshots.sql, which may carry a negative revenue).
        var g = EngineFixture()
        let header = "customer_id,first_order_date,last_order_date,orders,revenue,purchase_days,repeat_revenue\n"
        let s = g.run([("2025-10", header + "A,2025-10-01,2025-10-01,1,-20,1,0\n"),
                       ("2026-10", header + "A,2025-10-01,2026-10-01,2,150,2,170\n")])
        #expect(s[0].kpi(.ltv).value == -20)
        #expect(s[1].kpi(.ltv).value == 150)
        #expect(s[1].kpi(.ltvGrowthYoY).value == nil)
    }

    @Test func ltvGrowthWindowIs365PlusMinus16Days() {
        var f = EngineFixture()
        let row = "customer_id,last_order_date,orders,revenue\nA,2025-01-01,1,100\n"
        // 2025-10-15 → 2026-10-31 = 381 days (inside); 2025-10-14 would be 382.
        let r = f.run([("2025-10-15", row), ("2026-10", row)])
        #expect(r[1].kpi(.ltvGrowthYoY).value == 0)
        var g = EngineFixture()
        let s = g.run([("2025-10-14", row), ("2026-10", row)])
        #expect(s[1].kpi(.ltvGrowthYoY).value == nil)
    }

    @Test func emptySnapshotHasNoDataEverywhere() {
        var f = EngineFixture()
        let r = f.run([("2026-10", "customer_id,last_order_date,orders,revenue\n")])[0]
        #expect(r.counts.customers == 0)
        #expect(r.kpis.allSatisfy { $0.value == nil })
        #expect(r.thresholds.frequency.isEmpty)
        #expect(r.segments.allSatisfy { $0.customers == 0 && $0.share == nil })
    }

    @Test func semicolonAndDecimalComma() {
        var f = EngineFixture()
        let text = "\u{FEFF}customer_id;last_order_date;orders;revenue\r\nA;2026-10-01;2;\"1234,5\"\r\nB;2026-10-02;1;0,25\r\n"
        let r = f.run([("2026-10", text)])[0]
        #expect(r.revenueTotal == 12_347_500)
        #expect(r.counts.buyers == 2)
    }

    @Test func quotedLineBreaksInFeedback() {
        var f = EngineFixture()
        let text = "customer_id,last_order_date,orders,revenue,feedback\nA,2026-10-01,1,10,\"Super, \"\"vraiment\"\"\nmerci pour les points\"\nB,2026-10-02,1,5,\n"
        let r = f.run([("2026-10", text)])[0]
        #expect(r.counts.customers == 2)
        #expect(r.feedback.counts[.loyaltyPrograms] == 1)
        #expect(r.feedback.samples[.loyaltyPrograms]?.first?.text == "Super, \"vraiment\"\nmerci pour les points")
    }
}
