import Testing
@testable import ReportModel

@Suite struct EscalationTests {
    func npsSnapshot(promoters: Int, passives: Int, detractors: Int) -> String {
        var text = "customer_id,last_order_date,orders,revenue,nps\n"
        var i = 0
        for (count, score) in [(promoters, 10), (passives, 7), (detractors, 0)] {
            for _ in 0..<count { text += "C\(i),2026-10-01,1,10,\(score)\n"; i += 1 }
        }
        return text
    }

    @Test func npsCriticalRaisesStrictlyBelowThreshold() {
        // 10 answers: 5 promoters, 3 passives, 2 detractors → NPS 30 → not raised
        var f = EngineFixture()
        let at = f.run([("2026-10", npsSnapshot(promoters: 5, passives: 3, detractors: 2))])[0]
        #expect(at.kpi(.nps).value == 30)
        #expect(!at.escalation(.npsCritical).raised)
        // 4 promoters, 5 passives, 1 detractor → NPS 30; 4/4/2 → 20 → raised
        var g = EngineFixture()
        let below = g.run([("2026-10", npsSnapshot(promoters: 4, passives: 4, detractors: 2))])[0]
        #expect(below.kpi(.nps).value == 20)
        #expect(below.escalation(.npsCritical).raised)
        #expect(below.escalation(.npsCritical).count == 1)
        // No answers: no data, not raised
        var h = EngineFixture()
        let none = h.run([("2026-10", "customer_id,last_order_date,orders,revenue\nA,2026-10-01,1,1\n")])[0]
        #expect(!none.escalation(.npsCritical).raised)
    }

    @Test func churnCrisisAboveTenPercent() {
        func run(active: Int, lost: Int) -> EscalationResult {
            var f = EngineFixture()
            var s1 = "customer_id,last_order_date,orders,revenue\n"
            for i in 0..<active { s1 += "C\(i),2026-09-20,1,1\n" }
            var s2 = "customer_id,last_order_date,orders,revenue\n"
            for i in lost..<active { s2 += "C\(i),2026-10-20,2,2\n" }
            return f.run([("2026-09", s1), ("2026-10", s2)])[1].escalation(.churnCrisis)
        }
        #expect(!run(active: 10, lost: 1).raised)      // exactly 10 %
        #expect(run(active: 10, lost: 2).raised)       // 20 %
        #expect(run(active: 10, lost: 2).value == 0.2)
        #expect(!run(active: 100, lost: 10).raised)
        #expect(run(active: 1000, lost: 101).raised)   // 10.1 %
    }

    @Test func largeRefundAndPublicComplaint() {
        var f = EngineFixture()
        let text = """
        customer_id,last_order_date,orders,revenue,refund_requested,public_complaint
        EDGE,2026-10-01,1,10,1000,false
        OVER,2026-10-01,1,10,1000.01,oui
        NONE,2026-10-01,1,10,,NO
        LOUD,2026-10-01,1,10,5,TRUE
        """
        let r = f.run([("2026-10", text)])[0]
        #expect(r.escalation(.largeRefund).customers.map(\.id) == ["OVER"])
        #expect(r.escalation(.publicComplaint).customers.map(\.id) == ["LOUD", "OVER"])
        #expect(r.escalation(.publicComplaint).count == 2)
    }

    @Test func vipAtRiskFromTheVipColumn() {
        var f = EngineFixture()
        var text = "customer_id,last_order_date,orders,revenue,vip\n"
        // 10 buyers; recency grows with i; the oldest, most frequent and valuable ones are at risk.
        for i in 0..<10 { text += "C\(i),2026-09-\(String(format: "%02d", 30 - i * 2)),\(i + 1),\((i + 1) * 100),\(i == 9 || i == 0 ? "yes" : "no")\n" }
        let r = f.run([("2026-10", text)])[0]
        #expect(f.segment("C9", in: r) == "at_risk")
        #expect(r.escalation(.vipAtRisk).customers.map(\.id) == ["C9"]) // C0 is VIP but recent
    }

    @Test func vipWithoutColumnIsTopOnePercentByMonetaryTiesById() {
        var f = EngineFixture()
        var text = "customer_id,last_order_date,orders,revenue\n"
        // 200 buyers → top 2 by monetary. Three share the top value; ids B, A, C → A and B win.
        for i in 0..<197 { text += "N\(String(format: "%03d", i)),2026-10-\(String(format: "%02d", 1 + i % 28)),1,\(10 + i % 50)\n" }
        for id in ["B", "A", "C"] { text += "\(id),2025-01-01,9,99999\n" }
        let r = f.run([("2026-10", text)])[0]
        #expect(f.segment("A", in: r) == "at_risk")
        #expect(r.escalation(.vipAtRisk).customers.map(\.id) == ["A", "B"])
    }
}

/// Optional fixed-width columns may be empty (ledger month ends): the report equals the one of the
/// same table with every row holding the missing value.
@Suite struct EmptyOptionalColumnTests {
    @Test func emptyColumnsGiveTheReportOfMissingValues() throws {
        var customers = CustomerIndex()
        let text = "customer_id,first_order_date,last_order_date,orders,revenue\nA,2025-01-05,2026-09-20,4,900\nB,2026-10-02,2026-10-02,1,20\nC,2024-03-01,2025-02-01,2,5000\nD,2026-01-01,2026-10-10,3,60\n"
        let period = SnapshotPeriod(fileName: "2026-10.csv")!
        let outcome = Array(text.utf8).withUnsafeBytes { bytes in
            SnapshotReader(dialect: ReportConfig().dialect).read(bytes: bytes, displayName: "2026-10.csv", period: period, customers: &customers)
        }
        let filled = try #require(outcome.table)
        #expect(filled.nps.count == filled.count)
        var empty = filled
        empty.status = []; empty.vip = []; empty.nps = []; empty.csat = []; empty.ces = []
        empty.publicComplaint = []
        var a = ReportEngine(config: ReportConfig()), b = ReportEngine(config: ReportConfig())
        let full = a.process(filled, customers: customers), bare = b.process(empty, customers: customers)
        #expect(full.kpis.map(\.value) == bare.kpis.map(\.value))
        #expect(full.nps.answers == 0 && bare.nps.answers == 0)
        #expect(full.escalations.map(\.count) == bare.escalations.map(\.count))
        #expect(full.escalations.map(\.raised) == bare.escalations.map(\.raised))
        #expect(full.buyers.segment == bare.buyers.segment)
        #expect(full.loyalty.pointsOutstanding == bare.loyalty.pointsOutstanding)
    }

    /// The VIP count without a vip column: floor(n × share), at least one, for shares that binary
    /// floating point stores a hair below themselves (100 × 0.29 is 28.999999999999996 in Double).
    @Test(arguments: [(100, 0.03, 3), (100, 0.29, 29), (2545, 0.01, 25), (50, 0.01, 1), (1000, 0.07, 70),
                      (10, 0.29, 2), (299, 0.01, 2), (7, 1.0, 7), (0, 0.01, 0), (1_000_000, 0.0001, 100)])
    func vipCountIsTheShareRoundedDown(buyers: Int, share: Double, expected: Int) {
        var t = EscalationThresholds()
        t.vipTopShare = share
        #expect(t.vipCount(buyers: buyers) == expected)
    }
}
