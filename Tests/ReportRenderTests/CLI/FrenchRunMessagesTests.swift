import Foundation
import Testing
import ReportModel

/// The console's errors and warnings of the templates, the build's failures, the site writer and
/// the command line itself in French when the terminal asks for it (`LANG=fr_FR.UTF-8`), each
/// line checked as a French reader sees it (hand-written expectations, with their no-break spaces);
/// `LC_ALL=C` gives the English, byte for byte as before.
@Suite(.serialized) struct FrenchRunMessagesTests {
    let cli = CommandLineTests()
    let french: [String: String?] = ["LANG": "fr_FR.UTF-8"]
    let nb = "\u{00A0}", nnb = "\u{202F}"

    /// `err`'s lines.
    func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func usageErrorsAreInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let both = try cli.run(["build", "--snapshots", "a", "--transactions", "b"], in: dir, environment: french)
        #expect(both.status == 64 && lines(both.err).first == "Erreur\(nb): Donnez --snapshots ou --transactions, pas les deux.", "\(both.err)")
        let unknown = try cli.run(["build", "--fail-on", "nope"], in: dir, environment: french)
        #expect(unknown.status == 64 && lines(unknown.err).first == "Erreur\(nb): --fail-on\(nb): escalade inconnue 'nope' (attendu\(nb): any ou vip_at_risk, nps_critical, churn_crisis, public_complaint, large_refund)", "\(unknown.err)")
        let blank = try cli.run(["build", "--out", ""], in: dir, environment: french)
        #expect(blank.status == 64 && lines(blank.err).first == "Erreur\(nb): --out est vide (attendu\(nb): un dossier tel que site)", "\(blank.err)")
        let asOf = try cli.run(["validate", "--transactions", "t.csv", "--as-of", "2026-13-01"], in: dir, environment: french)
        #expect(asOf.status == 64 && lines(asOf.err).first == "Erreur\(nb): --as-of '2026-13-01' n'est pas une date (attendu\(nb): YYYY-MM-DD).", "\(asOf.err)")
        let locale = try cli.run(["validate", "--locale", "fr"], in: dir, environment: french)
        #expect(locale.status == 64 && lines(locale.err).first == "Erreur\(nb): --locale choisit les modèles à vérifier\(nb): il va avec --templates.", "\(locale.err)")
        let months = try cli.run(["sample", "--out", "demo", "--months", "0"], in: dir, environment: french)
        #expect(months.status == 64 && lines(months.err).first == "Erreur\(nb): --months doit être entre 1 et 600.", "\(months.err)")
        let help = try cli.run(["help", "nope"], in: dir, environment: french)
        #expect(help.status == 64 && help.err == "erreur\(nb): aucune commande nommée \"nope\" (attendu\(nb): l'une de build, validate, sample, init)\n", "\(help.err)")
    }

    @Test func missingInputIsSaidInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let snapshots = try cli.run(["build", "--snapshots", "nowhere", "--quiet"], in: dir, environment: french)
        #expect(snapshots.status == 66 && lines(snapshots.err).contains("erreur\(nb): nowhere: dossier de relevés introuvable (attendu\(nb): un dossier de fichiers YYYY-MM.csv)"), "\(snapshots.err)")
        let ledger = try cli.run(["validate", "--transactions", "ledger.csv"], in: dir, environment: french)
        #expect(ledger.status == 66 && lines(ledger.err).contains("erreur\(nb): ledger.csv: journal de transactions introuvable (attendu\(nb): un fichier CSV)"), "\(ledger.err)")
        let config = try cli.run(["validate", "--config", "mine.yml"], in: dir, environment: french)
        #expect(config.status == 66 && lines(config.err).contains("erreur\(nb): mine.yml: fichier de config introuvable (attendu\(nb): un fichier YAML tel que le fidelis.yml qu'écrit `fidelis-report init`)"), "\(config.err)")
        let templates = try cli.run(["build", "--templates", "mine", "--quiet"], in: dir, environment: french)
        #expect(templates.status == 66 && lines(templates.err).contains("erreur\(nb): mine: dossier de modèles introuvable (attendu\(nb): un dossier tel que le templates/ qu'écrit `fidelis-report init`)"), "\(templates.err)")
    }

    @Test func aRefusedOutputFolderIsSaidInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/foreign", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/foreign/notes.txt"))
        let refused = try cli.run(["build", "--out", "foreign", "--quiet"], in: dir, environment: french)
        let folder = try #require(lines(refused.err).first { $0.hasPrefix("erreur") })
        #expect(refused.status == 73 && folder.hasSuffix("/foreign: refus de remplacer un dossier non vide qui n'est pas un site fidelis-report (pas de marqueur .fidelis-site)\(nnb); choisissez un autre --out ou videz-le"), "\(refused.err)")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/foreign")
        let link = try cli.run(["build", "--out", "link", "--quiet"], in: dir, environment: french)
        #expect(link.status == 73 && lines(link.err).contains { $0.hasPrefix("erreur\(nb): ") && $0.hasSuffix("/link: refus d'écrire le site\(nb): c'est un lien symbolique") }, "\(link.err)")
    }

    @Test func templateErrorsAndWarningsAreInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["init", "."], in: dir).status == 0)
        // A section never closed: the build stops (65), located.
        let strategy = dir + "/templates/en/strategy.md.mustache"
        let text = try String(contentsOfFile: strategy, encoding: .utf8)
        try "{{#kpi}}\nhello\n".write(toFile: strategy, atomically: true, encoding: .utf8)
        let unclosed = try cli.run(["build", "--templates", "templates", "--quiet"], in: dir, environment: french)
        #expect(unclosed.status == 65 && lines(unclosed.err).contains("templates/en/strategy.md.mustache:1:1: erreur de syntaxe dans le modèle\(nb): {{#kpi}} n'est jamais fermée (attendu\(nb): {{/kpi}} après son contenu)"), "\(unclosed.err)")
        // A close with no open section, through validate.
        try "{{/kpi}}\n".write(toFile: strategy, atomically: true, encoding: .utf8)
        let stray = try cli.run(["validate", "--templates", "templates"], in: dir, environment: french)
        #expect(stray.status == 65 && lines(stray.err).contains("templates/en/strategy.md.mustache:1:1: erreur de syntaxe dans le modèle\(nb): {{/kpi}} ne ferme aucune section ouverte (attendu\(nb): un {{#kpi}} ou {{^kpi}} avant elle)"), "\(stray.err)")
        // A misspelt key: a warning, and the build goes on.
        try (text + "Bonjour {{kpi.retention_rat}}\n").write(toFile: strategy, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let unknown = try cli.run(["build", "--templates", "templates", "--quiet"], in: dir, environment: french)
        #expect(unknown.status == 0 && lines(unknown.err).contains("avertissement\(nb): templates/en/strategy.md.mustache:\(line):9: {{kpi.retention_rat}} ne nomme rien de ce que reçoit le modèle, donc elle s'affiche vide (attendu\(nb): une clé listée dans Templates/README.md)"), "\(unknown.err)")
        // The same, under --strict: nothing written (65).
        let strict = try cli.run(["build", "--templates", "templates", "--quiet", "--strict", "--out", "strict-site"], in: dir, environment: french)
        #expect(strict.status == 65 && lines(strict.err).contains("erreur\(nb): 1 avertissement(s), et --strict\(nb): rien n'a été écrit, un site en place est laissé tel quel (attendu\(nb): aucun avertissement, ou une génération sans --strict)"), "\(strict.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/strict-site"))
    }

    @Test func aTemplatesFolderWithoutTemplatesIsWarnedOfInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/mine", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: dir + "/mine/diagnostics.md.mustache"))
        let run = try cli.run(["build", "--templates", "mine", "--quiet"], in: dir, environment: french)
        #expect(run.status == 0 && lines(run.err).contains("avertissement\(nb): mine: aucun modèle dans ce dossier, les modèles intégrés sont utilisés (attendu\(nb): diagnostic, segmentation, strategy, loyalty-program, playbooks (.md.mustache) ou page, dashboard (.html.mustache) sous en/ ou fr/, ou assets/style.css)"), "\(run.err)")
    }

    @Test func initAndSampleSpeakFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try cli.run(["init", "proj"], in: dir, environment: french)
        #expect(made.status == 0 && lines(made.out) == ["Écrit proj/fidelis.yml et proj/templates/", "Ensuite\(nb): fidelis-report build --config proj/fidelis.yml --templates proj/templates", ""], "\(made.out)")
        let again = try cli.run(["init", "proj"], in: dir, environment: french)
        #expect(again.status == 73 && again.err == "erreur\(nb): proj/fidelis.yml existe déjà\(nnb); il n'est pas écrasé (après une mise à jour de l'outil, `fidelis-report init --update proj` met les modèles à jour)\n", "\(again.err)")
        let current = try cli.run(["init", "--update", "proj"], in: dir, environment: french)
        let files = try #require(lines(current.out).dropFirst().first)
        #expect(current.status == 0 && lines(current.out).first?.hasPrefix("proj/templates/ est à jour avec les modèles de fidelis-report ") == true
                && files.hasPrefix("  ") && files.hasSuffix(" fichier(s) déjà sur le texte de cette version."), "\(current.out)")
        let nowhere = try cli.run(["init", "--update", "proj/templates/en/nothing"], in: dir, environment: french)
        #expect(nowhere.status == 66 && nowhere.err == "erreur\(nb): proj/templates/en/nothing: aucun dossier de modèles ici, ni dans proj/templates/en/nothing/templates (attendu\(nb): le dossier qu'a écrit `fidelis-report init`, ou son dossier templates/)\n", "\(nowhere.err)")
        // fidelis.yml in French, for a report in French; --locale en gives the English one.
        let config = try String(contentsOfFile: dir + "/proj/fidelis.yml", encoding: .utf8)
        #expect(config == DefaultConfig.frenchYAML && config.hasPrefix("# Configuration de fidelis-report."))
        let english = try cli.run(["init", "en-proj", "--locale", "en"], in: dir, environment: french)
        #expect(english.status == 0)
        #expect(try String(contentsOfFile: dir + "/en-proj/fidelis.yml", encoding: .utf8) == DefaultConfig.yaml)
        #expect(try cli.run(["init", "en-proj2"], in: dir).status == 0)
        #expect(try String(contentsOfFile: dir + "/en-proj2/fidelis.yml", encoding: .utf8) == DefaultConfig.yaml)
        let both = try cli.run(["init", "--update", "proj", "--locale", "fr"], in: dir, environment: french)
        #expect(both.status == 64 && both.err.hasPrefix("Erreur\(nb): --locale vaut pour un nouveau fidelis.yml\(nnb); --update n'en écrit pas"), "\(both.err)")
        let built = try cli.run(["build", "--config", "proj/fidelis.yml", "--out", "proj-site", "--quiet"], in: dir, environment: french)
        #expect(built.status == 0, "\(built.err)")
        #expect(try String(contentsOfFile: dir + "/proj-site/index.html", encoding: .utf8).contains("<html lang=\"fr\""))
        let sample = try cli.run(["sample", "--out", "demo", "--customers", "50", "--months", "2"], in: dir, environment: french)
        #expect(sample.status == 0 && sample.out == "Écrit 2 relevé(s) de 50 clients dans demo\n" && lines(sample.err).contains("[2/2] relevé écrit"), "\(sample.out)\(sample.err)")
    }

    @Test func theCommandLinesWarningsAreInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["init", "."], in: dir).status == 0)
        try FileManager.default.moveItem(atPath: dir + "/fidelis.yml", toPath: dir + "/fidelis.yaml")
        let run = try cli.run(["validate"], in: dir, environment: french)
        #expect(run.status == 0)
        for line in ["avertissement\(nb): fidelis.yaml n'est pas lu (le fichier de config est fidelis.yml)\(nb): renommez-le, ou passez --config fidelis.yaml",
                     "avertissement\(nb): le dossier templates/ d'ici n'est lu que s'il est indiqué\(nb): passez --templates templates pour l'utiliser"] {
            #expect(lines(run.err).contains(line), "\(line)\n\(run.err)")
        }
    }

    @Test func failOnsWarningIsInFrench() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try cli.run(["sample", "--out", "in", "--customers", "40", "--months", "2", "--ledger", "--quiet"], in: dir).status == 0)
        let run = try cli.run(["build", "--transactions", "in/transactions.csv", "--fail-on", "nps_critical", "--quiet"], in: dir, environment: french)
        #expect(run.status == 0 && lines(run.err).contains("avertissement\(nb): --fail-on nps_critical ne peut jamais faire échouer l'exécution\(nb): les données n'ont pas de colonne nps, l'escalade ne peut donc pas être vérifiée"), "\(run.err)")
    }

    /// `LC_ALL=C` before a French `LANG`: the English, as before.
    @Test func lcAllCGivesTheEnglish() throws {
        let dir = cli.temporaryDirectory(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let english: [String: String?] = ["LANG": "fr_FR.UTF-8", "LC_ALL": "C"]
        let both = try cli.run(["build", "--snapshots", "a", "--transactions", "b"], in: dir, environment: english)
        #expect(both.status == 64 && lines(both.err).first == "Error: Give either --snapshots or --transactions, not both.", "\(both.err)")
        let missing = try cli.run(["build", "--snapshots", "nowhere", "--quiet"], in: dir, environment: english)
        #expect(missing.status == 66 && lines(missing.err).contains("error: nowhere: snapshot folder not found (expected a folder of YYYY-MM.csv files)"), "\(missing.err)")
        let made = try cli.run(["init", "proj"], in: dir, environment: english)
        #expect(made.out == "Wrote proj/fidelis.yml and proj/templates/\nNext: fidelis-report build --config proj/fidelis.yml --templates proj/templates\n", "\(made.out)")
        let again = try cli.run(["init", "proj"], in: dir, environment: english)
        #expect(again.err == "error: proj/fidelis.yml already exists; not overwriting it (after an upgrade, `fidelis-report init --update proj` brings the templates up to date)\n", "\(again.err)")
        try "{{/kpi}}\n".write(toFile: dir + "/proj/templates/en/strategy.md.mustache", atomically: true, encoding: .utf8)
        let stray = try cli.run(["validate", "--templates", "proj/templates"], in: dir, environment: english)
        #expect(stray.status == 65 && lines(stray.err).contains("proj/templates/en/strategy.md.mustache:1:1: template syntax error: {{/kpi}} closes no open section (expected a {{#kpi}} or {{^kpi}} before it)"), "\(stray.err)")
        let help = try cli.run(["help", "nope"], in: dir, environment: english)
        #expect(help.err == "error: no command named \"nope\" (expected one of build, validate, sample, init)\n", "\(help.err)")
    }
}
