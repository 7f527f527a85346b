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

    /// Occurrences of a phrase do not overlap: "très très très" holds one "très très", four
    /// "très" hold two; a longer phrase counts where its words stand in sequence, punctuation
    /// between them or not.
    @Test func phraseOccurrencesDoNotOverlap() {
        var table = RoutingTable.seed
        table.add(["très très"], to: .churnPrevention)
        let r = FeedbackRouter(table: table)
        #expect(r.hits("très très très") == [0, 0, 1, 0])
        #expect(r.hits("Très, TRES très-très!") == [0, 0, 2, 0])
        #expect(r.hits("cycle de vie, cycle de, vie cycle") == [2, 0, 0, 0])
        #expect(r.hits("cycle de vie, cycle de, vie cycle") == r.referenceHits("cycle de vie, cycle de, vie cycle"))
    }

    /// A small deterministic generator for the sample tests: `next(bound)` in 0..<bound.
    private struct Draws {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    private static let sampleTexts = ["points et récompenses", "churn", "NPS en baisse", "onboarding confus", "rien à dire", "satisfaction", "risque"]

    private static func feedbackTable() -> SnapshotTable {
        SnapshotTable(period: SnapshotPeriod(monthEnd: Month(year: 2026, month: 1)), columns: [.customerID, .orders, .revenue, .lastOrderDate, .feedback])
    }

    /// The routing's samples are, per area, the first `samplesPerArea` of its verbatims sorted by
    /// customer id (a stable sort: ties in the verbatims' order), and its counts every verbatim's.
    private func expectSamplesAsSorted(_ table: SnapshotTable, _ customers: CustomerIDs, round: Int) {
        let routing = router.routing(of: table, customers: customers)
        var all: [SpecialistArea?: [(customer: String, text: String)]] = [:]
        for (row, text) in table.feedback {
            all[router.route(text), default: []].append((customers.id(table.customer[Int(row)]), text))
        }
        #expect(Set(routing.samples.keys) == Set(all.keys), "round \(round)")
        for (area, list) in all {
            let expected = list.sorted { $0.customer < $1.customer }.prefix(FeedbackRouting.samplesPerArea)
            let got = routing.samples[area] ?? []
            #expect(got.map(\.customer) == expected.map(\.customer) && got.map(\.text) == expected.map(\.text), "round \(round), \(String(describing: area))")
            if let area { #expect(routing.counts[area] == list.count) } else { #expect(routing.unrouted == list.count) }
        }
    }

    /// A snapshot's samples are the first `samplesPerArea` verbatims of each area by customer id
    /// (ties between ids equal as text in the verbatims' order), as sorting all of them gives; the
    /// counts are every verbatim's. Generated tables, ids in random order, some equal as text only
    /// (precomposed and decomposed accents), some ASCII ids repeated (equal bytes: the verbatims' order).
    @Test func samplesAreTheFirstVerbatimsByCustomerID() {
        var draws = Draws(state: 0x2545_F491_4F6C_DD1D)
        for round in 0..<40 {
            var index = CustomerIndex()
            var table = Self.feedbackTable()
            let rows = draws.next(60)
            for row in 0..<rows {
                let kind = draws.next(8)
                let id = kind < 2 ? ["Zoé\(row % 3)", "Zoe\u{301}\(row % 3)"][draws.next(2)] : kind == 2 ? "C\(draws.next(3))" : "C\(draws.next(1000))-\(row)"
                table.customer.append(index.intern(id))
                table.feedback.append((Int32(row), Self.sampleTexts[draws.next(Self.sampleTexts.count)] + (draws.next(2) == 0 ? " !" : "")))
            }
            expectSamplesAsSorted(table, index.ids, round: round)
        }
    }

    /// The same with ids interned in id order (as sequential CRM ids are), verbatims in random row
    /// order: all ASCII, index order stands for id order (the routing then compares indices); with
    /// one accented id among them, still in byte order, the ids' bytes are compared.
    @Test(arguments: [false, true])
    func samplesWithIdsInIndexOrderAreTheFirstByCustomerID(accented: Bool) {
        var draws = Draws(state: 0x9E37_79B9_7F4A_7C15)
        for round in 0..<30 {
            var index = CustomerIndex()
            let count = 1 + draws.next(200)
            for k in 0..<count { _ = index.intern("C" + String(String(k + 10_000).dropFirst()) + (accented && k == count - 1 ? "é" : "")) }
            let customers = index.ids
            #expect(customers.isInIDOrder && customers.isASCII == !accented, "round \(round)")
            var table = Self.feedbackTable()
            var g = SplitMix(seed: UInt64(round))
            for k in (0..<count).shuffled(using: &g) {
                table.customer.append(Int32(k))
                if draws.next(3) > 0 { table.feedback.append((Int32(table.customer.count - 1), Self.sampleTexts[draws.next(Self.sampleTexts.count)])) }
            }
            expectSamplesAsSorted(table, customers, round: round)
        }
    }

    /// The scalar-buffer `hits` agrees with the plain String version on generated verbatims: keywords
    /// in every case, accents precomposed and decomposed, capitals, punctuation (typographic
    /// included), other scripts.
    @Test func fastHitsAgreeWithTheReferenceOnGeneratedText() {
        var routers = [router]
        var extended = RoutingTable.seed
        extended.keywords[0].words += ["customer journey", "ÉTÉ", "Ωmega", "très très", "points points points"]
        routers.append(FeedbackRouter(table: extended))
        let pieces = ["onboarding", "Onboarding", "ONBOARDING", "parcours", "client", "parcours client", "cycle de vie",
                      "points", "récompenses", "re\u{301}compenses", "RÉCOMPENSES", "tiers", "VIP", "vip", "Vip",
                      "gamification", "fidélité", "fide\u{301}lite\u{301}", "churn", "attrition", "désengagement",
                      "risque", "réactivation", "NPS", "nps", "satisfaction", "CSAT", "CES", "ces", "accompagnement",
                      "succès", "SUCCÈS", "customer journey", "ÉTÉ", "été", "E\u{301}TE\u{301}", "ωmega", "Ωmega",
                      "straße", "ﬁdélité", "Ǆ", "ǅ", "한국어", "한국어", "١٢٣", "x²", "naïve", "Œuvre", "très", "TRÈS", "tre\u{300}s", "points points",
                      " ", "  ", ", ", ". ", "!", "-", "'", "\n", "\t", "…", "«", "»", "😀", "_", "42",
                      // General Punctuation, read from the tables like Latin (and the scalars either side of it).
                      "l’onboarding", "’", "“", "”", "–", "—", "\u{202F}", "\u{2000}", "\u{2063}", "\u{206F}", "\u{2070}",
                      "\u{1FFE}", "‰", "⁄", "‿"]
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

    /// A router that routed earlier snapshots (its `RoutedTextMemo` then holds their texts) routes a
    /// snapshot as a fresh router does: the same counts, unrouted count and samples. Generated
    /// snapshots drawing verbatims from a small pool (so that most repeat, within a snapshot and
    /// from one to the next), with the same text precomposed and decomposed, and in capitals.
    @Test func routingWithTheMemoIsAFreshRoutersRouting() {
        let pool = ["points et récompenses", "points et re\u{301}compenses", "POINTS ET RÉCOMPENSES", "churn", "NPS en baisse",
                    "nps en baisse", "onboarding confus", "rien à dire", "satisfaction client", "risque de départ", "VIP oublié",
                    "vip oublié", "cycle de vie", "Cycle de vie, cycle de vie", "😀", "très bien", "tre\u{300}s bien"]
        var draws = Draws(state: 0x1234_5678_9ABC_DEF1)
        let carried = FeedbackRouter(table: .seed)
        for round in 0..<25 {
            var index = CustomerIndex()
            var table = Self.feedbackTable()
            for row in 0..<draws.next(80) {
                table.customer.append(index.intern("C\(draws.next(500))-\(row)"))
                // Now and then a text never seen before.
                let text = draws.next(10) == 0 ? "texte \(round)-\(row) churn" : pool[draws.next(pool.count)]
                table.feedback.append((Int32(row), text))
            }
            let got = carried.routing(of: table, customers: index.ids)
            let fresh = FeedbackRouter(table: .seed).routing(of: table, customers: index.ids)
            #expect(got.counts == fresh.counts && got.unrouted == fresh.unrouted, "round \(round)")
            #expect(Set(got.samples.keys) == Set(fresh.samples.keys), "round \(round)")
            for (area, list) in fresh.samples {
                let mine = got.samples[area] ?? []
                #expect(mine.map(\.customer) == list.map(\.customer) && mine.map(\.text) == list.map(\.text), "round \(round)")
            }
        }
    }

    /// A snapshot with more distinct verbatims than the memo keeps is routed as a fresh router
    /// routes it, and the memo holds `capacity` of them.
    @Test func theMemoKeepsAtMostItsCapacity() {
        var index = CustomerIndex()
        var table = Self.feedbackTable()
        let count = RoutedTextMemo.capacity + 100
        for row in 0..<count {
            table.customer.append(index.intern("C\(row)"))
            table.feedback.append((Int32(row), row % 3 == 0 ? "churn \(row)" : "points \(row) récompenses"))
        }
        let carried = FeedbackRouter(table: .seed)
        for _ in 0..<2 {
            let got = carried.routing(of: table, customers: index.ids)
            #expect(carried.memo.count == RoutedTextMemo.capacity)
            #expect(got.counts == FeedbackRouter(table: .seed).routing(of: table, customers: index.ids).counts)
            #expect(got.counts[.churnPrevention] == (count + 2) / 3)
        }
    }

    /// The memo tells texts apart by their bytes: a text is found only where the same bytes were
    /// put, a precomposed and a decomposed accent (equal as `String`s) are different texts, and a
    /// text whose key another text holds is not taken for it.
    @Test func memoTellsTextsApartByTheirBytes() {
        let texts = ["", "a", "é", "e\u{301}", "12345678", "123456789", "points et récompenses", "points et re\u{301}compenses"]
        func slot(_ table: RoutedTextMemo.Table, _ text: String, key: UInt64? = nil) -> Int8? {
            var text = text
            return text.withUTF8 { table.slot(of: $0, key: key ?? RoutedTextMemo.key($0)) }
        }
        for a in texts {
            var table = RoutedTextMemo.Table(expected: 0)
            var bytes = a
            bytes.withUTF8 { table.insert($0, key: RoutedTextMemo.key($0), slot: 3) }
            for b in texts {
                #expect((slot(table, b) == 3) == (Array(a.utf8) == Array(b.utf8)), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
        func key(_ text: String) -> UInt64 {
            var text = text
            return text.withUTF8 { RoutedTextMemo.key($0) }
        }
        #expect("é" == "e\u{301}" && key("é") != key("e\u{301}"))
        #expect(Set(texts.map(key)).count == texts.count)
        // Two texts under one key: the second is not added, and not found as the first.
        var table = RoutedTextMemo.Table(expected: 0)
        var first = "churn", second = "onboarding"
        first.withUTF8 { table.insert($0, key: 42, slot: 1) }
        second.withUTF8 { table.insert($0, key: 42, slot: 2) }
        #expect(table.count == 1 && slot(table, "churn", key: 42) == 1 && slot(table, "onboarding", key: 42) == nil)
        // Growing keeps every text and its slot.
        var grown = RoutedTextMemo.Table(expected: 0)
        for k in 0..<5_000 {
            var text = "verbatim \(k)"
            text.withUTF8 { grown.insert($0, key: RoutedTextMemo.key($0), slot: Int8(k % 5)) }
        }
        #expect(grown.count == 5_000)
        #expect((0..<5_000).allSatisfy { slot(grown, "verbatim \($0)") == Int8($0 % 5) })
        #expect(slot(grown, "verbatim 5000") == nil)
    }
}
