import Testing
import ReportModel
@testable import ReportRender

/// Escalation details read as a person would write them; the exact figures stay in value/threshold.
@Suite struct EscalationDetailTests {
    func result(_ kind: EscalationKind, raised: Bool, count: Int = 1, value: Double?, threshold: Double) -> EscalationResult {
        EscalationResult(kind: kind, raised: raised, count: count, value: value, threshold: threshold, customers: [])
    }

    @Test func figuresRoundedToOneDecimal() {
        #expect(EscalationDetail.text(result(.npsCritical, raised: true, value: 11.627906976744185, threshold: 30)) == "NPS 11.6 below 30")
        #expect(EscalationDetail.text(result(.npsCritical, raised: false, value: 45, threshold: 30)) == "NPS 45 not below 30")
        #expect(EscalationDetail.text(result(.npsCritical, raised: true, value: -12.96, threshold: 30)) == "NPS -13 below 30")
        #expect(EscalationDetail.text(result(.churnCrisis, raised: true, value: 0.17047721608990687, threshold: 0.1)) == "churn rate 17% above 10%")
        #expect(EscalationDetail.text(result(.churnCrisis, raised: false, value: 0.0834, threshold: 0.125)) == "churn rate 8.3% not above 12.5%")
        #expect(EscalationDetail.text(result(.largeRefund, raised: true, count: 464, value: nil, threshold: 1000)) == "464 refund request(s) above 1000")
        #expect(EscalationDetail.text(result(.churnCrisis, raised: false, value: nil, threshold: 0.1)).hasPrefix("no churn rate"))
    }

    @Test func roundingByHand() {
        #expect(EscalationDetail.rounded(0) == "0")
        #expect(EscalationDetail.rounded(-0.04) == "0")
        #expect(EscalationDetail.rounded(2.25) == "2.3")
        #expect(EscalationDetail.rounded(-7.05) == "-7.1")
        #expect(EscalationDetail.rounded(1234.96) == "1235")
        #expect(EscalationDetail.rounded(0.5) == "0.5")
    }

    /// The French words, for the console of a French terminal: comma decimals, U+2212 minus, a
    /// narrow no-break space before %, French plurals (0 and 1 singular).
    func french(_ e: EscalationResult) -> String { EscalationDetail.text(e, in: .fr) }

    @Test func frenchDetails() {
        #expect(french(result(.npsCritical, raised: true, value: 11.627906976744185, threshold: 30)) == "NPS 11,6 sous 30")
        #expect(french(result(.npsCritical, raised: false, value: 45, threshold: 30)) == "NPS 45 pas sous 30")
        #expect(french(result(.npsCritical, raised: true, value: -12.96, threshold: 30)) == "NPS \u{2212}13 sous 30")
        #expect(french(result(.npsCritical, raised: false, value: nil, threshold: 30)) == "aucune réponse NPS")
        #expect(french(result(.churnCrisis, raised: true, value: 0.185, threshold: 0.1)) == "taux de churn 18,5\u{202F}% au-dessus de 10\u{202F}%")
        #expect(french(result(.churnCrisis, raised: false, value: 0.0834, threshold: 0.125)) == "taux de churn 8,3\u{202F}% pas au-dessus de 12,5\u{202F}%")
        #expect(french(result(.largeRefund, raised: true, count: 464, value: nil, threshold: 1000)) == "464 demandes de remboursement au-dessus de 1000")
        #expect(french(result(.publicComplaint, raised: true, count: 1, value: nil, threshold: 0)) == "1 plainte publique")
        #expect(french(result(.publicComplaint, raised: true, count: 4, value: nil, threshold: 0)) == "4 plaintes publiques")
        #expect(french(result(.vipAtRisk, raised: true, count: 2, value: nil, threshold: 0)) == "2 clients VIP dans le segment at_risk")
    }
}
