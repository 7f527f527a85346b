import Testing
@testable import ReportModel

@Suite struct FeedbackRouterTests {
    let router = FeedbackRouter(table: .seed)

    @Test(arguments: [
        ("Merci pour les récompenses", SpecialistArea.loyaltyPrograms),
        ("merci pour les RECOMPENSES", .loyaltyPrograms),            // accents and case ignored
        ("Le parcours   client est confus", .lifecycleManagement),    // phrase across spaces
        ("Mon parcours, client fidèle", .lifecycleManagement),         // phrase: words in sequence
        ("Notre NPS baisse", .customerSuccess),                        // capitals keyword
        ("Risque de désengagement, réactivation nécessaire", .churnPrevention),
    ])
    func routes(text: String, area: SpecialistArea) {
        #expect(router.route(text) == area)
    }

    @Test func capitalsOnlyMatchInCapitals() {
        #expect(router.route("ces produits sont bien") == nil)     // French « ces » is no CES
        #expect(router.route("Le CES est élevé") == .customerSuccess)
        #expect(router.route("les vip sont contents") == nil)
        #expect(router.route("Statut VIP perdu") == .loyaltyPrograms)
    }

    @Test func wholeWordsOnly() {
        #expect(router.route("checkpoints") == nil)
        #expect(router.route("reactivations") == nil)
        #expect(router.route("points!") == .loyaltyPrograms)
    }

    @Test func mostHitsWinsTiesGoToTheEarlierArea() {
        // one loyalty hit, two churn hits → churn
        #expect(router.route("points, churn et attrition") == .churnPrevention)
        // one lifecycle hit, one loyalty hit → lifecycle (earlier row)
        #expect(router.route("onboarding et points") == .lifecycleManagement)
        // repeated keyword counts each time
        #expect(router.hits("points points satisfaction") == [0, 2, 0, 1])
    }

    @Test func noHitIsUnrouted() {
        #expect(router.route("Livraison rapide, merci") == nil)
        #expect(router.route("") == nil)
    }

    @Test func configKeywordsAreAdded() {
        var table = RoutingTable.seed
        table.add(["rewards", "loyalty"], to: .loyaltyPrograms)
        let r = FeedbackRouter(table: table)
        #expect(r.route("Love the rewards") == .loyaltyPrograms)
        #expect(router.route("Love the rewards") == nil)
    }
}
