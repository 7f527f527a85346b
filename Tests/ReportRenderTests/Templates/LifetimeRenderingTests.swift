import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// A CLV model that did not converge, or was not computed, is said so and never shown as numbers.
@Suite struct LifetimeRenderingTests {
    func latest(locale: ReportLocale) throws -> (SnapshotReport, [SnapshotReport], ReportConfig) {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 150, months: 2, seed: 5)
        let result = try f.build("in", out: "site", locale: locale)
        var config = ReportConfig()
        config.locale = locale
        return (try #require(result.latest), Array(result.reports.dropLast()), config)
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func failedFitShowsNoPrediction(locale: ReportLocale) throws {
        var (report, history, config) = try latest(locale: locale)
        report.lifetime = .didNotConverge(reason: .didNotConverge("the likelihood is flat"))
        for i in report.segments.indices { report.segments[i].predictedCLV = nil }
        let templates = try TemplateSet(locale: locale)
        let md = templates.render("segmentation", SnapshotView(report: report, history: history, config: config).dictionary())
        #expect(md.contains(locale == .fr ? "le modèle n'a pas pu être ajusté" : "the model could not be fitted"))
        // The fit's technical reason (English, numbers) is for metrics.json, not for the reader.
        #expect(!md.contains("the likelihood is flat"))
        #expect(md.contains("`clv_model.reason`"))
        for figure in ["P90", "BG/NBD r =", locale == .fr ? "CLV prédite totale" : "Predicted CLV total", "P(alive) |"] {
            #expect(!md.contains(figure), "\(figure) shown although the model did not converge")
        }
        #expect(TemplateOutput.problems(markdown: md, name: "segmentation").isEmpty)
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func modelNotComputedIsExplained(locale: ReportLocale) throws {
        var (report, history, config) = try latest(locale: locale)
        report.lifetime = .notComputed(reason: .tooFewBuyers(3))
        let md = try TemplateSet(locale: locale).render("segmentation", SnapshotView(report: report, history: history, config: config).dictionary())
        #expect(md.contains(locale == .fr ? "trop peu d'acheteurs pour ajuster le modèle (3)" : "too few buyers to fit the model (3)"))
        #expect(!md.contains("P90"))
    }

    /// Every reason in both languages (a failed fit's detail as written).
    @Test func reasonsAreWordedInTheReportLanguage() throws {
        let (report, history, config) = try latest(locale: .en)
        var fr = config
        fr.locale = .fr
        let enView = SnapshotView(report: report, history: history, config: config), frView = SnapshotView(report: report, history: history, config: fr)
        let expected: [(LifetimeModelReason, String, String)] = [
            (.noBuyer, "no buyer", "aucun acheteur"),
            (.tooFewBuyers(3), "too few buyers to fit the model (3)", "trop peu d'acheteurs pour ajuster le modèle (3)"),
            (.tooFewRepeatBuyers(1), "too few repeat buyers to fit the model (1)", "trop peu de clients ayant racheté pour ajuster le modèle (1)"),
            (.didNotConverge("q = 0.5 <= 1"), "q = 0.5 <= 1", "q = 0.5 <= 1"),
            (.notFitted, "not fitted", "non ajusté"),
            (.pagesReused, "not needed: the snapshot's pages are reused", "inutile\u{00A0}: les pages du relevé sont réutilisées"),
        ]
        for (reason, english, french) in expected {
            #expect(enView.lifetimeReason(reason) == english)
            #expect(frView.lifetimeReason(reason) == french)
        }
    }

    /// A fit on the a, b → ∞ ridge (the shipped example's first month) says what its huge a and b
    /// mean; an ordinary fit does not.
    @Test(arguments: [ReportLocale.en, .fr])
    func ridgeFitExplainsConstantDropout(locale: ReportLocale) throws {
        var (report, history, config) = try latest(locale: locale)
        let templates = try TemplateSet(locale: locale)
        let sentence = locale == .fr ? "ne varie pas d'un client à l'autre" : "does not vary between customers"
        for (a, b, shown) in [(373_816.0, 6_548_572.0, true), (0.79, 2.43, false), (4_000.0, 5_000.0, false)] {
            report.lifetime = .fitted(LifetimeModelFigures(timeUnit: .week, r: 0.12, alpha: 1.5, a: a, b: b, logLikelihood: -627.3, p: nil, q: nil, v: nil,
                                                           gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01))
            let md = templates.render("segmentation", SnapshotView(report: report, history: history, config: config).dictionary())
            #expect(md.contains(sentence) == shown, "a = \(a), b = \(b)")
            if shown {
                #expect(md.contains("a / (a + b) = " + (locale == .fr ? "5,4\u{202F}%" : "5.4%")))
            }
        }
    }

    /// Three at-risk buyers B, A, C with revenue 100, 200, 300, P(alive) 10 %, 60 %, 90 % and the
    /// given predicted CLVs.
    static func atRiskBuyers(predictedCLV: [Double]) -> (BuyerTable, CustomerIndex) {
        var buyers = BuyerTable()
        var customers = CustomerIndex()
        for (i, id) in ["B", "A", "C"].enumerated() {
            buyers.customer.append(customers.intern(id))
            buyers.recencyDays.append(Int32(200 + i))
            buyers.frequency.append(3)
            buyers.monetary.append(Int64(100 * (i + 1)) * Money.scale)
            buyers.scores.append(144)
            buyers.segment.append(0)
            buyers.probabilityAlive.append([0.1, 0.6, 0.9][i])
            buyers.predictedCLV.append(predictedCLV[i])
        }
        return (buyers, customers)
    }

    /// With the buyer rows and the customer index, at-risk customers are listed with P(alive), most valuable first.
    @Test func atRiskCustomersAreListedByPredictedValue() throws {
        let (buyers, customers) = Self.atRiskBuyers(predictedCLV: [5, 50, 20])
        var (report, _, config) = try latest(locale: .en)
        report.segmentIDs = ["at_risk"]
        report.buyers = buyers
        report.lifetime = .fitted(LifetimeModelFigures(timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: 2, q: 3, v: 10,
                                                       gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01))
        config.locale = .en
        let view = LifetimeView(report: report, customers: customers.ids, format: ReportFormatter(locale: .en, currency: "EUR")).atRisk()
        #expect(view["available"] as? Bool == true)
        let list = try #require(view["list"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["A", "C", "B"])
        #expect(list.first?["p_alive"] as? String == "60%")
        let bands = try #require(view["bands"] as? [[String: Any]])
        #expect(bands.map { $0["count"] as? String } == ["1", "0", "1", "1"])
        let none = LifetimeView(report: report, customers: nil, format: ReportFormatter(locale: .en, currency: "EUR")).atRisk()
        #expect(none["has_list"] as? Bool == false)
    }

    /// BG/NBD fitted, Gamma-Gamma not: no predicted CLV anywhere (NaN per buyer, shown as missing),
    /// P(alive) still shown, the at-risk list ordered by historical value (C 300, A 200, B 100).
    @Test func withoutGammaGammaOnlyPAliveIsShown() throws {
        let (buyers, customers) = Self.atRiskBuyers(predictedCLV: [.nan, .nan, .nan])
        var (report, _, _) = try latest(locale: .en)
        report.segmentIDs = ["at_risk"]
        report.buyers = buyers
        report.lifetime = .fitted(LifetimeModelFigures(timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: nil, q: nil, v: nil,
                                                       gammaGammaExcluded: 3, horizonMonths: 12, monthlyDiscountRate: 0.01))
        let format = ReportFormatter(locale: .en, currency: "EUR")
        let view = LifetimeView(report: report, customers: customers.ids, format: format)
        let atRisk = view.atRisk()
        #expect(atRisk["available"] as? Bool == true)
        #expect(atRisk["mean_alive"] as? String == "53%")
        #expect(atRisk["predicted_total"] as? String == format.missing)
        let list = try #require(atRisk["list"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["C", "A", "B"])
        #expect(list.map { $0["p_alive"] as? String } == ["90%", "60%", "10%"])
        #expect(list.allSatisfy { $0["predicted_clv"] as? String == format.missing })
        #expect(view.distribution()["available"] as? Bool == false)
    }

    /// Quantiles, top shares and per-segment medians of predicted CLV, worked by hand on 0, 10, …, 100,
    /// and the same in any buyer order (the view reads them by selection, not a sort).
    @Test func distributionQuantilesAndSharesByHand() throws {
        var (report, _, _) = try latest(locale: .en)
        report.lifetime = .fitted(LifetimeModelFigures(timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: 2, q: 3, v: 10,
                                                       gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01))
        report.segmentIDs = report.segments.map(\.id)
        let values: [Double] = (0...10).map { Double($0) * 10 }
        var orders = [Array(values.indices), Array(values.indices.reversed()), [5, 0, 10, 3, 8, 1, 9, 2, 7, 4, 6]]
        var generator = SeededGenerator(seed: 11)
        orders.append(Array(values.indices).shuffled(using: &generator))
        var seen: [String] = []
        for order in orders {
            // Segment 0 holds 0, 20, …, 100; segment 1 holds 10, …, 90.
            report.buyers = Self.buyers(clv: order.map { values[$0] }, segment: order.map { UInt8($0 % 2) })
            let view = LifetimeView(report: report, customers: nil, format: ReportFormatter(locale: .en, currency: "EUR"))
            let d = view.distribution()
            let quantiles = try #require(d["quantiles"] as? [[String: Any]]).map { $0["value"] as? String ?? "" }
            // Ranks round(p·10): P10 → 1, P25 → 3 (2.5 rounds up), median → 5, P75 → 8, P90 → 9.
            #expect(quantiles == ["€0.00", "€10.00", "€30.00", "€50.00", "€80.00", "€90.00", "€100.00"])
            #expect(d["top10_share"] as? String == "18%")  // top 1 of 11: 100 / 550
            #expect(d["top20_share"] as? String == "35%")  // top 2: 190 / 550 = 34.5 %
            #expect(d["below_one"] as? String == "9%")     // one value of 11 below 1
            let medians = view.segments().prefix(2).map { $0["predicted_median"] as? String ?? "" }
            #expect(medians == ["€50.00", "€50.00"])  // 0…100 step 20: six values, (40 + 60) / 2; 10…90 step 20 → 50
            seen.append("\(quantiles) \(medians)")
        }
        #expect(Set(seen).count == 1)
    }

    /// Top shares with ties at their thresholds on 5,000 buyers (the counting path): 3,600 × 1,
    /// 1,390 × 2 and 10 × 50, total 6,880. Top 10 % = the 10 fifties and 490 twos = 1,480 (21.5 %);
    /// top 20 % = 500 + 990 × 2 = 2,480 (36.0 %).
    @Test func topSharesWithTiesAtTheThreshold() throws {
        var (report, _, _) = try latest(locale: .en)
        report.lifetime = .fitted(LifetimeModelFigures(timeUnit: .week, r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: 2, q: 3, v: 10,
                                                       gammaGammaExcluded: 0, horizonMonths: 12, monthlyDiscountRate: 0.01))
        report.segmentIDs = report.segments.map(\.id)
        var values = [Double](repeating: 1, count: 3600) + [Double](repeating: 2, count: 1390) + [Double](repeating: 50, count: 10)
        var generator = SeededGenerator(seed: 12)
        values.shuffle(using: &generator)
        report.buyers = Self.buyers(clv: values, segment: values.map { _ in 0 })
        let d = LifetimeView(report: report, customers: nil, format: ReportFormatter(locale: .en, currency: "EUR")).distribution()
        #expect(d["top10_share"] as? String == "22%")
        #expect(d["top20_share"] as? String == "36%")
        let quantiles = try #require(d["quantiles"] as? [[String: Any]]).map { $0["value"] as? String ?? "" }
        // Ranks 0, 500, 1250, 2500, 3749, 4499, 4999.
        #expect(quantiles == ["€1.00", "€1.00", "€1.00", "€1.00", "€2.00", "€2.00", "€50.00"])
    }

    /// Buyers with these predicted CLVs and segments (P(alive) ½, other figures alike), row i for customer i.
    static func buyers(clv: [Double], segment: [UInt8]) -> BuyerTable {
        var buyers = BuyerTable()
        for (row, value) in clv.enumerated() {
            buyers.customer.append(Int32(row))
            buyers.recencyDays.append(1)
            buyers.frequency.append(1)
            buyers.monetary.append(0)
            buyers.scores.append(111)
            buyers.segment.append(segment[row])
            buyers.probabilityAlive.append(0.5)
            buyers.predictedCLV.append(value)
        }
        return buyers
    }
}
