import Foundation
import Yams

/// Reads `fidelis.yml` into a `ReportConfig`. Unknown keys, wrong types and a segment table with a
/// gap are errors naming the file, line and column.
public enum ConfigLoader {
    /// Loads the file at `path`; throws its first error in file order.
    public static func load(path: String) throws(InputError) -> ReportConfig {
        do { return try loadAll(path: path) } catch { throw firstInFile(error) }
    }

    /// Loads the file at `path`; throws every error found (see `parseAll`).
    public static func loadAll(path: String) throws(InputErrors) -> ReportConfig {
        let name = (path as NSString).lastPathComponent
        // A named pipe waited for a writer for ever; a device may never end.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR {   // a folder: "Is a directory" below
            let stream = MappedFile.isStream(mode: info.st_mode)
            let kind = stream ? "a named pipe or a socket" : "a device"
            throw InputErrors([InputError(file: path, line: 0, column: 0,
                                          message: bilingual("the config file is \(kind), not a file",
                                                             "le fichier de config est \(stream ? "un tube nommé ou une socket" : "un périphérique"), pas un fichier"),
                                          expected: bilingual("a YAML file such as the fidelis.yml that `fidelis-report init` writes",
                                                              "un fichier YAML comme le fidelis.yml qu'écrit `fidelis-report init`"))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputErrors([InputError(file: path, line: 0, column: 0, message: bilingual("cannot read the config file: \(SystemReason.unreadable(path, folder: false))",
                                                                                                "impossible de lire le fichier de config\u{00A0}: \(SystemReason.unreadable(path, folder: false))"),
                                          expected: bilingual("a readable YAML file", "un fichier YAML lisible"))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputErrors([InputError(file: name, line: 0, column: 0, message: bilingual("the config file is not UTF-8 text", "le fichier de config n'est pas du texte UTF-8"),
                                          expected: bilingual("a UTF-8 YAML file", "un fichier YAML en UTF-8"))])
        }
        var config = try parseAll(text, file: name)
        config.sourceText = text
        return config
    }

    /// Parses YAML text (`file` names it in messages); throws its first error in file order.
    public static func parse(_ text: String, file: String) throws(InputError) -> ReportConfig {
        do { return try parseAll(text, file: file) } catch { throw firstInFile(error) }
    }

    /// The error that comes first in the file (`parseAll` throws at least one).
    private static func firstInFile(_ errors: InputErrors) -> InputError {
        errors.first.min { ($0.line, $0.column) < ($1.line, $1.column) }!
    }

    /// Parses YAML text and throws every error found, so that one run names them all: each unknown
    /// key (anywhere), and the first wrong value of each top-level section (a section's later
    /// values may depend on it). A YAML syntax error stops the reading.
    public static func parseAll(_ text: String, file: String) throws(InputErrors) -> ReportConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputErrors([yamlError(error, file: file, text: text)])
        } catch {
            throw InputErrors([InputError(file: file, line: 0, column: 0, message: "\(error)", expected: bilingual("valid YAML", "du YAML valide"))])
        }
        var config = ReportConfig()
        guard let root, root.null == nil else { return config }
        let collected = ConfigErrorList()
        let reader = ConfigNodeReader(file: file, unknownKeys: collected)
        let top: [(String, Node)]
        do {
            top = try reader.mapping(root, keys: ["client", "locale", "currency", "delimiter", "date_format", "columns", "activity_window_days", "cadence", "targets", "segments", "escalations", "routing", "lifetime", "loyalty", "action_plan"])
        } catch {
            throw InputErrors([error])
        }
        for (key, value) in top {
            do throws(InputError) { try section(key, value, reader: reader, into: &config) } catch { collected.errors.append(error) }
        }
        guard collected.errors.isEmpty else { throw collected.errors }
        if let cadence = config.cadence, let node = top.first(where: { $0.0 == "cadence" })?.1,
           let warning = monthlyTargetsWarning(config, cadence: cadence, node: node, reader: reader) {
            config.warnings.append(warning)
            config.monthlyTargetsWarning = warning
        }
        return config
    }

    /// Reads the top-level section `key` into `config`.
    private static func section(_ key: String, _ value: Node, reader: ConfigNodeReader, into config: inout ReportConfig) throws(InputError) {
        switch key {
        case "client": config.client = try reader.string(value)
        case "locale":
            let s = try reader.string(value)
            guard let l = ReportLocale(rawValue: s) else { throw reader.error(value, bilingual("locale \"\(s)\" is not supported", "locale\u{00A0}: valeur \"\(s)\" non prise en charge"), bilingual("en or fr", "en ou fr")) }
            config.locale = l
        case "currency": config.currency = try reader.string(value)
        case "delimiter":
            let s = try reader.string(value)
            guard s == "," || s == ";" else { throw reader.error(value, bilingual("delimiter \"\(s)\" is not supported", "delimiter\u{00A0}: valeur \"\(s)\" non prise en charge"), bilingual("\",\" or \";\"", "\",\" ou \";\"")) }
            config.dialect.delimiter = Array(s.utf8)[0]
        case "date_format":
            let s = try reader.string(value).lowercased()
            guard let f = DateFormat(rawValue: s) else { throw reader.error(value, bilingual("date_format \"\(s)\" is not supported", "date_format\u{00A0}: valeur \"\(s)\" non prise en charge"),
                                                                      bilingual("yyyy-mm-dd, dd/mm/yyyy or mm/dd/yyyy", "yyyy-mm-dd, dd/mm/yyyy ou mm/dd/yyyy")) }
            config.dialect.dateFormat = f
        case "columns":
            var aliases: [String: String] = [:]
            var normalized = Set<String>()
            for (alias, target) in try reader.mapping(value, keys: nil) {
                guard normalized.insert(InputDialect.normalizedHeader(alias)).inserted else {
                    throw reader.error(target, bilingual("column alias \"\(alias)\" is given twice (header names ignore case and spaces)",
                                                         "l'alias de colonne \"\(alias)\" est donné deux fois (les noms d'en-tête ne tiennent compte ni de la casse ni des espaces)"),
                                       bilingual("each alias once", "chaque alias une seule fois"))
                }
                let t = try reader.string(target)
                let name = InputDialect.normalizedHeader(t)
                guard SnapshotColumn(rawValue: name) != nil || LedgerColumn(rawValue: name) != nil || name == InputDialect.ignoredColumn else {
                    // Each name once: both kinds of input have customer_id.
                    var known: [String] = []
                    for column in SnapshotColumn.allCases.map(\.rawValue) + LedgerColumn.allCases.map(\.rawValue) where !known.contains(column) { known.append(column) }
                    throw reader.error(target, bilingual("column \"\(t)\" is not a known column", "\"\(t)\" n'est pas une colonne connue"),
                                       bilingual("one of ", "l'une de ") + known.joined(separator: ", ")
                                       + bilingual(", or \(InputDialect.ignoredColumn) (a column the export has and the report does not use: read without a warning)",
                                                   ", ou \(InputDialect.ignoredColumn) (une colonne que l'export contient et que le rapport n'utilise pas\u{00A0}: lue sans avertissement)"))
                }
                aliases[alias] = t
            }
            config.dialect = InputDialect(delimiter: config.dialect.delimiter, dateFormat: config.dialect.dateFormat, columnAliases: aliases)
        case "activity_window_days":
            config.activityWindowDays = try reader.integer(value, in: 1...3650)
        case "cadence":
            // Empty (`cadence:`) is not said, as if the key were left out; any case is read.
            if value.null != nil { config.cadence = nil; break }
            let s = try reader.string(value)
            guard let c = SnapshotCadence(rawValue: s.lowercased()) else { throw reader.error(value, bilingual("cadence \"\(s)\" is not known", "cadence\u{00A0}: valeur \"\(s)\" inconnue"),
                                                                      bilingual("monthly, quarterly or weekly", "monthly, quarterly ou weekly")) }
            config.cadence = c
        case "targets":
            for (k, v) in try reader.mapping(value, keys: KPIKey.allCases.map(\.rawValue)) {
                let kpi = KPIKey(rawValue: k)!
                var target = config.targets[kpi]!
                if case .mapping = v {
                    for (tk, tv) in try reader.mapping(v, keys: ["value", "direction"]) {
                        if tk == "value" { target.value = try targetValue(kpi, tv, reader: reader) }
                        else {
                            let d = try reader.string(tv)
                            guard let dir = KPITarget.Direction(rawValue: d) else { throw reader.error(tv, bilingual("direction \"\(d)\" is not known", "direction\u{00A0}: valeur \"\(d)\" inconnue"), bilingual("above or below", "above ou below")) }
                            target.direction = dir
                            // Accepted (a team may mean it), but said: a churn target "above" puts a
                            // rising churn on target while the trend calls it worse.
                            let usual = ReportConfig().targets[kpi]!.direction
                            if dir != usual {
                                config.warnings.append(reader.error(tv, bilingual("targets.\(k): direction \(d) counts a value \(d) the target as on target, though a \(usual == .below ? "lower" : "higher") \(k) is better",
                                                                              "targets.\(k)\u{00A0}: avec direction \(d), une valeur \(dir == .above ? "au-dessus" : "en dessous") de la cible est jugée dans la cible, alors qu'un \(k) plus \(usual == .below ? "bas" : "haut") vaut mieux"),
                                                                    bilingual("direction: \(usual.rawValue), unless that is what you mean", "direction: \(usual.rawValue), sauf si c'est bien ce que vous voulez")).description)
                            }
                        }
                    }
                } else {
                    target.value = try targetValue(kpi, v, reader: reader)
                }
                if kpi == .nps, let value = target.value, let warning = npsLikeAFraction(value, key: "targets.nps", node: v, reader: reader) {
                    config.warnings.append(warning)
                }
                config.targets[kpi] = target
            }
        case "segments":
            config.segments = try segmentTable(value, reader: reader, warnings: &config.warnings)
            config.warnings += try segmentRuleGaps(value, reader: reader)
            config.warnings += segmentTableWarnings(config.segments.rules, file: reader.file, places: try reader.sequence(value).map { ($0.mark?.line ?? 0, $0.mark?.column ?? 0) })
        case "escalations":
            for (k, v) in try reader.mapping(value, keys: ["nps_below", "churn_above", "refund_above", "vip_top_share"]) {
                switch k {
                case "nps_below":
                    config.escalations.npsBelow = try reader.number(v, in: -100...100)
                    if let warning = npsLikeAFraction(config.escalations.npsBelow, key: "escalations.nps_below", node: v, reader: reader) { config.warnings.append(warning) }
                // 1 (100 %) could never be passed: a percentage meant as 1 %.
                case "churn_above": config.escalations.churnAbove = try reader.fraction(v, in: 0...0.99)
                case "refund_above": config.escalations.refundAbove = try reader.number(v, in: 0...1e12)
                default: config.escalations.vipTopShare = try reader.fraction(v, in: 0.0001...1)
                }
            }
        case "routing":
            for (k, v) in try reader.mapping(value, keys: ["keywords"]) where k == "keywords" {
                for (area, words) in try reader.mapping(v, keys: SpecialistArea.allCases.map(\.rawValue)) {
                    config.routing.add(try reader.strings(words), to: SpecialistArea(rawValue: area)!)
                }
            }
        case "lifetime":
            for (k, v) in try reader.mapping(value, keys: ["time_unit", "horizon_months", "monthly_discount_rate"]) {
                switch k {
                case "time_unit":
                    let s = try reader.string(v)
                    guard let u = LifetimeTimeUnit(rawValue: s) else { throw reader.error(v, bilingual("time_unit \"\(s)\" is not known", "time_unit\u{00A0}: valeur \"\(s)\" inconnue"), bilingual("day or week", "day ou week")) }
                    config.lifetime.timeUnit = u
                case "horizon_months": config.lifetime.horizonMonths = try reader.integer(v, in: 1...120)
                // A monthly rate: 0.01 is 12.7 % a year; 0.5 and more is a percentage meant as a fraction.
                default: config.lifetime.monthlyDiscountRate = try reader.fraction(v, in: 0...0.5)
                }
            }
        case "loyalty":
            var percentilesNode: Node?
            for (k, v) in try reader.mapping(value, keys: ["tiers", "tier_percentiles", "points_per_currency_unit", "point_value", "redemption_rate"]) {
                switch k {
                case "tiers": config.loyalty.tierNames = try reader.strings(v)
                case "tier_percentiles":
                    percentilesNode = v
                    config.loyalty.tierPercentiles = try reader.sequence(v).map { n throws(InputError) in try reader.fraction(n) }
                case "points_per_currency_unit": config.loyalty.pointsPerCurrencyUnit = try reader.number(v, in: 0...1_000_000)
                case "point_value": config.loyalty.pointValue = try reader.number(v, in: 0...1_000_000)
                default: config.loyalty.redemptionRate = try reader.fraction(v)
                }
            }
            let percentiles = config.loyalty.tierPercentiles
            if percentiles.count != config.loyalty.tierNames.count - 1 {
                throw reader.error(value, bilingual("loyalty has \(config.loyalty.tierNames.count) tiers and \(percentiles.count) percentiles",
                                                    "loyalty compte \(config.loyalty.tierNames.count) paliers et \(percentiles.count) percentiles"),
                                   bilingual("one increasing percentile per tier above the first", "un percentile croissant par palier au-dessus du premier"))
            }
            if zip(percentiles, percentiles.dropFirst()).contains(where: { $0 >= $1 }) {
                throw reader.error(percentilesNode ?? value, bilingual("tier_percentiles [\(percentiles.map(ConfigNodeReader.plain).joined(separator: ", "))] do not increase",
                                                                       "tier_percentiles [\(percentiles.map(ConfigNodeReader.plain).joined(separator: ", "))] ne sont pas croissants"),
                                   bilingual("each tier starting at a higher spend percentile than the one before, like [0.60, 0.90]",
                                             "chaque palier commençant à un percentile de dépense plus haut que le précédent, comme [0.60, 0.90]"))
            }
        case "action_plan":
            for (k, v) in try reader.mapping(value, keys: ["win_back_incentive", "contact_cost", "personal_intervention_cost", "expected_win_back_rate"]) {
                switch k {
                case "win_back_incentive": config.actionPlan.winBackIncentive = try reader.number(v, in: 0...1_000_000)
                case "contact_cost": config.actionPlan.contactCost = try reader.number(v, in: 0...1_000_000)
                case "personal_intervention_cost": config.actionPlan.personalInterventionCost = try reader.number(v, in: 0...1_000_000)
                default: config.actionPlan.expectedWinBackRate = try reader.fraction(v)
                }
            }
        default: break
        }
    }

    /// A KPI's target value (null: no target): rates as fractions, NPS on −100…100, CSAT on its
    /// 1–5 scale. A target written as a percentage (85 for 0.85) could never be met and would
    /// keep its KPI off target without a word.
    static func targetValue(_ kpi: KPIKey, _ node: Node, reader: ConfigNodeReader) throws(InputError) -> Double? {
        if node.null != nil { return nil }
        switch kpi {
        case .retentionRate, .churnRate, .csatSatisfiedShare, .repeatPurchaseRate: return try reader.fraction(node)
        case .ltvGrowthYoY: return try reader.fraction(node, in: -1...10)
        case .nps: return try reader.number(node, in: -100...100)
        case .csat: return try reader.number(node, in: 1...5)
        case .ltv, .ces: return try reader.number(node, in: 0...1e12)
        }
    }
}
