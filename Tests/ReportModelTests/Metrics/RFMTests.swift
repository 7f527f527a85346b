import Testing
@testable import ReportModel

@Suite struct RFMTests {
    @Test func quintileThresholdsFollowTheDefinition() {
        // n = 10 sorted: 1 1 1 2 3 5 8 13 21 34; t_k = v[floor(2k)] = v2, v4, v6, v8 = 1, 3, 8, 21
        let scorer = QuintileScorer(values: [34, 1, 21, 2, 13, 1, 8, 1, 5, 3])
        #expect(scorer.thresholds == [1, 3, 8, 21])
        #expect(scorer.score(1) == 1)
        #expect(scorer.score(2) == 2)
        #expect(scorer.score(3) == 2)
        #expect(scorer.score(5) == 3)
        #expect(scorer.score(8) == 3)
        #expect(scorer.score(13) == 4)
        #expect(scorer.score(21) == 4)
        #expect(scorer.score(34) == 5)
    }

    @Test func smallAndTiedInputs() {
        // n = 3: t_k = v[floor(3k/5)] = v0, v1, v1, v2
        let s = QuintileScorer(values: [30, 10, 20])
        #expect(s.thresholds == [10, 20, 20, 30])
        #expect([10, 20, 30].map(s.score) == [1, 2, 4])
        let ties = QuintileScorer(values: Array(repeating: 1, count: 100) + [2, 3])
        #expect(ties.score(1) == 1) // many one-order customers all get 1
        #expect(QuintileScorer<Int>(values: []).thresholds.isEmpty)
        #expect(QuintileScorer(values: [7]).thresholds == [7, 7, 7, 7])
    }

    @Test(arguments: [1, 2, 5, 17, 100, 1000])
    func selectionEqualsSorting(n: Int) {
        var rng = SplitMix(seed: UInt64(n))
        let values = (0..<n).map { _ in Int(rng.next() % 50) }
        let sorted = values.sorted()
        let expected = (1...4).map { sorted[$0 * n / 5] }
        #expect(QuintileScorer(values: values).thresholds == expected)
        // Order independence.
        #expect(QuintileScorer(values: values.reversed()).thresholds == expected)
    }

    /// On generated snapshots of every size up to a few thousand buyers, with many ties and with
    /// none, the engine's thresholds are the definition's (sorted values, t_k = v[⌊k·n/5⌋], recency
    /// on −days), and the loyalty's spend percentiles are v[⌊k·n/20⌋]: the engine reads recency's
    /// from the days as they are and the spend's quintiles from its twentieths.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 19, 20, 21, 99, 1_000, 4_099, 5_003])
    func engineThresholdsFollowTheDefinition(n: Int) {
        var rng = SplitMix(seed: UInt64(n) &* 31)
        var text = "customer_id,last_order_date,orders,revenue\n"
        var recency: [Int] = [], frequency: [Int] = [], spend: [Int64] = []
        let spread = n % 2 == 0 ? 5 : 300
        for i in 0..<n {
            let days = Int(rng.next() % UInt64(spread)), orders = 1 + Int(rng.next() % UInt64(spread))
            let cents = Int64(rng.next() % UInt64(spread * 1000))
            let day = Day(ordinal: Day(year: 2026, month: 10, day: 31)!.ordinal - Int32(days))
            text += "C\(i),\(day),\(orders),\(cents / 100).\(String(format: "%02d", cents % 100))\n"
            recency.append(days); frequency.append(orders); spend.append(cents * 100)
        }
        var f = EngineFixture()
        let r = f.run([("2026-10", text)])[0]
        let negated = recency.map { -$0 }.sorted(), f1 = frequency.sorted(), m = spend.sorted()
        #expect(r.thresholds.recencyDays == (1...4).map { -negated[$0 * n / 5] })
        #expect(r.thresholds.frequency == (1...4).map { f1[$0 * n / 5] })
        #expect(r.thresholds.monetary == (1...4).map { m[$0 * n / 5] })
        #expect(r.loyalty.spendPercentiles == (1...19).map { m[$0 * n / 20] })
    }

    @Test func recencyScoresRecentBuyersHighest() {
        var f = EngineFixture()
        var text = "customer_id,last_order_date,orders,revenue\n"
        // recency 0..9 days, frequency 1..10, monetary 10..100
        for i in 0..<10 { text += "C\(i),2026-10-\(31 - i),\(i + 1),\((i + 1) * 10)\n" }
        let r = f.run([("2026-10", text)])[0]
        // −recency sorted: −9…0; t = v2, v4, v6, v8 = −7, −5, −3, −1 → days 7, 5, 3, 1
        #expect(r.thresholds.recencyDays == [7, 5, 3, 1])
        #expect(r.thresholds.frequency == [3, 5, 7, 9])
        #expect(r.thresholds.monetary == [300_000, 500_000, 700_000, 900_000])
        #expect(f.scores("C0", in: r)! == (5, 1, 1))
        #expect(f.scores("C9", in: r)! == (1, 5, 5))
        // C5: recency 5 is not below the 5-day threshold → R2; F 6 → 3; M 60 → 3
        #expect(f.scores("C5", in: r)! == (2, 3, 3))
        #expect(f.scores("C4", in: r)! == (3, 2, 2))  // F 5 and M 50 equal t2: not above it
        // C0: R5 F1 M1 → potential; C9: R1 F5 M5 → at_risk; C3: R4 F2 M2 → potential
        #expect(f.segment("C0", in: r) == "potential")
        #expect(f.segment("C9", in: r) == "at_risk")
        #expect(f.segment("C8", in: r) == "at_risk")  // R2 F5 M5
        #expect(f.segment("C6", in: r) == "hibernating") // R2 F3 M3
        #expect(f.segment("C4", in: r) == "potential")   // R3 F2 M2
    }

    @Test func defaultSegmentTableRows() {
        let t = SegmentTable.seed
        func seg(_ r: Int, _ f: Int, _ m: Int) -> String { t.segments[t.segmentIndex(r: r, f: f, m: m)] }
        #expect(seg(5, 5, 5) == "champions")
        #expect(seg(3, 4, 4) == "champions")
        #expect(seg(3, 4, 3) == "loyal")
        #expect(seg(5, 1, 1) == "potential")
        #expect(seg(2, 4, 1) == "at_risk")
        #expect(seg(1, 1, 4) == "at_risk")
        #expect(seg(2, 3, 1) == "hibernating")
        #expect(seg(1, 1, 3) == "hibernating")
        #expect(seg(1, 2, 2) == "lost")
        #expect(t.segments == ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"])
    }

    /// Ids of the user's own go where their first rule puts them among the six (best customers first).
    @Test func segmentOrderFollowsTheRules() {
        func rule(_ id: String) -> SegmentRule { SegmentRule(id, r: .init(1, 5), f: .init(1, 5), m: .init(1, 5)) }
        let six = SegmentCatalog.seedOrder
        #expect(SegmentTable.segmentIDs(six.map(rule)) == six)
        #expect(SegmentTable.segmentIDs((["vip"] + six).map(rule)) == ["vip"] + six)
        #expect(SegmentTable.segmentIDs(["champions", "loyal", "potential", "watch", "at_risk", "vip", "at_risk", "hibernating", "lost", "rest"].map(rule))
                == ["champions", "loyal", "potential", "watch", "at_risk", "vip", "hibernating", "lost", "rest"])
        // Seed ids no rule names keep their place; an id after every seed rule comes last.
        #expect(SegmentTable.segmentIDs(["a", "lost", "b", "c"].map(rule)) == ["a", "champions", "loyal", "potential", "at_risk", "hibernating", "lost", "b", "c"])
        #expect(SegmentTable.segmentIDs(["x", "y"].map(rule)) == ["x", "y"] + six)   // the six are empty
    }

    @Test("a table that names only some of the six still reports all six, with zeros, in the seed's order")
    func sixSegmentsWhateverTheTable() throws {
        var f = EngineFixture()
        f.config.segments = try SegmentTable(rules: [
            SegmentRule("lost", r: .init(1, 2), f: .init(1, 5), m: .init(1, 5)),
            SegmentRule("vip", r: .init(4, 4), f: .init(4, 4), m: .init(4, 4)),
            SegmentRule("champions", r: .init(1, 5), f: .init(1, 5), m: .init(1, 5)),
        ])
        let header = "customer_id,last_order_date,orders,revenue\n"
        let reports = f.run([
            ("2026-09", header + "A,2026-09-20,1,10\nB,2026-03-01,1,10\n"),
            ("2026-10", header + "A,2026-10-20,2,20\nB,2026-03-01,1,10\nC,2026-10-02,1,5\n"),
        ])
        let six = ["champions", "loyal", "potential", "at_risk", "hibernating", "lost"]
        for r in reports {
            #expect(r.segmentIDs == ["vip"] + six)   // its rule comes before champions'
            #expect(r.segments.map(\.id) == ["vip"] + six)
            #expect(r.segments.map(\.customers).reduce(0, +) == r.counts.buyers)
        }
        let october = reports[1]
        #expect(october.segments.first { $0.id == "loyal" }?.customers == 0)
        // September: A (3,1,1) champions, B (1,1,1) lost. October (thresholds at sorted indexes
        // 0, 1, 1, 2 of three values): A (4,4,4) vip, B (1,1,2) lost, C (2,1,1) lost.
        #expect(f.segment("A", in: reports[0]) == "champions")
        #expect(f.segment("A", in: october) == "vip")
        #expect(f.segment("B", in: october) == "lost")
        #expect(f.segment("C", in: october) == "lost")
        let migration = try #require(october.migration)
        #expect(migration.from == ["vip"] + six + ["new"])
        #expect(migration.to == ["vip"] + six + ["gone"])
        #expect(migration.count(from: "champions", to: "vip") == 1)
        #expect(migration.count(from: "lost", to: "lost") == 1)
        #expect(migration.count(from: "new", to: "lost") == 1)
        #expect(migration.counts.flatMap { $0 }.reduce(0, +) == 3)
    }

    @Test func tableWithAGapIsRejected() {
        #expect(throws: SegmentTable.Gap(r: 1, f: 1, m: 1)) {
            try SegmentTable(rules: [SegmentRule("top", r: .init(2, 5), f: .init(1, 5), m: .init(1, 5))])
        }
    }

    @Test func segmentSharesSumToOneAndCountsToBuyers() {
        var f = EngineFixture()
        var rng = SplitMix(seed: 7)
        var text = "customer_id,last_order_date,orders,revenue\n"
        for i in 0..<500 {
            let orders = Int(rng.next() % 6)
            let day = 1 + Int(rng.next() % 28)
            text += orders == 0 ? "P\(i),,0,0\n" : "C\(i),2026-\(String(format: "%02d", 1 + Int(rng.next() % 10)))-\(String(format: "%02d", day)),\(orders),\(rng.next() % 100000 / 100)\n"
        }
        let r = f.run([("2026-10", text)])[0]
        #expect(r.segments.map(\.customers).reduce(0, +) == r.counts.buyers)
        let shares = r.segments.compactMap(\.share).reduce(0, +)
        #expect(abs(shares - 1) < 1e-12)
        #expect(r.rfGrid.flatMap { $0 }.reduce(0, +) == r.counts.buyers)
        #expect(r.segments.map(\.revenue).reduce(0, +) == r.revenueTotal)
    }
}
