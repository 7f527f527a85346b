import Testing
@testable import ReportModel

/// The programme found in the data counts buyers per tier, as the page says and as the proposal
/// beside it counts: a customer in a tier without an order is not a member counted there.
@Suite struct LoyaltyStageTests {
    @Test func tierMembersAreBuyers() {
        var fixture = EngineFixture()
        let csv = """
        customer_id,last_order_date,orders,revenue,tier
        A,2026-10-01,3,120,Gold
        B,2026-09-12,1,40,Bronze
        C,,0,0,Bronze
        D,,0,0,Gold
        E,2026-08-30,2,60,
        F,2026-10-20,1,15,Bronze

        """
        let report = fixture.run([("2026-10", csv)])[0]
        #expect(report.loyalty.membersPerTier.map(\.tier) == ["Bronze", "Gold"])
        #expect(report.loyalty.membersPerTier.map(\.members) == [2, 1])
    }
}
