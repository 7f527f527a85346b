import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report build`: computes every snapshot and writes the site.
struct Build: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "build",
        abstract: bilingual("Build the report site (default input: the shipped example data).",
                            "Génère le site du rapport (données par défaut\u{00A0}: l'exemple livré)."),
        discussion: bilingual("""
        Writes into a staging folder beside --out and swaps it in at the end: a failed or \
        interrupted build leaves the previous site untouched (interrupted by Ctrl-C, SIGTERM or SIGHUP, \
        it also removes its staging folder). Only a folder holding a .fidelis-site marker is ever replaced.

        An unchanged rebuild (same tool, config, templates and input) keeps the site as it is. \
        With a new month, the months before it keep their data files and Markdown and skip their \
        predicted-value fits; the result is the same as a full build. Delete the site to force one.
        """, """
        Écrit dans un dossier provisoire à côté de --out, mis à sa place à la fin\u{00A0}: une génération \
        qui échoue ou qui est interrompue laisse le site précédent intact (interrompue par Ctrl-C, \
        SIGTERM ou SIGHUP, elle retire aussi son dossier provisoire). Seul un dossier qui contient un \
        marqueur .fidelis-site est jamais remplacé.

        Une génération sans changement (même outil, config, modèles et données) garde le site tel \
        quel. Avec un nouveau mois, les mois d'avant gardent leurs fichiers de données et leur \
        Markdown et sautent l'ajustement de la valeur prédite\u{202F}; le résultat est celui d'une \
        génération complète. Supprimez le site pour en forcer une.
        """)) }

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp(bilingual("Output folder.", "Dossier de sortie."), valueName: HelpValueName.folder))
    var out = "site"

    @Option(name: .long, help: ArgumentHelp(bilingual("Folder whose templates override the built-in ones, file by file (see `init`).",
                                                   "Dossier dont les modèles remplacent ceux livrés, fichier par fichier (voir `init`)."), valueName: HelpValueName.folder))
    var templates: String?

    @Option(name: [.long, .customLong("lang")], help: ArgumentHelp(bilingual("Report language (overrides the config).", "Langue du rapport (prime sur la config)."), valueName: "en|fr"))
    var locale: ReportLocale?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        bilingual("Exit 3 when one of these escalations (ids, comma-separated, or 'any') is raised in the latest snapshot. Ids: ",
                  "Sortir avec le code 3 quand l'une de ces escalades (ids séparés par des virgules, ou 'any') est levée dans le dernier relevé. Ids\u{00A0}: ")
            + EscalationKind.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "id,...|any"))
    var failOn: [String] = []

    @Flag(name: .long, help: ArgumentHelp(bilingual("Print nothing but errors and warnings.", "N'afficher que les erreurs et les avertissements.")))
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(bilingual("Publish nothing when there is any warning: the build stops before the swap (exit 65) and the site in place is kept.",
                                                    "Ne rien publier au moindre avertissement\u{00A0}: la génération s'arrête avant la mise en place (code 65) et le site en place est gardé.")))
    var strict = false

    func validate() throws {
        try rejectBlank(out, "--out", expected: bilingual("a folder such as site", "un dossier tel que site"))
        let policy: FailOnPolicy
        do { policy = try FailOnPolicy(failOn) } catch { throw ValidationError(bilingual("--fail-on: \(error)", "--fail-on\u{00A0}: \(error)")) }
        // Given but naming nothing (an empty CI variable): alerting would be off without a word.
        if !failOn.isEmpty && policy.kinds.isEmpty {
            throw ValidationError(bilingual("--fail-on names no escalation (expected any or \(EscalationKind.allCases.map(\.rawValue).joined(separator: ", ")))", "--fail-on ne nomme aucune escalade (attendu\u{00A0}: any ou \(EscalationKind.allCases.map(\.rawValue).joined(separator: ", ")))"))
        }
    }

    /// `--out` without trailing slashes (`site/` is shown as `site`), `/` as it is.
    var outputFolder: String {
        var folder = out
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }

    func run() throws {
        // Interrupted, the build takes back its staging folder and lock before it ends.
        InterruptCleanup.shared.install()
        var config: ReportConfig
        do { config = try input.loadConfig() } catch { throw Exit.failure(error) }
        // Counted under --strict with the config's own warnings (printed as they were found).
        if let unread = InputOptions.unreadTemplatesWarning(given: templates) { config.warnings.append(unread) }
        if let locale { config.locale = locale }
        let out = outputFolder
        var options = BuildOptions(input: input.input, output: out, config: config, templates: templates)
        options.configFingerprint = input.configFingerprint(of: config)
        options.strict = strict
        options.configPath = input.configPath
        options.failOn = try? FailOnPolicy(failOn)   // checked by validate()
        let quiet = self.quiet
        // Quiet, a warning that must come before the work (a ledger too large for the memory this
        // process may use, which the kernel may then kill without a word) is still said.
        let wording = RunWording()
        let log = quiet ? BuildLog.quiet { StandardError.write(MessageLanguage.warningPrefix + $0 + "\n") } : BuildLog { line in StandardError.write(line + "\n") }
        let result: ReportBuilder.Result
        do { result = try ReportBuilder.build(options, log: log) } catch {
            // Quiet, the warnings that failed the build under --strict were not printed yet.
            if quiet, case .warningsUnderStrict(_, let warnings) = error {
                for warning in warnings { StandardError.write(MessageLanguage.warningPrefix + warning + "\n") }
            }
            throw Exit.failure(error)
        }
        // Interrupted from here on, the run says what it leaves: the site in place.
        _ = InterruptCleanup.shared.register { result.reusedSite ? bilingual("\(out) is as it was", "\(out) est tel qu'il était") : bilingual("\(out) was updated", "\(out) a été mis à jour") }
        // Quiet as in CI: the warnings about the input still show, once, after the build.
        if quiet { for warning in result.warnings { StandardError.write(MessageLanguage.warningPrefix + warning + "\n") } }
        if !quiet {
            if result.reusedSite {
                print(wording.keptSite("\(out)/index.html", snapshots: result.snapshotCount, hashedIn: result.seconds))
            } else {
                print(wording.wroteSite("\(out)/index.html", snapshots: result.snapshotCount, reused: result.reusedSnapshots, rows: result.rowsDescription,
                                        bytes: result.bytesRead, seconds: result.seconds))
            }
            for e in result.raised { print(wording.escalation(e)) }
        }
        let failing = options.failOn?.failing(raised: result.raisedEscalations) ?? []
        if !failing.isEmpty {
            Exit.printError(wording.escalationsFailing(failing.map(\.rawValue), in: result.latestPeriod))
            throw ExitCode(3)
        }
    }
}

extension ReportLocale: ExpressibleByArgument {}
