import Testing
import ReportModel
@testable import ReportRender

/// What the console says of a run, in English and in French, and which language it speaks.
@Suite struct RunWordingTests {
    let en = RunWording(.en), fr = RunWording(.fr)

    /// The first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides; French when it
    /// starts with fr.
    @Test func theLocaleVariablesChooseTheLanguage() {
        #expect(MessageLanguage.of(environment: [:]) == .en)
        #expect(MessageLanguage.of(environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(MessageLanguage.of(environment: ["LANG": "fr_CA.UTF-8"]) == .fr)
        #expect(MessageLanguage.of(environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(MessageLanguage.of(environment: ["LANG": "de_DE.UTF-8"]) == .en)
        #expect(MessageLanguage.of(environment: ["LC_ALL": "C", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(MessageLanguage.of(environment: ["LC_ALL": "", "LC_MESSAGES": "fr_FR", "LANG": "en_US.UTF-8"]) == .fr)
        #expect(MessageLanguage.of(environment: ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(MessageLanguage.of(environment: ["LC_ALL": "FR_fr"]) == .fr)
    }

    /// English as the tool always printed it (figures as printf writes them); French with grouped
    /// thousands, decimal commas, a no-break space before the colon and French plurals.
    @Test func summariesInBothLanguages() {
        #expect(en.wroteSite("site/index.html", snapshots: 12, reused: 0, rows: en.rows(4954, leftOut: 0), bytes: 312_345, seconds: 0.456)
                == "Wrote site/index.html: 12 snapshot(s), 4954 rows, 0.3 MB in 0.46 s")
        #expect(fr.wroteSite("site/index.html", snapshots: 12, reused: 3, rows: fr.rows(4954, leftOut: 772), bytes: 312_345, seconds: 0.456)
                == "Écrit site/index.html\u{00A0}: 12 relevé(s) (pages de 3 relevé(s) inchangé(s) reprises), 4\u{202F}954 lignes (772 datées après --as-of, laissées de côté), 0,3 Mo en 0,46 s")
        #expect(en.keptSite("site/index.html", snapshots: 1, hashedIn: 0.031) == "Unchanged: site/index.html kept (1 snapshot(s), input hashed in 0.03 s)")
        #expect(fr.keptSite("site/index.html", snapshots: 1, hashedIn: 0.031) == "Inchangé\u{00A0}: site/index.html gardé (1 relevé(s), données hachées en 0,03 s)")
        #expect(en.snapshotSummary(label: "2026-10", customers: 1, buyers: 0, bytes: 1_500_000, read: 0.012, fit: nil, figures: 0.5)
                == "2026-10: 1 customer, 0 buyers, 1.5 MB: read 0.01 s (on the reader thread) and reused (on the fit thread), figures 0.50 s")
        #expect(fr.snapshotSummary(label: "2026-10", customers: 1, buyers: 0, bytes: 1_500_000, read: 0.012, fit: 0.25, figures: 0.5)
                == "2026-10\u{00A0}: 1 client, 0 acheteur, 1,5 Mo\u{00A0}: lecture 0,01 s (fil de lecture) et ajustement CLV 0,25 s (fil d'ajustement), chiffres 0,50 s")
        #expect(en.validatedSnapshot(label: "2026-10", asOf: "2026-10-31", customers: 600, buyers: 521, active: 171, revenue: 95365.674, perBuyer: 183.04, currency: "EUR",
                                     retention: 0.815, escalations: ["nps_critical", "churn_crisis"])
                == "  2026-10 (as of 2026-10-31): 600 customers, 521 buyers, 171 active, revenue 95365.67 EUR (183.04 a buyer), retention 81.5%, escalations: nps_critical, churn_crisis")
        #expect(en.validatedSnapshot(label: "2025-11", asOf: "2025-11-30", customers: 1, buyers: 0, active: 0, revenue: 0, perBuyer: nil, currency: "EUR",
                                     retention: nil, escalations: []) == "  2025-11 (as of 2025-11-30): 1 customer, 0 buyers, 0 active, revenue 0.00 EUR, retention n/a")
        #expect(en.validated(warnings: 2, failing: true, parseOnly: false, snapshots: 12, rows: "4954 rows", bytes: 300_000, seconds: 0.05, cores: 1)
                == "Read, with 2 warning(s): 12 snapshot(s), 4954 rows, 0.3 MB in 0.05 s (6 MB/s on 1 core)")
        #expect(fr.failingUnderStrict(2) == "2 avertissement(s) ci-dessus, et --strict\u{00A0}: échec")
    }

    /// The changed-month note: with no snapshot after the changed one it says so, instead of « the
    /// 0 snapshots after it ».
    @Test func aChangedMonthNamesWhatIsComputedAgain() {
        #expect(en.inputChanged("2026-10", later: 0).hasSuffix("since the last build: it is computed again, and its pages may show other figures than those published"))
        #expect(en.inputChanged("2026-09", later: 1).contains(": it and the 1 snapshot after it are computed again, and their pages may"))
        #expect(en.inputChanged("2026-03", later: 7).contains(": it and the 7 snapshots after it are computed again"))
        #expect(fr.inputChanged("2026-10", later: 0).hasSuffix("\u{00A0}: il est calculé à nouveau, et ses pages peuvent montrer d'autres chiffres que ceux publiés"))
        #expect(fr.inputChanged("2026-09", later: 1).contains("lui et le relevé suivant sont calculés à nouveau"))
        #expect(fr.inputChanged("2026-03", later: 7).contains("lui et les 7 relevés suivants sont calculés à nouveau"))
    }

    /// An escalation line keeps its id (what --fail-on takes) in both languages.
    @Test func escalationLines() {
        let raised = RaisedEscalation(kind: .churnCrisis, detail: "churn rate 18.5% above 10%", frenchDetail: "taux de churn 18,5\u{202F}% au-dessus de 10\u{202F}%")
        #expect(en.escalation(raised) == "escalation churn_crisis: churn rate 18.5% above 10%")
        #expect(fr.escalation(raised) == "escalade churn_crisis\u{00A0}: taux de churn 18,5\u{202F}% au-dessus de 10\u{202F}%")
        #expect(fr.escalationsFailing(["vip_at_risk", "churn_crisis"], in: nil) == "escalade(s) levée(s) dans le dernier relevé\u{00A0}: vip_at_risk, churn_crisis")
    }
}
