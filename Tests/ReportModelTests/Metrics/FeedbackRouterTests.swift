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

    /// The scalar-buffer `hits` agrees with the plain String version on generated verbatims: keywords
    /// in every case, accents precomposed and decomposed, capitals, punctuation, other scripts.
    @Test func fastHitsAgreeWithTheReferenceOnGeneratedText() {
        var routers = [router]
        var extended = RoutingTable.seed
        extended.keywords[0].words += ["customer journey", "ÉTÉ", "Ωmega"]
        routers.append(FeedbackRouter(table: extended))
        let pieces = ["onboarding", "Onboarding", "ONBOARDING", "parcours", "client", "parcours client", "cycle de vie",
                      "points", "récompenses", "re\u{301}compenses", "RÉCOMPENSES", "tiers", "VIP", "vip", "Vip",
                      "gamification", "fidélité", "fide\u{301}lite\u{301}", "churn", "attrition", "désengagement",
                      "risque", "réactivation", "NPS", "nps", "satisfaction", "CSAT", "CES", "ces", "accompagnement",
                      "succès", "SUCCÈS", "customer journey", "ÉTÉ", "été", "E\u{301}TE\u{301}", "ωmega", "Ωmega",
                      "straße", "ﬁdélité", "Ǆ", "ǅ", "한국어", "한국어", "١٢٣", "x²", "naïve", "Œuvre",
                      " ", "  ", ", ", ". ", "!", "-", "'", "\n", "\t", "…", "«", "»", "😀", "_", "42"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var checked = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<next(12) { text += pieces[next(pieces.count)] + (next(3) == 0 ? "" : " ") }
            for r in routers {
                #expect(r.hits(text) == r.referenceHits(text), "\(text.debugDescription)")
            }
            checked += 1
        }
        #expect(checked == 3000)
    }
}
