import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report validate`: checks the input and config (and templates), prints a summary, writes nothing.
struct Validate: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "validate", abstract: bilingual("Check input data and config (and templates with --templates); print a summary; write nothing.",
                                                                          "Vérifie les données et la config (et les modèles avec --templates)\u{202F}; affiche un résumé\u{202F}; n'écrit rien."))
    }

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp(bilingual("Also check the templates of this folder (see `init`): their syntax, their file names and every tag against the first and the latest snapshot's views, as `build` does; those of the other language too when the folder has some.",
                                                   "Vérifier aussi les modèles de ce dossier (voir `init`)\u{00A0}: leur syntaxe, leurs noms de fichiers et chaque balise avec les vues du premier et du dernier relevé, comme le fait `build`\u{202F}; ceux de l'autre langue aussi quand le dossier en a."), valueName: HelpValueName.folder))
    var templates: String?

    @Option(name: [.long, .customLong("lang")], help: ArgumentHelp(bilingual("The templates' language to check (overrides the config).", "Langue des modèles à vérifier (prime sur la config)."), valueName: "en|fr"))
    var locale: ReportLocale?

    @Flag(name: .long, help: ArgumentHelp(bilingual("Fail (exit 65) when there is any warning, so that CI stops before publishing a report built on a misspelt key or a doubtful export.",
                                                    "Échouer (code 65) au moindre avertissement, pour que la CI s'arrête avant de publier un rapport fait sur une clé mal orthographiée ou un export douteux.")))
    var strict = false

    @Flag(name: .long, help: ArgumentHelp(bilingual("Only parse and check the rows (no figures); reports the parse throughput and the cores it had (fewer than the machine's under taskset, a container's CPU limit or a systemd CPUQuota). With --strict it counts the warnings about files and rows, not those that need the figures (customers missing, back or imported in bulk).",
                                                    "Lire et vérifier les lignes sans calculer les chiffres, et donner le débit de lecture et les cœurs disponibles (moins que ceux de la machine sous taskset, une limite de CPU de conteneur ou un CPUQuota de systemd). Avec --strict, compter les avertissements sur les fichiers et les lignes, pas ceux qui demandent les chiffres (clients disparus, revenus ou importés en masse).")))
    var parseOnly = false

    func validate() throws {
        if parseOnly && templates != nil { throw ValidationError(bilingual("--templates needs the figures: leave out --parse-only.", "--templates a besoin des chiffres\u{00A0}: retirez --parse-only.")) }
        if locale != nil && templates == nil { throw ValidationError(bilingual("--locale chooses the templates to check: it goes with --templates.", "--locale choisit les modèles à vérifier\u{00A0}: il va avec --templates.")) }
    }

    func run() throws {
        var config: ReportConfig
        do { config = try input.loadConfig() } catch { throw Exit.failure(error) }
        // Counted under --strict with the config's own warnings (printed as they were found), as in `build`.
        if let unread = InputOptions.unreadTemplatesWarning(given: templates) { config.warnings.append(unread) }
        if let locale { config.locale = locale }
        let result: ReportBuilder.Result
        var warnings = config.warnings
        let log = BuildLog { line in StandardError.write(line.trimmingCharacters(in: .whitespaces) + "\n") }
        do {
            if parseOnly {
                result = try ReportBuilder.parse(input.input, config: config, log: log)
            } else {
                var (sets, templateWarnings): ([TemplateSet], [String]) = ([], [])
                if let folder = templates { (sets, templateWarnings) = try ReportBuilder.templatesToCheck(in: folder, locale: config.locale) }
                for warning in templateWarnings { StandardError.write(MessageLanguage.warningPrefix + warning + "\n") }
                warnings += templateWarnings
                result = try ReportBuilder.validate(input.input, config: config, templates: sets, log: log)
            }
        } catch { throw Exit.failure(error) }
        for warning in result.warnings { StandardError.write(MessageLanguage.warningPrefix + warning + "\n") }
        // Said up front (before the read) already; counted.
        warnings += result.upFrontWarnings + result.warnings
        let wording = RunWording()
        print(input.checkedDescription(templates: templates.map { ($0, config.locale) }))
        // Under --strict with warnings the run fails: the summary does not open with "OK".
        let failing = strict && !warnings.isEmpty
        print(wording.validated(warnings: warnings.count, failing: failing, parseOnly: parseOnly, snapshots: result.reports.count, rows: result.rowsDescription,
                                bytes: result.bytesRead, seconds: result.seconds, cores: AvailableCores.count))
        for r in result.reports {
            // The revenue, so that amounts read in the wrong unit (cents, as payment exports write
            // them) show before a report is built on them.
            let revenue = Money.value(r.revenueTotal)
            print(wording.validatedSnapshot(label: r.period.label, asOf: "\(r.period.asOf)", customers: r.counts.customers, buyers: r.counts.buyers,
                                            active: r.counts.active, revenue: revenue, perBuyer: r.counts.buyers > 0 ? revenue / Double(r.counts.buyers) : nil,
                                            currency: config.currency, retention: r.kpi(.retentionRate).value,
                                            escalations: r.escalations.filter(\.raised).map(\.kind.rawValue)))
        }
        if failing {
            Exit.printError(wording.failingUnderStrict(warnings.count))
            throw ExitCode(65)
        }
    }
}
