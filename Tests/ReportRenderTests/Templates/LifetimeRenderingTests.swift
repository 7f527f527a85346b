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
        report.lifetime = .didNotConverge(reason: "the likelihood is flat")
        for i in report.segments.indices { report.segments[i].predictedCLV = nil }
        let templates = try TemplateSet(locale: locale)
        let md = templates.render("segmentation", SnapshotView(report: report, history: history, config: config).dictionary())
        #expect(md.contains(locale == .fr ? "n'a pas convergé" : "did not converge"))
        #expect(md.contains("the likelihood is flat"))
        for figure in ["P90", "BG/NBD r =", locale == .fr ? "CLV prédite totale" : "Predicted CLV total", "P(alive) |"] {
            #expect(!md.contains(figure), "\(figure) shown although the model did not converge")
        }
        #expect(TemplateOutput.problems(markdown: md, name: "segmentation").isEmpty)
    }

    @Test(arguments: [ReportLocale.en, .fr])
    func modelNotComputedIsExplained(locale: ReportLocale) throws {
        var (report, history, config) = try latest(locale: locale)
        report.lifetime = .notComputed(reason: "too few buyers to fit the model (3)")
        let md = try TemplateSet(locale: locale).render("segmentation", SnapshotView(report: report, history: history, config: config).dictionary())
        #expect(md.contains(locale == .fr ? "trop peu d'acheteurs pour ajuster le modèle (3)" : "too few buyers to fit the model (3)"))
        #expect(!md.contains("P90"))
    }

    /// With the buyer rows and the customer index, at-risk customers are listed with P(alive), most valuable first.
    @Test func atRiskCustomersAreListedByPredictedValue() throws {
        var buyers = BuyerTable()
        var customers = CustomerIndex()
        let ids = ["B", "A", "C"]
        for (i, id) in ids.enumerated() {
            buyers.customer.append(customers.intern(id))
            buyers.recencyDays.append(Int32(200 + i))
            buyers.frequency.append(3)
            buyers.monetary.append(Int64(100 * (i + 1)) * Money.scale)
            buyers.scores.append(144)
            buyers.segment.append(0)
            buyers.probabilityAlive.append([0.1, 0.6, 0.9][i])
            buyers.predictedCLV.append([5, 50, 20][i])
        }
        var (report, _, config) = try latest(locale: .en)
        report.segmentIDs = ["at_risk"]
        report.buyers = buyers
        report.lifetime = .fitted(LifetimeModelFigures(timeUnit: "week", r: 1, alpha: 1, a: 1, b: 1, logLikelihood: -1, p: nil, q: nil, v: nil,
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
}
