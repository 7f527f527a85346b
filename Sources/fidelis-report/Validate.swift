import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report validate`: checks the input and config (and templates), prints a summary, writes nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check input data and config (and templates with --templates); print a summary; write nothing.")

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Also check the templates of this folder (see `init`): their syntax, their file names and every tag against the first and the latest snapshot's views, as `build` does; those of the other language too when the folder has some.", valueName: "dir"))
    var templates: String?

    @Option(name: [.long, .customLong("lang")], help: ArgumentHelp("The templates' language to check (overrides the config).", valueName: "en|fr"))
    var locale: ReportLocale?

    @Flag(name: .long, help: "Fail (exit 65) when there is any warning, so that CI stops before publishing a report built on a misspelt key or a doubtful export.")
    var strict = false

    @Flag(name: .long, help: "Only parse and check the rows (no figures); reports the parse throughput and the cores it had (fewer than the machine's under taskset, a container's CPU limit or a systemd CPUQuota). With --strict it counts the warnings about files and rows, not those that need the figures (customers missing, back or imported in bulk).")
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
