import Foundation
import Testing

/// The config file's errors and warnings (`ConfigLoader`, `ConfigNodeReader`) on a French console
/// (`LANG=fr_FR.UTF-8`), checked line by line against hand-written French; `LC_ALL=C` keeps them in
/// English, byte for byte. Each run is `validate --config FILE` on the shipped examples.
@Suite(.serialized) struct FrenchConfigMessagesTests {
    static let french: [String: String?] = ["LANG": "fr_FR.UTF-8"]
    static let nbsp = "\u{00A0}", nnbsp = "\u{202F}"

    /// Writes `yaml` as `name` in `dir` and runs `validate --config name` there.
    func validate(_ name: String, _ yaml: String, in dir: String, environment: [String: String?] = french) throws -> CommandLineTests.Run {
        try yaml.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return try CommandLineTests().run(["validate", "--config", name], in: dir, environment: environment)
    }

    /// The lines of standard error, without the empty last one.
    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    /// Expects the run to fail as a bad config (65) with exactly `expected` on standard error.
    func expectErrors(_ run: CommandLineTests.Run, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 65, "\(run.err)", sourceLocation: sourceLocation)
        let got = lines(run.err)
        #expect(got.count == expected.count, "\(run.err)", sourceLocation: sourceLocation)
        for (line, wanted) in zip(got, expected) { #expect(line == wanted, "\n\(line)\n\(wanted)", sourceLocation: sourceLocation) }
    }

    @Test func unknownKeysAndValuesOutOfRangeInFrench() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (s, n) = (Self.nbsp, Self.nnbsp)
        let run = try validate("typos.yml", "activity_window_day: 90\ntargets:\n  churn_rat: 0.1\n  retention_rate: 85\n", in: dir)
        expectErrors(run, [
            "typos.yml:1:1: clé \"activity_window_day\" inconnue (attendu\(s): l'une de client, locale, currency, delimiter, date_format, columns, activity_window_days, cadence, targets, segments, escalations, routing, lifetime, loyalty, action_plan)",
            "typos.yml:3:3: clé \"churn_rat\" inconnue (attendu\(s): l'une de retention_rate, churn_rate, ltv, ltv_growth_yoy, nps, csat, csat_satisfied_share, ces, repeat_purchase_rate)",
            "typos.yml:4:19: 85 est hors limites (attendu\(s): une fraction de 0 à 1\(n); les taux sont des fractions\(s): 0.85 pour 85\(n)%)",
        ])
    }

    @Test func unsupportedValuesInFrench() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let (s, n) = (Self.nbsp, Self.nnbsp)
        let yaml = "locale: de\ndelimiter: \"|\"\ndate_format: yy\nactivity_window_days: 9000\nescalations:\n  churn_above: 10%\nlifetime:\n  time_unit: month\nloyalty:\n  tier_percentiles: [0.9, 0.6]\n"
        expectErrors(try validate("values.yml", yaml, in: dir), [
            "values.yml:1:9: locale\(s): valeur \"de\" non prise en charge (attendu\(s): en ou fr)",
            "values.yml:2:12: delimiter\(s): valeur \"|\" non prise en charge (attendu\(s): \",\" ou \";\")",
            "values.yml:3:14: date_format\(s): valeur \"yy\" non prise en charge (attendu\(s): yyyy-mm-dd, dd/mm/yyyy ou mm/dd/yyyy)",
            "values.yml:4:23: 9000 est hors limites (attendu\(s): un nombre entier de 1 à 3650)",
            "values.yml:6:16: \"10%\" n'est pas un nombre (attendu\(s): un nombre fini comme 0.85\(n); les taux sont des fractions\(s): 0.1 pour 10\(n)%)",
            "values.yml:8:14: time_unit\(s): valeur \"month\" inconnue (attendu\(s): day ou week)",
            "values.yml:10:21: tier_percentiles [0.9, 0.6] ne sont pas croissants (attendu\(s): chaque palier commençant à un percentile de dépense plus haut que le précédent, comme [0.60, 0.90])",
        ])
        // A decimal comma, a text where a number goes, an unknown column, a rule without an id.
        let more = "targets:\n  nps: {value: 0,08}\n  csat: abc\ncolumns: {Email: courriel}\nsegments:\n  - {r: 3-5}\n"
        expectErrors(try validate("more.yml", more, in: dir), [
            "more.yml:2:18: clé \"08\" inconnue (une virgule décimale\(s)? YAML prend la virgule pour un séparateur\(s): écrivez le nombre avec un point, comme 0.5 pour 0,5) (attendu\(s): l'une de value, direction)",
            "more.yml:3:9: \"abc\" n'est pas un nombre (attendu\(s): un nombre fini comme 0.85)",
            "more.yml:4:18: \"courriel\" n'est pas une colonne connue (attendu\(s): l'une de customer_id, first_order_date, last_order_date, orders, revenue, status, vip, nps, csat, ces, feedback, public_complaint, refund_requested, tier, points_balance, purchase_days, repeat_revenue, date, amount, order_id, quantity, ou ignore (une colonne que l'export contient et que le rapport n'utilise pas\(s): lue sans avertissement))",
            "more.yml:6:5: la règle de segment n'a pas d'identifiant (attendu\(s): id: champions, r: 3-5, f: 4-5, m: 4-5)",
        ])
        // Wrong kinds of value, and a loyalty section whose tiers and percentiles do not match.
        let kinds = "loyalty:\n  tiers: [A, B]\nrouting: [x]\ncurrency: {a: 1}\nactivity_window_days: 1.5\nlifetime:\n  horizon_months: [1]\ntargets:\n  csat: 0,5\n"
        expectErrors(try validate("kinds.yml", kinds, in: dir), [
            "kinds.yml:2:3: loyalty compte 2 paliers et 2 percentiles (attendu\(s): un percentile croissant par palier au-dessus du premier)",
            "kinds.yml:3:10: une liste n'est pas une table clé-valeur (attendu\(s): des paires clé-valeur)",
            "kinds.yml:4:11: une table clé-valeur n'est pas une valeur texte (attendu\(s): une valeur unique)",
            "kinds.yml:5:23: \"1.5\" n'est pas un nombre entier (attendu\(s): un nombre entier de 1 à 3650)",
            "kinds.yml:7:19: une liste n'est pas un nombre entier (attendu\(s): un nombre entier de 1 à 120)",
            "kinds.yml:9:9: \"0,5\" n'est pas un nombre (attendu\(s): un nombre fini comme 0.85\(n); un point décimal, pas une virgule\(s): 0.5)",
        ])
    }

    @Test func segmentRuleErrorsInFrench() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = Self.nbsp, n = Self.nnbsp
        let lost = "  - {id: lost, r: 1-5, f: 1-5, m: 1-5}\n"
        expectErrors(try validate("gap.yml", "segments:\n  - {id: a, r: 5}\n", in: dir), [
            "gap.yml:2:3: la table des segments n'a aucune règle pour les notes R=1 F=1 M=1 (attendu\(s): des règles qui couvrent les 125 triplets de notes (terminez par une règle fourre-tout r: 1-5, f: 1-5, m: 1-5))",
        ])
        expectErrors(try validate("new.yml", "segments:\n  - {id: new, r: 1-5, f: 1-5, m: 1-5}\n", in: dir), [
            "new.yml:2:10: l'identifiant de segment \"new\" est réservé à la ligne ou à la colonne de la matrice des migrations (les clients nouveaux à un relevé, ou sortis depuis) (attendu\(s): un autre identifiant)",
        ])
        expectErrors(try validate("spelt.yml", "segments:\n  - {id: Champions, r: 5}\n" + lost, in: dir), [
            "spelt.yml:2:10: l'identifiant de segment \"Champions\" écrit autrement le segment de base champions (attendu\(s): l'identifiant technique champions\(n); les identifiants autres que les six de base ajoutent des segments à part)",
        ])
        expectErrors(try validate("twice.yml", "segments:\n  - {id: champions, r: 5, name: A}\n  - {id: champions, r: 4, name: B}\n" + lost, in: dir), [
            "twice.yml:3:33: le segment champions a un autre name à la ligne 2 (attendu\(s): un seul name par identifiant de segment, donné sur n'importe laquelle de ses règles)",
        ])
        expectErrors(try validate("same.yml", "segments:\n  - {id: champions, r: 5, f: 5, m: 5, name: Perdus}\n" + lost, in: dir), [
            "same.yml:2:45: le segment champions s'appelle \"Perdus\", le nom du segment lost (attendu\(s): un nom qui lui soit propre)",
        ])
        expectErrors(try validate("empty.yml", "segments:\n  - {id: a, r: 5, name: {en: \"\", fr: x}}\n" + lost, in: dir), [
            "empty.yml:2:30: le name anglais du segment est vide (attendu\(s): un texte, ou pas de clé name)",
        ])
        expectErrors(try validate("range.yml", "segments:\n  - {id: x, r: \"2-1\", f: 1-5, m: 1-5}\n", in: dir), [
            "range.yml:2:16: \"2-1\" n'est pas une plage de notes (attendu\(s): une plage de notes comme 3-5 (notes de 1 à 5))",
        ])
    }

    @Test func yamlSyntaxErrorsInFrenchAroundLibyamlsWords() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = Self.nbsp
        // libyaml's words (the problem, what was open) in French, and what to check.
        let unclosed = try validate("unclosed.yml", "client: [unclosed\n", in: dir)
        #expect(unclosed.status == 65)
        expectErrors(unclosed, [
            "unclosed.yml:2:1: erreur YAML\(s): «\(s),\(s)» ou «\(s)]\(s)» attendu mais introuvable, en lisant la liste entre crochets à la ligne 1, colonne 9 (attendu\(s): du YAML valide\(s): fermez le [ ouvert là, ses éléments séparés par des virgules)",
        ])
        expectErrors(try validate("indent.yml", "targets:\n    churn_rate: 0.05\n  retention_rate: 0.8\n", in: dir), [
            "indent.yml:3:3: erreur YAML\(s): clé attendue mais introuvable, en lisant le bloc de clés à la ligne 1, colonne 1 (attendu\(s): du YAML valide\(s): cette ligne indentée comme les autres clés de son bloc (les clés d'un bloc sont alignées\u{202F}; le bloc ouvert ici commence ligne 1, colonne 1))",
        ])
        // The rarer problems too (libyaml's every phrase has its French: YAMLProblemTextTests), and the reader's.
        expectErrors(try validate("tag.yml", "client: !<x\n", in: dir), [
            "tag.yml:1:12: erreur YAML\(s): «\(s)>\(s)» attendu mais introuvable, en lisant un tag (!) à la ligne 1, colonne 9 (attendu\(s): du YAML valide)",
        ])

        expectErrors(try validate("tab.yml", "client: x\n\tlocale: en\n", in: dir), [
            "tab.yml:2:1: une tabulation là où YAML n'accepte que des espaces (attendu\(s): des espaces pour indenter\(s): remplacez la tabulation par des espaces)",
        ])
        expectErrors(try validate("dup.yml", "client: a\nclient: b\n", in: dir), [
            "dup.yml:1:1: clé(s) en double\(s): client (attendu\(s): chaque clé une seule fois)",
        ])
        expectErrors(try validate("control.yml", "client: \"a\u{01}\"\n", in: dir), [
            "control.yml:1:11: erreur YAML\(s): caractères de contrôle non permis (attendu\(s): du YAML valide (un texte sans caractères de contrôle))",
        ])
    }

    static let warnings = """
        targets:
          churn_rate: {value: 0.05, direction: above}
        escalations:
          nps_below: 0.2
        segments:
          - {id: champions, r: 3-5, m: 4-5, name: "Les meilleurs clients fidèles"}
          - {id: vip, r: 3-5, f: 5, m: 5}
          - {id: lostt, r: 1-2, f: 1-5, m: 1-5}
          - {id: loyal, f: 1-5}
          - {id: lost, r: 1-5, f: 1-5, m: 1-5}

        """

    @Test func configWarningsInFrench() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = Self.nbsp, n = Self.nnbsp
        let run = try validate("doubtful.yml", Self.warnings, in: dir)
        #expect(run.status == 0, "\(run.err)")
        let warnings = lines(run.err).filter { $0.hasPrefix("avertissement\(s): doubtful.yml:") }
        let expected = [
            "avertissement\(s): doubtful.yml:2:40: targets.churn_rate\(s): avec direction above, une valeur au-dessus de la cible est jugée dans la cible, alors qu'un churn_rate plus bas vaut mieux (attendu\(s): direction: below, sauf si c'est bien ce que vous voulez)",
            "avertissement\(s): doubtful.yml:4:14: escalations.nps_below\(s): 0.2 est un NPS de 0.2 (le NPS va de −100 à 100, pas de −1 à 1) (attendu\(s): 20 pour un NPS de 20)",
            "avertissement\(s): doubtful.yml:6:43: le nom \"Les meilleurs clients fidèles\" du segment champions a 29 caractères\(s): les graphiques en montrent environ 20, puis \"…\" (attendu\(s): un nom plus court, lisible dans les deux\(n); les tableaux le montrent en entier)",
            "avertissement\(s): doubtful.yml:6:5: la règle de segment 1 (champions) ne donne pas de f\(s): elle accepte toutes les notes F, de 1 à 5 (attendu\(s): f: 1-5 écrit explicitement, ou la plage voulue)",
            "avertissement\(s): doubtful.yml:9:5: la règle de segment 4 (loyal) ne donne ni r ni m\(s): elle accepte toutes les notes R et M, de 1 à 5 (attendu\(s): r: 1-5, m: 1-5 écrits explicitement, ou la plage voulue)",
            "avertissement\(s): doubtful.yml:7:5: la règle de segment 2 (vip) ne s'applique jamais\(s): les règles qui la précèdent prennent tous ses triplets de notes (la première règle qui correspond l'emporte\(n); mettez les règles fourre-tout en dernier)",
            "avertissement\(s): doubtful.yml:8:5: l'identifiant de segment \"lostt\" n'est pas un identifiant de base mais ressemble à lost\(s): il crée un segment à part, sans le nom, l'action ni le playbook de lost",
        ]
        #expect(warnings.count >= expected.count, "\(run.err)")
        for (line, wanted) in zip(warnings, expected) { #expect(line == wanted, "\n\(line)\n\(wanted)") }
        // The cadence's warning: its lists joined with « et », a narrow no-break space before « ; ».
        let cadence = try validate("cadence.yml", "cadence: quarterly\n", in: dir)
        #expect(lines(cadence.err).contains("avertissement\(s): cadence.yml:1:10: cadence: quarterly, mais targets.retention_rate, targets.churn_rate et escalations.churn_above gardent leur valeur par défaut, celle d'un mois (attendu\(s): des valeurs pour un trimestre\(n); au même rythme mensuel\(s): retention_rate 0.61, churn_rate 0.14 et churn_above 0.27)"), "\(cadence.err)")
    }

    @Test func lcAllCKeepsTheConfigMessagesInEnglish() throws {
        let dir = CommandLineTests().temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let english: [String: String?] = ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"]
        let values = try validate("values.yml", "locale: de\nactivity_window_days: 9000\ntargets:\n  nps: {value: 0,08}\n  retention_rate: 85\nsegments:\n  - {id: a, r: 5}\n",
                                  in: dir, environment: english)
        expectErrors(values, [
            "values.yml:1:9: locale \"de\" is not supported (expected en or fr)",
            "values.yml:2:23: 9000 is out of range (expected a whole number from 1 to 3650)",
            "values.yml:4:18: unknown key \"08\" (a decimal comma? YAML takes the comma as a separator: write the number with a point, as 0.5 for 0,5) (expected one of value, direction)",
            "values.yml:5:19: 85 is out of range (expected a fraction from 0 to 1; rates are fractions: 0.85 for 85 %)",
            "values.yml:7:3: the segment table matches no rule for the scores R=1 F=1 M=1 (expected rules that cover all 125 score triples (end with a catch-all r: 1-5, f: 1-5, m: 1-5))",
        ])
        expectErrors(try validate("dup.yml", "client: a\nclient: b\n", in: dir, environment: english), ["dup.yml:1:1: duplicate key(s) client (expected each key once)"])
        let run = try validate("doubtful.yml", Self.warnings, in: dir, environment: english)
        #expect(run.status == 0, "\(run.err)")
        let warnings = lines(run.err).filter { $0.hasPrefix("warning: doubtful.yml:") }
        let expected = [
            "warning: doubtful.yml:2:40: targets.churn_rate: direction above counts a value above the target as on target, though a lower churn_rate is better (expected direction: below, unless that is what you mean)",
            "warning: doubtful.yml:4:14: escalations.nps_below: 0.2 is an NPS of 0.2 (NPS runs from −100 to 100, not from −1 to 1) (expected 20 for an NPS of 20)",
            "warning: doubtful.yml:6:43: segment champions's name \"Les meilleurs clients fidèles\" has 29 characters: charts show about 20 of them, then \"…\" (expected a shorter name, which reads in both; the tables show it whole)",
            "warning: doubtful.yml:6:5: segment rule 1 (champions) gives no f: it matches every F score, 1 to 5 (expected f: 1-5 written out, or the range meant)",
            "warning: doubtful.yml:9:5: segment rule 4 (loyal) gives no r and m: it matches every R and M score, 1 to 5 (expected r: 1-5, m: 1-5 written out, or the range meant)",
            "warning: doubtful.yml:7:5: segment rule 2 (vip) never applies: the rules before it take all its score triples (the first matching rule wins; put catch-all rules last)",
            "warning: doubtful.yml:8:5: segment id \"lostt\" is not a seed id but is close to lost: it makes a segment of its own, without lost's name, action and playbook",
        ]
        #expect(warnings.count >= expected.count, "\(run.err)")
        for (line, wanted) in zip(warnings, expected) { #expect(line == wanted, "\n\(line)\n\(wanted)") }
        #expect(!run.err.contains("avertissement") && !run.err.contains("règle"), "\(run.err)")
    }
}
