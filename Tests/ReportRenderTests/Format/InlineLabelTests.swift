import Testing
import ReportModel
@testable import ReportRender

/// A segment's action, written for a table cell, as it reads after a colon in a French sentence.
@Suite struct InlineLabelTests {
    @Test func aLabelIsLowercasedButAcronymsAndNamesAreKept() {
        #expect(inlineAfterColon("Récompenser") == "récompenser")
        #expect(inlineAfterColon("Lâcher ou réactiver") == "lâcher ou réactiver")
        #expect(inlineAfterColon("À relancer") == "à relancer")
        #expect(inlineAfterColon("Appel VIP") == "appel VIP")
        #expect(inlineAfterColon("VIP d'abord") == "VIP d'abord")
        #expect(inlineAfterColon("McKinsey call") == "McKinsey call")
        #expect(inlineAfterColon("déjà bas") == "déjà bas")
        #expect(inlineAfterColon("") == "")
        #expect(inlineAfterColon("3 relances") == "3 relances")
    }

    /// The French playbooks say « (action prioritaire : récompenser) », « (réponse prévue : …) »; the English keep the label.
    @Test func thePlaybooksUseIt() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.sample("in", customers: 60, months: 2, seed: 3)
        for locale in [ReportLocale.en, .fr] {
            let period = try #require(try f.build("in", out: "site-\(locale)", locale: locale).latest).period.label
            let playbooks = TemplateOutput.read(f, "site-\(locale)/\(period)/playbooks.md")
            if locale == .fr {
                #expect(playbooks.contains("(action prioritaire\u{00A0}: récompenser)"), "\(playbooks.prefix(800))")
                #expect(playbooks.contains("(action prioritaire\u{00A0}: lâcher ou réactiver)"))
                #expect(playbooks.contains("(réponse prévue\u{00A0}: intervention personnelle)"))
            } else {
                #expect(playbooks.contains("(priority action: Reward)"), "\(playbooks.prefix(800))")
            }
        }
    }
}
