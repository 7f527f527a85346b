import Testing
import ReportModel
@testable import ReportRender

/// metrics.json words the CLV model's reasons in fixed English, whatever the report's language.
@Suite struct MetricsLifetimeReasonTests {
    @Test func reasonsInEnglish() {
        #expect(MetricsDocument.text(.noBuyer) == "no buyer")
        #expect(MetricsDocument.text(.tooFewBuyers(3)) == "too few buyers to fit the model (3)")
        #expect(MetricsDocument.text(.tooFewRepeatBuyers(12)) == "too few repeat buyers to fit the model (12)")
        #expect(MetricsDocument.text(.didNotConverge("no customer made a repeat purchase")) == "no customer made a repeat purchase")
        #expect(MetricsDocument.text(.notFitted) == "not fitted")
        #expect(MetricsDocument.text(.pagesReused) == "not needed: the snapshot's pages are reused")
    }

    @Test func notComputedModel() {
        #expect(MetricsDocument.lifetime(.notComputed(reason: .tooFewBuyers(7))) == .object([
            ("status", .string("not_computed")), ("reason", .string("too few buyers to fit the model (7)")), ("bgnbd", .null), ("gamma_gamma", .null),
        ]))
    }
}
