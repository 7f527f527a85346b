import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// Input flags shared by `build` and `validate`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(bilingual("Folder of snapshot CSVs (YYYY-MM.csv or YYYY-MM-DD.csv).", "Dossier des CSV de relevés (YYYY-MM.csv ou YYYY-MM-DD.csv)."), valueName: HelpValueName.folder))
    var snapshots: String?

    @Option(name: .long, help: ArgumentHelp(bilingual("Transaction ledger CSV (customer_id,date,amount[,order_id,quantity]).",
                                                   "CSV du journal de transactions (customer_id,date,amount[,order_id,quantity])."), valueName: HelpValueName.file))
    var transactions: String?

    @Option(name: .long, help: ArgumentHelp(bilingual("Ledger only: last date taken into account (later rows are ignored).",
                                                   "Journal seulement\u{00A0}: dernière date prise en compte (les lignes postérieures sont ignorées)."), valueName: "yyyy-mm-dd"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp(bilingual("YAML config (default: fidelis.yml in the current folder when present).",
                                                   "Config YAML (par défaut\u{00A0}: fidelis.yml du dossier courant, s'il existe)."), valueName: HelpValueName.file))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(bilingual("Force the CSV delimiter (',' or ';'); default: detected from the header row.",
                                                   "Imposer le séparateur CSV (',' ou ';')\u{202F}; par défaut\u{00A0}: déduit de la ligne d'en-tête."), valueName: bilingual("char", "séparateur")))
    var delimiter: String?

    func validate() throws {
        for (name, value) in [("--snapshots", snapshots), ("--transactions", transactions), ("--config", config)] {
            try rejectBlank(value, name, expected: bilingual("a path", "un chemin"))
        }
        if snapshots != nil && transactions != nil {
            throw ValidationError(bilingual("Give either --snapshots or --transactions, not both.", "Donnez --snapshots ou --transactions, pas les deux."))
        }
        if asOf != nil && transactions == nil {
            throw ValidationError(bilingual("--as-of applies to --transactions only (snapshot dates come from file names).", "--as-of ne vaut que pour --transactions (les dates des relevés viennent des noms de fichiers)."))
        }
        if let asOf, parsedAsOf(asOf) == nil {
            throw ValidationError(bilingual("--as-of '\(asOf)' is not a date (expected YYYY-MM-DD).", "--as-of '\(asOf)' n'est pas une date (attendu\u{00A0}: YYYY-MM-DD)."))
        }
        if let delimiter, delimiter != "," && delimiter != ";" {
            throw ValidationError(bilingual("--delimiter must be ',' or ';'.", "--delimiter doit valoir ',' ou ';'."))
        }
    }

    func parsedAsOf(_ text: String) -> Day? {
        var t = text
        return t.withUTF8 { FieldParser.date(UnsafeRawBufferPointer($0), format: .iso) }
    }

    /// The input to read: the given one, or the example data shipped with the project.
    var input: ReportInput {
        if let transactions { return .transactions(transactions, asOf: asOf.flatMap(parsedAsOf)) }
        return .snapshots(snapshots ?? ExampleData.directory)
    }

    /// A warning when `init`'s templates folder is here but not given with --templates (`given`):
    /// the config is read by its name, a folder named templates may be anything, so it is not
    /// read unasked, but edits made in it would be lost without a word.
    @discardableResult
    static func unreadTemplatesWarning(given: String?) -> String? {
        guard given == nil, FileManager.default.fileExists(atPath: "templates/en") || FileManager.default.fileExists(atPath: "templates/fr") else { return nil }
        let warning = bilingual("templates/ here is not read unless given: pass --templates templates to use it", "le dossier templates/ d'ici n'est lu que s'il est indiqué\u{00A0}: passez --templates templates pour l'utiliser")
        StandardError.write(MessageLanguage.warningPrefix + warning + "\n")
        return warning
    }

    /// The config file read: `--config`, else `fidelis.yml` when present here, else none (the defaults).
    var configPath: String? {
        config ?? (FileManager.default.fileExists(atPath: "fidelis.yml") ? "fidelis.yml" : nil)
    }

    /// The input and the config in words (and the templates checked), for `validate`'s summary:
    /// what was checked.
    func checkedDescription(templates: (folder: String, locale: ReportLocale)?) -> String {
        RunWording().checked(ledger: transactions, asOf: asOf, snapshots: snapshots, examples: ExampleData.directory, config: configPath, templates: templates)
    }

    /// What `config` (as `loadConfig` read it) is made of, for the build cache: the file's text as
    /// it was parsed, and the overrides.
    func configFingerprint(of config: ReportConfig) -> String {
        (config.sourceText ?? "(defaults)") + "|delimiter=" + (delimiter ?? "auto")
    }

    /// The config: the file named by `--config`, else `fidelis.yml` when present, else the defaults.
    /// A named file that does not exist is missing input (exit 66, as a missing snapshot folder);
    /// one that cannot be read or parsed is a bad config (65).
    func loadConfig() throws(BuildFailure) -> ReportConfig {
        var result = ReportConfig()
        if let config, !FileManager.default.fileExists(atPath: config) {
            throw .inputMissing(bilingual("\(config): config file not found (expected a YAML file such as the fidelis.yml that `fidelis-report init` writes)", "\(config): fichier de config introuvable (attendu\u{00A0}: un fichier YAML tel que le fidelis.yml qu'écrit `fidelis-report init`)"))
        }
        if let path = configPath {
            do { result = try ConfigLoader.loadAll(path: path) } catch { throw .badConfig(error) }
        }
        if config == nil {
            // A config under another spelling (fidelis.yaml, Fidelis.yml, fidelis.yml.txt) is not read.
            let near = ((try? FileManager.default.contentsOfDirectory(atPath: ".")) ?? []).filter { name in
                let lower = name.lowercased()
                return name != "fidelis.yml" && (lower.hasPrefix("fidelis.yml") || lower.hasPrefix("fidelis.yaml"))
            }.sorted()
            for name in near {
                result.warnings.append(bilingual("\(name) is not read (the config file is fidelis.yml): rename it, or pass --config \(name)", "\(name) n'est pas lu (le fichier de config est fidelis.yml)\u{00A0}: renommez-le, ou passez --config \(name)"))
            }
        }
        if transactions != nil, let cadence = result.cadence, cadence != .monthly, let path = configPath {
            // Its advice (a quarter's targets) would be wrong for a ledger's month ends.
            if let monthly = result.monthlyTargetsWarning { result.warnings.removeAll { $0 == monthly } }
            result.warnings.append(bilingual("\(path): cadence: \(cadence.rawValue) is for snapshot folders: a ledger's snapshots are month ends, and its pages read them as monthly (expected no cadence with --transactions)",
                                             "\(path): cadence: \(cadence.rawValue) vaut pour les dossiers de relevés\u{00A0}: les relevés d'un journal sont des fins de mois, et ses pages les lisent comme mensuels (attendu\u{00A0}: aucune cadence avec --transactions)"))
        }
        if let delimiter { result.dialect.delimiter = Array(delimiter.utf8)[0] }
        // The shipped example data is a demo company's; a team's own data is titled by its config.
        if snapshots == nil && transactions == nil && result.client == nil { result.client = "Demo" }
        for warning in result.warnings { StandardError.write(MessageLanguage.warningPrefix + warning + "\n") }
        return result
    }
}
