import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// What the pages add so that a reader reads the figures right: shares and totals that add up as
/// printed, no "previous snapshot" counts on the first one, notes under the charts that need them,
/// links between the deliverables, and the trend table saying when it leaves snapshots out.
@Suite struct ReaderAidsTests {
    // MARK: - Whole percents

    @Test("whole percents, each rounded on its own, worked by hand", arguments: [
        ([1, 1, 1], [33, 33, 33], false),         // equal counts, equal shares: 99 as printed
        ([2, 1], [67, 33], true),
        ([1, 0, 0], [100, 0, 0], true),
        ([11, 3, 7, 0, 0], [52, 14, 33, 0, 0], false),   // 52.38, 14.29, 33.33
        ([5, 3], [63, 38], false),                // 62.5 and 37.5 both round up: 101
        ([4, 4, 3], [36, 36, 27], false),
        ([5, 5, 10], [25, 25, 50], true),
    ])
    func wholePercentsByHand(_ counts: [Int], _ expected: [Int], _ addsUp: Bool) {
        let percents = WholePercents(counts)
        #expect(percents.shares == expected.map(Optional.some))
        #expect(percents.addsUp == addsUp)
    }

    @Test("whole percents of nothing are all missing")
    func wholePercentsOfNothing() {
        #expect(WholePercents([0, 0, 0]).shares == [nil, nil, nil])
        #expect(WholePercents([0, 0, 0]).addsUp)
        #expect(WholePercents([]).shares == [])
    }

    @Test("whole percents: on generated counts, each its exact share rounded half up, equal counts equal shares, order free")
    func wholePercentsProperties() {
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<500 {
            let counts = (0..<Int.random(in: 1...8, using: &random)).map { _ in Int.random(in: 0...40, using: &random) }
            let total = counts.reduce(0, +)
            guard total > 0 else { continue }
            let percents = WholePercents(counts)
            let shares = percents.shares.map { $0! }
            for (c, p) in zip(counts, shares) {
                let exact = Double(c) * 100 / Double(total)
                #expect(Double(p) - exact <= 0.5 && exact - Double(p) < 0.5, "\(counts) → \(shares)")
            }
            for i in counts.indices { for j in counts.indices where counts[i] == counts[j] { #expect(shares[i] == shares[j]) } }
            #expect(percents.addsUp == (shares.reduce(0, +) == 100))
            #expect(WholePercents(counts.reversed()).shares.map { $0! } == Array(shares.reversed()), "\(counts)")
        }
    }

    // MARK: - Links between deliverables

    @Test("links to a deliverable's Markdown become links to its page; other links stay")
    func deliverableLinks() {
        let html = #"<a href="strategy.md">s</a> <a href="segments.csv">c</a> <a href="notes.md">n</a> <a href="segmentation.md">r</a>"#
        #expect(DeliverableLinks.toPages(html) == #"<a href="strategy.html">s</a> <a href="segments.csv">c</a> <a href="notes.md">n</a> <a href="segmentation.html">r</a>"#)
        // The forms a template writer uses for the same pages; links elsewhere are kept.
        let written = ##"<a href="./diagnostic.md#kpis">a</a><a href="../2026-09/strategy.md">b</a><a href="../notes/strategy.md">c</a><a href="https://x.org/playbooks.md">d</a><a href="#playbooks.md">e</a>"##
        #expect(DeliverableLinks.toPages(written) == ##"<a href="./diagnostic.html#kpis">a</a><a href="../2026-09/strategy.html">b</a><a href="../notes/strategy.md">c</a><a href="https://x.org/playbooks.md">d</a><a href="#playbooks.md">e</a>"##)
    }

    @Test("the built deliverables link to each other's pages, and their Markdown to the Markdown")
    func builtLinks() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 3, seed: 7)
        _ = try f.build("in")
        let html = try String(contentsOfFile: f.path("site/2026-10/strategy.html"), encoding: .utf8)
        #expect(html.contains(#"<a href="segmentation.html">RFM segmentation</a>"#))
        let markdown = try String(contentsOfFile: f.path("site/2026-10/strategy.md"), encoding: .utf8)
        #expect(markdown.contains("[RFM segmentation](segmentation.md)"))
    }

    // MARK: - Figures as printed

    /// The digits of a formatted whole amount or count (`€10,475` → 10475).
    static func whole(_ text: Any?) -> Int? {
        Int(String((text as? String ?? "").unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }))
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func totalsAddUpAsPrinted(locale: ReportLocale) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 400, months: 6, seed: 11)
        let result = try f.build("in", locale: locale)
        var config = ReportConfig()
        config.locale = locale
        let view = SnapshotView(report: try #require(result.latest), history: Array(result.reports.dropLast()), config: config).dictionary()
        // The plan's total is the sum of its actions' values as shown, and so is each horizon's.
        let plan = try #require(view["plan"] as? [String: Any])
        var all = 0
        var seen = Set<String>()
        for key in ["short", "medium", "long"] {
            let part = try #require(plan[key] as? [String: Any])
            let actions = try #require(part["actions"] as? [[String: Any]])
            let values = actions.map { Self.whole($0["value"]) ?? -1 }
            #expect(values.reduce(0, +) == Self.whole(part["value"]), "\(key)")
            // The plan's total counts once the same customers valued the same way.
            for (a, v) in zip(actions, values) where seen.insert("\(a["value_basis"] ?? "")|\(a["audience"] ?? "")|\(v)").inserted { all += v }
        }
        #expect(all == Self.whole(plan["value_total"]))
        // The budget's total is the sum of its lines as shown.
        let budget = try #require(plan["budget"] as? [String: Any])
        let lines = try #require(budget["lines"] as? [[String: Any]]).map { Self.whole($0["amount"]) ?? -1 }
        #expect(lines.reduce(0, +) == Self.whole(budget["total"]))
        // Points redeemed and left unredeemed add up to the points issued.
        let loyalty = try #require(view["loyalty"] as? [String: Any])
        let issued = try #require(Self.whole(loyalty["points_issued"])), redeemed = try #require(Self.whole(loyalty["points_redeemed"]))
        #expect(redeemed + (Self.whole(loyalty["points_unredeemed"]) ?? -1) == issued)
        // The verbatims' shares sum to 100 %.
        let feedback = try #require(view["feedback"] as? [String: Any])
        if feedback["any"] as? Bool == true {
            let shares = try #require(feedback["areas"] as? [[String: Any]]).compactMap { Self.whole($0["share"]) }
            #expect(shares.reduce(0, +) == 100, "\(shares)")
        }
    }

    /// Two actions valuing the same customers the same way (an escalation's and a KPI's) count once
    /// in the plan's total; the same value on another basis or audience counts again.
    @Test func theSameValueOfTheSameCustomersCountsOnce() {
        func action(_ id: String, basis: String, audience: Int, value: Double) -> PlanAction {
            PlanAction(id: id, horizon: .shortTerm, topic: .winBack, owner: .churnPrevention, title: LocalizedText(en: id, fr: id), rationale: LocalizedText(en: "", fr: ""),
                       evidence: [], audience: audience, valueAtStake: value, valueBasis: LocalizedText(en: basis, fr: basis), cost: nil)
        }
        let actions = [action("winback-churned", basis: "lapsed × value", audience: 28, value: 768.9),
                       action("escalation-churn", basis: "lapsed × value", audience: 28, value: 769.1),
                       action("other", basis: "lapsed × value", audience: 29, value: 769),
                       action("nps", basis: "detractors × value", audience: 28, value: 769)]
        #expect(StrategyView.distinctValues(actions) == [769, 769, 769])
        #expect(StrategyView.distinctValues(actions).reduce(0, +) == 2307)
    }

    // MARK: - First snapshot, trend window, survey

    @Test func theFirstSnapshotHasNoPreviousCounts() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 200, months: 2, seed: 3)
        let result = try f.build("in")
        let first = SnapshotView(report: result.reports[0], history: [], config: ReportConfig()).dictionary()
        let counts = try #require(first["counts"] as? [String: Any])
        #expect(counts["previously_active"] as? String == "n/a" && counts["lost"] as? String == "n/a")
        #expect(Self.whole(counts["new_active"]) == result.reports[0].counts.newActive)
        let second = SnapshotView(report: result.reports[1], history: [result.reports[0]], config: ReportConfig()).dictionary()
        let later = try #require(second["counts"] as? [String: Any])
        #expect(Self.whole(later["previously_active"]) == result.reports[1].counts.previouslyActive)
        #expect(Self.whole(later["lost"]) == result.reports[1].counts.lost)
        let diagnostic = try String(contentsOfFile: f.path("site/2026-09/diagnostic.md"), encoding: .utf8)
        #expect(diagnostic.contains("| Active at the previous snapshot | n/a |"))
        #expect(diagnostic.contains("the revenue of the period is all revenue to date"))
    }

    /// A KPI's arrow points one way exactly when its printed value differs from the previous one
    /// (0.3104 → 0.3099 printed 31.0% twice and read "↘ worse"); the cohort text follows the window.
    @Test func trendsFollowThePrintedValuesAndCohortTextTheWindow() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 6, seed: 11)
        let result = try f.build("in")
        for (index, report) in result.reports.enumerated().dropFirst() {
            for locale in ReportLocale.allCases {
                var config = ReportConfig()
                config.locale = locale
                let view = SnapshotView(report: report, history: Array(result.reports[..<index]), config: config).dictionary()
                for kpi in try #require(view["kpis"] as? [[String: Any]]) where kpi["has_trend"] as? Bool == true {
                    let same = kpi["value"] as? String == kpi["previous"] as? String
                    #expect((kpi["trend"] as? String == "→") == same, "\(kpi)")
                    #expect(((kpi["trend_text"] as? String)?.hasSuffix(locale == .fr ? " stable" : " unchanged") ?? false) == same, "\(kpi)")
                }
            }
        }
        var config = ReportConfig()
        let report = try #require(result.latest)
        for (days, en, fr) in [(90, "its first 3 months", "ses 3 premiers mois"), (30, "its first month", "son premier mois"), (10, "its first month", "son premier mois"), (60, "its first 2 months", "ses 2 premiers mois")] {
            config.activityWindowDays = days
            config.locale = .en
            #expect(SnapshotView(report: report, history: [], config: config).dictionary()["cohort_full_span"] as? String == en)
            config.locale = .fr
            #expect(SnapshotView(report: report, history: [], config: config).dictionary()["cohort_full_span"] as? String == fr)
        }
    }

    @Test func theTrendTableSaysWhenItLeavesSnapshotsOut() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 150, months: 14, seed: 5)
        _ = try f.build("in")
        let latest = try String(contentsOfFile: f.path("site/2026-10/diagnostic.md"), encoding: .utf8)
        #expect(latest.contains("The last 13 of 14 snapshots"))
        let earlier = try String(contentsOfFile: f.path("site/2026-09/diagnostic.md"), encoding: .utf8)
        #expect(!earlier.contains("The last 13"))
    }

    /// The dashboard's charts over time show the last 24 snapshots, and its cohort chart the latest
    /// 12 cohorts over 12 months or so: both say so when they leave some out.
    @Test func theDashboardSaysWhenItsChartsLeaveSnapshotsOrCohortsOut() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 150, months: 25, seed: 5)
        _ = try f.build("in")
        let latest = try String(contentsOfFile: f.path("site/2026-10/index.html"), encoding: .utf8)
        #expect(latest.contains("The charts over time show the last 24 of 25 snapshots"))
        let cohorts = try #require(latest.firstRange(of: "The latest 12 of ").map { String(latest[$0.lowerBound...].prefix(200)) })
        #expect(cohorts.hasPrefix("The latest 12 of 37 cohorts are shown, up to 11 months after their first month: all of them are in metrics.json."), "\(cohorts)")
        let earlier = try String(contentsOfFile: f.path("site/2026-09/index.html"), encoding: .utf8)
        #expect(!earlier.contains("The charts over time show"))
        // One cohort over 15 months: only the months are cut, and the note says only that.
        let long = BuildFixture(); defer { long.remove() }
        for k in 0..<15 {
            let month = Month(index: Month(year: 2025, month: 1).index + k)
            long.write("customer_id,first_order_date,last_order_date,orders,revenue\nA,2025-01-05,\(month.lastDay),\(k + 1),\(10 * (k + 1))\n", to: "in/\(month).csv")
        }
        _ = try long.build("in")
        let fifteen = try String(contentsOfFile: long.path("site/2026-03/index.html"), encoding: .utf8)
        #expect(fifteen.contains("the fall comes after. Cohorts are shown up to 12 months after their first month: every month is in metrics.json."))
        // Twelve cohorts or fewer, each within 13 months: nothing left out, nothing said.
        let small = BuildFixture(); defer { small.remove() }
        small.write("customer_id,first_order_date,last_order_date,orders,revenue\nA,2026-08-03,2026-08-03,1,10\n", to: "in/2026-09.csv")
        small.write("customer_id,first_order_date,last_order_date,orders,revenue\nA,2026-08-03,2026-10-03,2,20\n", to: "in/2026-10.csv")
        _ = try small.build("in")
        let page = try String(contentsOfFile: small.path("site/2026-10/index.html"), encoding: .utf8)
        #expect(page.contains("A cohort therefore stays 100% active") && !page.contains("The latest"))
    }

    /// A ledger has no survey: no empty NPS split, no table of zero verbatims.
    @Test func aLedgerShowsNoEmptySurveySections() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,date,amount\nC1,2026-08-03,20.00\nC2,2026-09-10,35.50\nC1,2026-10-02,12.00\n", to: "t.csv")
        _ = try ReportBuilder.build(BuildOptions(input: .transactions(f.path("t.csv"), asOf: nil), output: f.path("site"), config: ReportConfig()))
        let diagnostic = try String(contentsOfFile: f.path("site/2026-10-02/diagnostic.md"), encoding: .utf8)
        #expect(diagnostic.contains("**NPS:** no survey answer in this snapshot (NPS, CSAT and CES are read from a customer snapshot's `nps`, `csat` and `ces` columns, which a transaction ledger does not have)."))
        #expect(diagnostic.hasPrefix("# Retention diagnostic\n"))  // no client: in the config, no "— Demo"
        #expect(diagnostic.contains("| Customers known at this date | 2 |"))
        // Two buyers, no model fitted: the few-buyers note does not call predicted values fragile.
        let segmentation = try String(contentsOfFile: f.path("site/2026-10-02/segmentation.md"), encoding: .utf8)
        #expect(segmentation.contains("**Few buyers (2).**") && !segmentation.contains("Predicted value and P(alive) are just as fragile"))
        #expect(!diagnostic.contains("Verbatims per area and snapshot"))
        #expect(!diagnostic.contains("promoters 0"))
        // The escalations a ledger has no column for are n/a, not "no" and 0, and say which column.
        #expect(diagnostic.contains("| Large refund request | refund requested > €1,000 | n/a | — |"))
        #expect(diagnostic.contains("| Public complaint | public complaint reported | n/a | — |"))
        #expect(diagnostic.contains("| VIP customer at risk | VIP in the At risk segment | no | 0 |"))
        #expect(diagnostic.contains("*n/a: the input has no column to check these against: Critical NPS (column nps), "
            + "Public complaint (column public_complaint) and Large refund request (column refund_requested).*"))
    }

    /// A snapshot a few days after a month-end one (a ledger's default as-of date early in a month)
    /// says that its period figures cover those days; the month ends before it do not. Any period
    /// under 28 days is short (weekly exports, two short periods in a row).
    @Test func aShortLastPeriodIsSaidOnThePages() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,date,amount\nC1,2026-08-03,20.00\nC2,2026-09-10,35.50\nC1,2026-10-02,12.00\n", to: "t.csv")
        _ = try ReportBuilder.build(BuildOptions(input: .transactions(f.path("t.csv"), asOf: nil), output: f.path("site"), config: ReportConfig()))
        let short = try String(contentsOfFile: f.path("site/2026-10-02/diagnostic.md"), encoding: .utf8)
        #expect(short.contains("\n\n> **Short period.** This snapshot comes 2 days after the previous one (2026-09): its retention, churn,"))
        let dashboard = try String(contentsOfFile: f.path("site/2026-10-02/index.html"), encoding: .utf8)
        #expect(dashboard.contains("<p class=\"notice\" role=\"note\"><strong>Short period.</strong> This snapshot comes 2 days after"))
        for month in ["2026-08", "2026-09"] {
            let page = try String(contentsOfFile: f.path("site/\(month)/diagnostic.md"), encoding: .utf8)
            #expect(!page.contains("Short period"), "\(month)")
        }
        // Weekly snapshots: each after the first; two short periods in a row, both; 28 days, not.
        f.sample("in", customers: 20, months: 1, seed: 1)
        let built = try #require(try f.build("in").latest)
        func report(_ month: Int, _ day: Int) -> SnapshotReport {
            var r = built
            r.period = SnapshotPeriod(asOf: Day(year: 2026, month: month, day: day)!)
            return r
        }
        func isShortPeriod(_ report: SnapshotReport, history: [SnapshotReport]) -> Bool {
            SnapshotView(report: report, history: history, config: ReportConfig()).exportNotes()["has_short_period"] as! Bool
        }
        let (a, b, c) = (report(10, 1), report(10, 8), report(10, 15))
        #expect(!isShortPeriod(a, history: []))
        #expect(isShortPeriod(b, history: [a]))
        #expect(isShortPeriod(c, history: [a, b]))
        #expect(isShortPeriod(report(3, 31), history: [report(1, 31), report(2, 28), report(3, 15)]))
        #expect(!isShortPeriod(report(2, 28), history: [report(1, 31)]))
        #expect(!isShortPeriod(report(10, 31), history: [report(9, 30)]))
        #expect(isShortPeriod(report(11, 4), history: [report(9, 30), report(10, 31)]))
        #expect(!isShortPeriod(report(11, 28), history: [report(9, 30), report(10, 31)]))
    }

    /// The period notes judge each snapshot's days since the previous one against the config's
    /// `cadence`: said quarterly, three months are no note and six are one (naming the months
    /// without a snapshot beyond a quarter's); said weekly, a week is none. Not said, quarterly and
    /// weekly snapshots keep today's note, with the key to set, as long as every gap so far is the
    /// same cadence's; a ledger's month ends are monthly whatever the config says.
    @Test func thePeriodNotesFollowTheCadence() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 20, months: 1, seed: 1)
        let built = try #require(try f.build("in").latest)
        func view(_ dates: [(Int, Int, Int)], cadence: SnapshotCadence?, ledger: Bool = false, locale: ReportLocale = .en) -> [String: Any] {
            let reports = dates.map { y, m, d in
                var r = built
                r.period = SnapshotPeriod(asOf: Day(year: y, month: m, day: d)!)
                r.source.fromLedger = ledger
                return r
            }
            var config = ReportConfig()
            config.cadence = cadence
            config.locale = locale
            return SnapshotView(report: reports.last!, history: Array(reports.dropLast()), config: config).exportNotes()
        }
        func flags(_ v: [String: Any]) -> String {
            (v["has_short_period"] as! Bool ? "short" : "") + (v["has_long_period"] as! Bool ? "long" : "")
                + (v["has_cadence_hint"] as! Bool ? "+" + ((v["cadence_hint"] as! [String: Any])["value"] as! String) : "")
        }
        let quarters = [(2026, 1, 31), (2026, 4, 30), (2026, 7, 31)]
        #expect(flags(view(quarters, cadence: nil)) == "long+quarterly")
        #expect(flags(view(quarters, cadence: .quarterly)) == "")
        #expect(flags(view(quarters, cadence: .monthly)) == "long")
        #expect(flags(view(quarters, cadence: .quarterly, ledger: true)) == "long")
        #expect(flags(view(quarters, cadence: nil, ledger: true)) == "long")
        // One gap of another length, and the hint is not given: months may be missing.
        #expect(flags(view([(2025, 12, 31)] + quarters, cadence: nil)) == "long")
        // A missing quarter: six months, beyond a quarter and a half month (106 days).
        let missing = view([(2026, 1, 31), (2026, 7, 31)], cadence: .quarterly)
        #expect(flags(missing) == "long")
        let long = missing["long_period"] as! [String: Any]
        #expect(long["months"] as? String == "2026-02 to 2026-06" && long["span"] as? String == "181 days")
        #expect(long["compare_with"] as? String == "a quarter's figures, and with the quarterly targets")
        #expect(flags(view([(2026, 1, 31), (2026, 4, 14)], cadence: .quarterly)) == "short")  // 73 days
        #expect(flags(view([(2026, 1, 31), (2026, 5, 16)], cadence: .quarterly)) == "")       // 105 days
        // Weekly.
        let weeks = [(2026, 10, 1), (2026, 10, 8), (2026, 10, 15)]
        #expect(flags(view(weeks, cadence: nil)) == "short+weekly")
        #expect(flags(view(weeks, cadence: .weekly)) == "")
        #expect(flags(view([(2026, 10, 1), (2026, 10, 15)], cadence: .weekly)) == "long")
        #expect((view(weeks, cadence: nil, locale: .fr)["cadence_hint"] as! [String: Any])["adjective"] as? String == "hebdomadaires")
        #expect((view(weeks, cadence: .weekly, locale: .fr)["short_period"] as! [String: Any])["compare_with"] as? String
                == "aux chiffres d'une semaine et aux cibles hebdomadaires")
        // Monthly snapshots: no note and no hint, as before.
        #expect(flags(view([(2026, 8, 31), (2026, 9, 30), (2026, 10, 31)], cadence: nil)) == "")
        #expect((view([(2026, 8, 31), (2026, 10, 31)], cadence: nil)["long_period"] as! [String: Any])["compare_with"] as? String
                == "a month's figures, and with the monthly targets")
    }

    /// A quarterly folder, end to end: without `cadence`, every page after the first says its long
    /// period and the key to set; with `cadence: quarterly` and quarterly targets, no page does,
    /// the console says nothing, and the figures are the same.
    @Test func aQuarterlyFolderSaidQuarterlyHasNoPeriodNotes() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("all", customers: 60, months: 7, seed: 4)
        try FileManager.default.createDirectory(atPath: f.path("in"), withIntermediateDirectories: true)
        for month in ["2026-04", "2026-07", "2026-10"] { try FileManager.default.copyItem(atPath: f.path("all/\(month).csv"), toPath: f.path("in/\(month).csv")) }
        let plain = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("plain"), config: ReportConfig()))
        #expect(plain.warnings.isEmpty, "\(plain.warnings)")
        for month in ["2026-07", "2026-10"] {
            let diagnostic = try String(contentsOfFile: f.path("plain/\(month)/diagnostic.md"), encoding: .utf8)
            #expect(diagnostic.contains("**Long period.**") && diagnostic.contains(" If the snapshots are quarterly on purpose, say so in fidelis.yml with `cadence: quarterly`, and set the targets for a quarter: this note then goes.\n"), "\(month)")
            #expect(diagnostic.contains("| Cohort | +0 | +1 | +2 | +3 |") && !diagnostic.contains("three months"), "\(month)")
            let dashboard = try String(contentsOfFile: f.path("plain/\(month)/index.html"), encoding: .utf8)
            #expect(dashboard.contains("with <code>cadence: quarterly</code>, and set the targets for a quarter: this note then goes.</p>"), "\(month)")
        }
        var config = try ConfigLoader.parse("cadence: quarterly\ntargets:\n  retention_rate: 0.6\n  churn_rate: 0.15\nescalations:\n  churn_above: 0.27\n", file: "fidelis.yml")
        #expect(config.warnings.isEmpty)
        config.locale = .fr
        let said = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("said"), config: config))
        #expect(said.warnings.isEmpty, "\(said.warnings)")
        for month in ["2026-04", "2026-07", "2026-10"] {
            let diagnostic = try String(contentsOfFile: f.path("said/\(month)/diagnostic.md"), encoding: .utf8)
            #expect(!diagnostic.contains("Période") && !diagnostic.contains("cadence"), "\(month)")
            // The cohort table: three months of age to a column, said under it.
            #expect(diagnostic.contains("| Cohorte | +0–2 |") && diagnostic.contains("Les relevés étant trimestriels, une colonne couvre trois mois"), "\(month)")
            #expect(try String(contentsOfFile: f.path("said/\(month)/segments.csv"), encoding: .utf8) == String(contentsOfFile: f.path("plain/\(month)/segments.csv"), encoding: .utf8))
        }
        // A missing quarter is still said, on the page and on the console.
        try FileManager.default.removeItem(atPath: f.path("in/2026-07.csv"))
        let gap = try ReportBuilder.build(BuildOptions(input: .snapshots(f.path("in")), output: f.path("gap"), config: config))
        #expect(gap.warnings == ["no snapshot for 2026-05 to 2026-09: 2026-10.csv's retention and churn compare it with 2026-04.csv, 6 months earlier"])
        let diagnostic = try String(contentsOfFile: f.path("gap/2026-10/diagnostic.md"), encoding: .utf8)
        #expect(diagnostic.contains("> **Période longue.** Ce relevé intervient 184\u{00A0}jours après le précédent (2026-04), sans relevé pour les mois de 2026-05 à 2026-09"), "\(diagnostic.prefix(800))")
        #expect(diagnostic.contains("Comparez-les avec prudence aux chiffres d'un trimestre et aux cibles trimestrielles.\n"))
    }

    // MARK: - Targets, medians

    @Test func retentionAndChurnTargetsThatDoNotMatchAreExplained() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 100, months: 2, seed: 3)
        let result = try f.build("in")
        let report = try #require(result.latest)
        // The seed's targets: above 85 %, below 5 %.
        let seed = SnapshotView(report: report, history: [], config: ReportConfig())
        #expect(seed.retentionChurnTargetsNote() == "churn is 1 − retention, yet the two targets do not match: churn below 5.0% means retention above 95.0%, stricter than the retention target (85.0%). One snapshot can meet one and miss the other; make them agree in fidelis.yml, under targets (retention_rate, churn_rate).")
        var matching = ReportConfig()
        matching.targets[.churnRate] = KPITarget(0.15, .below)
        #expect(SnapshotView(report: report, history: [], config: matching).retentionChurnTargetsNote() == nil)
        var noChurnTarget = ReportConfig()
        noChurnTarget.targets[.churnRate] = KPITarget(nil, .below)
        #expect(SnapshotView(report: report, history: [], config: noChurnTarget).retentionChurnTargetsNote() == nil)
        let diagnostic = try String(contentsOfFile: f.path("site/2026-10/diagnostic.md"), encoding: .utf8)
        #expect(diagnostic.contains("- **Retention and churn targets** — churn is 1 − retention"))
    }

    /// A segment's median CLV is the mean of its two middle values when it has an even count.
    @Test func mediansOfAnEvenCountAreTheMeanOfTheTwoMiddleValues() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        _ = try f.build("in")
        let rows = try String(contentsOfFile: f.path("site/2026-10/segments.csv"), encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let champions = rows.filter { $0[7] == "champions" }.compactMap { Double($0[9]) }.sorted()
        try #require(!champions.isEmpty)
        let n = champions.count
        let median = (champions[(n - 1) / 2] + champions[n / 2]) / 2
        let segmentation = try String(contentsOfFile: f.path("site/2026-10/segmentation.md"), encoding: .utf8)
        let line = try #require(segmentation.split(separator: "\n").last { $0.hasPrefix("| Champions | ") })
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        // Segment, customers, historical, total, share, per customer, median, P(alive).
        let shown = try #require(Double(cells[6].replacingOccurrences(of: "€", with: "").replacingOccurrences(of: ",", with: "")))
        #expect(abs(shown - median) <= 0.006, "\(line) against \(median) of \(n)")
    }

    // MARK: - Segment shares

    @Test("the segment tables' note: the shares' sums as printed, worked by hand", arguments: [
        ([0.25, 0.25, 0.25, 0.25, 0, 0], [0.5, 0.5, 0, 0, 0, 0], false, "100.0%", "100.0%"),
        ([1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0, 0], [0.5, 0.5, 0, 0, 0, 0], true, "99.9%", "100.0%"),
        ([0.25, 0.25, 0.25, 0.25, 0, 0], [0.1235, 0.1235, 0.753, 0, 0, 0], true, "100.0%", "100.1%"),   // 12.35 → 12.4 twice, + 75.3
        ([0.1996, 0.8004, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0], false, "100.0%", "100.0%"),
    ] as [([Double], [Double], Bool, String, String)])
    func segmentSharesNote(_ buyers: [Double], _ revenue: [Double], _ note: Bool, _ buyersTotal: String, _ revenueTotal: String) throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 120, months: 1, seed: 3)
        var report = try #require(try f.build("in").latest)
        #expect(report.segments.count == 6)
        for i in report.segments.indices {
            report.segments[i].share = buyers[i]
            report.segments[i].revenueShare = revenue[i]
        }
        let shares = SnapshotView(report: report, history: [], config: ReportConfig()).segmentShares()
        #expect(shares["do_not_add_up"] as? Bool == note)
        #expect(shares["buyers_total"] as? String == buyersTotal)
        #expect(shares["revenue_total"] as? String == revenueTotal)
        // Without buyers there are no shares and nothing to note.
        for i in report.segments.indices { report.segments[i].share = nil; report.segments[i].revenueShare = nil }
        #expect(SnapshotView(report: report, history: [], config: ReportConfig()).segmentShares()["do_not_add_up"] as? Bool == false)
    }

    // MARK: - Segments chart

    /// The segments chart adds each segment's share of the predicted CLV when the model gave one:
    /// the segment totals over their sum (so the shares add up to 1), in its data table too; without
    /// predicted values (a model not fitted), the two series as before, and no third title.
    @Test func segmentsChartShowsThePredictedValuesShareWhenThereIsOne() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 400, months: 3, seed: 11)
        let result = try f.build("in")
        var report = try #require(result.latest)
        let format = ReportFormatter(locale: .en, currency: "EUR")
        let totals = report.segments.map { $0.predictedCLV ?? .nan }
        let sum = totals.reduce(0, +)
        #expect(sum > 0)
        let chart = ChartSet(report: report, history: [], locale: .en, format: format).segments()
        #expect(chart.title == "Segments: share of buyers, revenue and predicted value")
        #expect(chart.series.map(\.name) == ["% of buyers", "% of revenue", "% of predicted CLV"])
        let shares = chart.series[2].values.map { $0 ?? .nan }
        for (share, total) in zip(shares, totals) { #expect(abs(share - total / sum) < 1e-12) }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        #expect(chart.dataTable().header.contains("% of predicted CLV"))
        // The segmentation's value table shows the same shares, and says when, rounded, they do not make 100.0 %.
        let lifetime = LifetimeView(report: report, customers: nil, format: format)
        #expect(lifetime.segments().map { $0["predicted_share"] as? String } == shares.map { format.percent($0) })
        let tenths = shares.map(format.percentTenths).reduce(0, +)
        let note = lifetime.segmentShares()
        #expect(note["do_not_add_up"] as? Bool == (tenths != 1000))
        #expect(note["total"] as? String == format.percent(tenths / 1000))
        let french = ChartSet(report: report, history: [], locale: .fr, format: ReportFormatter(locale: .fr, currency: "EUR")).segments()
        #expect(french.title == "Segments\u{00A0}: part des acheteurs, du CA et de la valeur prédite" && french.series.last?.name == "% de la CLV prédite")
        for i in report.segments.indices { report.segments[i].predictedCLV = nil }
        let without = ChartSet(report: report, history: [], locale: .en, format: format).segments()
        #expect(without.title == "Segments: share of buyers and of revenue" && without.series.count == 2)
        let lifetimeWithout = LifetimeView(report: report, customers: nil, format: format)
        #expect(lifetimeWithout.segments().allSatisfy { $0["predicted_share"] as? String == format.missing })
        #expect(lifetimeWithout.segmentShares()["do_not_add_up"] as? Bool == false)
    }

    // MARK: - Chart notes

    @Test func chartNotesExplainCohortsAndTiedScores() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 4, seed: 7)
        let result = try f.build("in")
        let report = try #require(result.latest)
        let charts = ChartSet(report: report, history: Array(result.reports.dropLast()), locale: .en, format: ReportFormatter(locale: .en, currency: "EUR"),
                              activityWindowDays: 60)
        #expect(charts.note("cohorts").hasPrefix("Active: last order at most 60 days before"))
        #expect(charts.note("cohorts").contains("about its first 2 months"))
        let frequency = report.thresholds.frequency
        let tied = zip(frequency, frequency.dropFirst()).contains { $0 == $1 } || zip(report.thresholds.recencyDays, report.thresholds.recencyDays.dropFirst()).contains { $0 == $1 }
        #expect(charts.note("rf-grid").isEmpty == !tied)
        #expect(charts.note("segments").isEmpty)
        let entries = charts.entries()
        #expect(entries.first { $0["id"] as? String == "cohorts" }?["has_note"] as? Bool == true)
        #expect(entries.first { $0["id"] as? String == "retention" }?["has_note"] as? Bool == false)
    }
}

/// The diagnostic's key points, worked out by hand on two small snapshots.
@Suite struct KeyPointsTests {
    /// September: A active (2 orders, €100), B active (1, €50), C lapsed since May (1, €20).
    /// October: A buys again (3, €150), B passes the 90-day window (91 days), C comes back (2, €60),
    /// D is a prospect. So 2 active of 4, A kept (retention 1 of 2 = 50 %, churn 50 % > 10 %: a
    /// churn crisis), C newly active, B lapsed, revenue of the period 50 + 40 = €90; LTV 170/3 →
    /// 260/3, repeat purchase 1 of 3 → 2 of 3 (on its 40 % target); no survey, so no NPS. A, the
    /// top 1 % of buyers by revenue (one buyer: the VIP), scores R2 F4 M4 (recency thresholds
    /// −91 · −26 · −26 · −11 days, frequency 1 · 2 · 2 · 3, monetary 50 · 60 · 60 · 150): at risk.
    @Test func keyPointsByHand() throws {
        let f = BuildFixture(); defer { f.remove() }
        let header = "customer_id,first_order_date,last_order_date,orders,revenue\n"
        f.write(header + "A,2026-06-01,2026-09-10,2,100\nB,2026-08-01,2026-08-01,1,50\nC,2026-05-01,2026-05-01,1,20\n", to: "in/2026-09.csv")
        f.write(header + "A,2026-06-01,2026-10-05,3,150\nB,2026-08-01,2026-08-01,1,50\nC,2026-05-01,2026-10-20,2,60\nD,,,0,0\n", to: "in/2026-10.csv")
        for locale in [ReportLocale.en, .fr] {
            _ = try f.build("in", out: "site-\(locale.rawValue)", locale: locale)
            let md = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10/diagnostic.md")
            let expected = locale == .en ? [
                "- Off target: retention rate 50.0% and churn rate 50.0%. On target: repeat purchase rate 66.7%.",
                "- Better since 2026-09: historical LTV €56.67 → €86.67 and repeat purchase rate 33.3% → 66.7%.",
                "- 2 active customers of 4 (unchanged since 2026-09); 1 newly active, 1 lapsed this period; revenue of the period €90.00.",
                "- 2 escalations call for a human decision: VIP customer at risk and Churn crisis.",
            ] : [
                "- Hors cible\u{00A0}: taux de rétention 50,0\u{202F}% et churn 50,0\u{202F}%. Dans la cible\u{00A0}: taux de réachat 66,7\u{202F}%.",
                "- En progrès depuis 2026-09\u{00A0}: LTV historique 56,67\u{202F}€ → 86,67\u{202F}€ et taux de réachat 33,3\u{202F}% → 66,7\u{202F}%.",
                "- 2 clients actifs sur 4 (inchangé depuis 2026-09)\u{202F}; 1 nouvellement actif, 1 devenu inactif sur la période\u{202F}; CA de la période 90,00\u{202F}€.",
                "- 2 escalades appellent une décision humaine\u{00A0}: Client VIP à risque et Churn anormal.",
            ]
            for line in expected { #expect(md.contains(line + "\n"), "\(locale): \(line)\n\(md.prefix(900))") }
            // Three buyers: the segmentation says its quintiles are coarse.
            let segmentation = TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10/segmentation.md")
            #expect(segmentation.contains(locale == .en ? "> **Few buyers (3).** Scores are quintiles" : "> **Peu d'acheteurs (3).** Les notes sont calculées par quintiles"))
            // Each deliverable ends with where its figures come from.
            let source = locale == .en ? "*Source: customer snapshot 2026-10.csv (4 rows) · amounts in EUR · fidelis-report \(ToolVersion.current).*\n"
                : "*Source\u{00A0}: relevé clients 2026-10.csv (4 lignes) · montants en EUR · fidelis-report \(ToolVersion.current).*\n"
            for name in ["diagnostic", "segmentation", "strategy", "loyalty-program", "playbooks"] {
                #expect(TemplateOutput.read(f, "site-\(locale.rawValue)/2026-10/\(name).md").hasSuffix(source), "\(locale) \(name)")
            }
        }
    }

    /// The key points say LTV growth's change, as the KPI table beside them does; the segment named
    /// is the one whose customers changed most, a tie going to the larger move in share.
    @Test func keyPointsSayLTVGrowthAndTheSegmentThatMovedMost() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 40, months: 1, seed: 3)
        var previous = try #require(try f.build("in").latest)
        var current = previous
        current.period = SnapshotPeriod(asOf: Day(ordinal: previous.period.asOf.ordinal + 30))
        func setGrowth(_ r: inout SnapshotReport, _ v: Double) {
            let k = r.kpis.firstIndex { $0.key == .ltvGrowthYoY }!
            r.kpis[k].value = v
        }
        setGrowth(&previous, 0.603)
        setGrowth(&current, 0.544)
        func setSegments(_ r: inout SnapshotReport, _ counts: [String: Int]) {
            let total = counts.values.reduce(0, +)
            for i in r.segments.indices {
                let n = counts[r.segments[i].id] ?? 0
                r.segments[i].customers = n
                r.segments[i].share = Double(n) / Double(total)
            }
        }
        // Hibernating gains 14 customers, more than any other. Then, with it unchanged, Potential and
        // Lost both gain 12; Lost's share moves more (18.3 → 21.9 % against 39.2 → 40.5 %).
        setSegments(&previous, ["champions": 30, "potential": 73, "at_risk": 40, "lost": 34, "hibernating": 9])
        setSegments(&current, ["champions": 30, "potential": 85, "at_risk": 35, "lost": 46, "hibernating": 23])
        let points = KeyPointsView(report: current, previous: previous, format: ReportFormatter(locale: .en, currency: "EUR"))
        let changes = try #require(points.changes())
        #expect(changes.contains("LTV growth year on year +60.3% → +54.4%"), "\(changes)")
        let move = try #require(points.segmentMove())
        #expect(move.hasPrefix("Largest change in customers: Hibernating 9 → 23 (+14 customers;"), "\(move)")
        var tie = current
        setSegments(&tie, ["champions": 30, "potential": 85, "at_risk": 40, "lost": 46, "hibernating": 9])
        let tied = try #require(KeyPointsView(report: tie, previous: previous, format: ReportFormatter(locale: .en, currency: "EUR")).segmentMove())
        #expect(tied == "Largest change in customers: Lost 34 → 46 (+12 customers; 18.3% → 21.9% of buyers).", "\(tied)")
    }
}

/// A keyboard reaches every box that scrolls sideways on a phone, and a screen reader names it.
@Suite struct ScrollBoxTests {
    @Test func everyScrollingBoxOfTheDashboardIsFocusableAndNamed() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 3, seed: 7)
        for locale in [ReportLocale.en, .fr] {
            _ = try f.build("in", out: "site-\(locale.rawValue)", locale: locale)
            let html = TemplateOutput.read(f, "site-\(locale.rawValue)/index.html")
            let boxes = html.components(separatedBy: "<div class=\"scroll\"").dropFirst()
            #expect(boxes.count >= 10, "\(boxes.count)")
            for box in boxes {
                let tag = box.prefix { $0 != ">" }
                #expect(tag.contains("tabindex=\"0\"") && tag.contains("role=\"region\""), "\(tag)")
                #expect(tag.contains("aria-label=\"") || tag.contains("aria-labelledby=\""), "\(tag)")
            }
            let figures = html.components(separatedBy: "<figure").dropFirst()
            #expect(!figures.isEmpty && figures.allSatisfy { $0.hasPrefix(" tabindex=\"0\" aria-labelledby=\"") })
        }
    }

    /// Each chart comes a second time, drawn 350 units wide for phones (the CSS shows one or the
    /// other), with ids of its own: every id on the page is unique. The phone's cohort chart shows
    /// six months and no sizes, so that its cells hold their percents.
    @Test func chartsHaveAPhoneVariantWithIDsOfItsOwn() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 300, months: 9, seed: 7)
        _ = try f.build("in", out: "site")
        let html = TemplateOutput.read(f, "site/index.html")
        let compact = html.components(separatedBy: "<div class=\"compact\">").dropFirst()
        #expect(compact.count == 9, "\(compact.count)")
        for box in compact { #expect(box.hasPrefix("<svg") && box.contains("viewBox=\"0 0 350 "), "\(box.prefix(120))") }
        #expect(html.contains("id=\"retention-compact-title\"") && html.contains("id=\"cohorts-compact-title\""))
        let cohortsBox = try #require(compact.first { $0.contains("id=\"cohorts-compact-title\"") })
        let cohorts = cohortsBox.components(separatedBy: "</svg>")[0]   // the data table after it has every month
        #expect(cohorts.contains(">+5<") && !cohorts.contains(">+6<") && cohorts.contains(">100%<"), "\(cohorts.prefix(2000))")
        var ids: [String: Int] = [:]
        for piece in html.components(separatedBy: " id=\"").dropFirst() { ids[String(piece.prefix { $0 != "\"" }), default: 0] += 1 }
        #expect(ids.filter { $0.value > 1 }.isEmpty, "\(ids.filter { $0.value > 1 })")
    }
}
