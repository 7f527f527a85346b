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

    /// A warning for a cadence other than monthly that keeps the seed's monthly values of the targets
    /// that depend on the period (retention, churn, the churn escalation): a quarter's churn of 12 %
    /// is a month's 4 %, on target, yet it would be judged against 5 % and raise `churn_crisis`.
    /// The values at the same monthly pace are given (retention r a month is r³ a quarter).
    static func monthlyTargetsWarning(_ config: ReportConfig, cadence: SnapshotCadence, node: Node, reader: ConfigNodeReader) -> String? {
        guard cadence != .monthly else { return nil }
        let seed = ReportConfig(), months = cadence.monthsInPeriod
        func kept(_ key: String, _ value: Double?, _ seedValue: Double?, retained: Bool) -> (name: String, pace: String)? {
            guard let value, value == seedValue else { return nil }
            let paced = retained ? pow(value, months) : 1 - pow(1 - value, months)
            // Two decimals, three under 0.1 (a week's churn: 0.012, not 0.01).
            let scale = paced < 0.1 ? 1000.0 : 100
            return (key, "\(key.split(separator: ".").last!) " + ConfigNodeReader.plain((paced * scale).rounded() / scale))
        }
        let keptValues = [
            kept("targets.retention_rate", config.targets[.retentionRate]?.value, seed.targets[.retentionRate]?.value, retained: true),
            kept("targets.churn_rate", config.targets[.churnRate]?.value, seed.targets[.churnRate]?.value, retained: false),
            kept("escalations.churn_above", config.escalations.churnAbove, seed.escalations.churnAbove, retained: false),
        ].compactMap { $0 }
        guard !keptValues.isEmpty else { return nil }
        let names = bilingualList(keptValues.map(\.name)), paces = bilingualList(keptValues.map(\.pace))
        let period = bilingual(cadence.period.en, cadence.period.fr)
        let one = keptValues.count == 1
        let english = one ? "keeps its default, a month's value" : "keep their defaults, a month's values"
        let french = one ? "garde sa valeur par défaut, celle d'un mois" : "gardent leur valeur par défaut, celle d'un mois"
        return reader.error(node, bilingual("cadence: \(cadence.rawValue), but \(names) \(english)",
                                            "cadence: \(cadence.rawValue), mais \(names) \(french)"),
                            bilingual("values for \(period); at the same monthly pace: \(paces)",
                                      "des valeurs pour \(period)\u{202F}; au même rythme mensuel\u{00A0}: \(paces)")).description
    }

    /// A warning for an NPS value written as a fraction (`0.2` for 20): NPS runs from −100 to 100,
    /// so 0.2 is accepted as an NPS of 0.2 (an `nps_below: 0.2` made the NPS escalation disappear).
    static func npsLikeAFraction(_ value: Double, key: String, node: Node, reader: ConfigNodeReader) -> String? {
        guard value != 0, abs(value) < 1 else { return nil }
        let meant = Int((value * 100).rounded())
        return reader.error(node, bilingual("\(key): \(value) is an NPS of \(value) (NPS runs from −100 to 100, not from −1 to 1)",
                                            "\(key)\u{00A0}: \(value) est un NPS de \(value) (le NPS va de −100 à 100, pas de −1 à 1)"),
                            bilingual("\(meant) for an NPS of \(meant)", "\(meant) pour un NPS de \(meant)")).description
    }

    /// Warnings for segment rules that leave out a score letter: the rule then matches every score
    /// of it (1–5), which is easy to miss (`{id: champions, r: 3-5, m: 4-5}` took 26 more buyers).
    static func segmentRuleGaps(_ node: Node, reader: ConfigNodeReader) throws(InputError) -> [String] {
        var warnings: [String] = []
        for (i, item) in try reader.sequence(node).enumerated() {
            let keys = Set(try reader.mapping(item, keys: nil).map(\.0))
            let missing = ["r", "f", "m"].filter { !keys.contains($0) }
            guard !missing.isEmpty, missing.count < 3 else { continue }   // none at all: a catch-all, plainly
            let id = (try? reader.mapping(item, keys: nil).first { $0.0 == "id" }.map { try reader.string($0.1) }) ?? nil
            let letters = missing.joined(separator: " and ")
            warnings.append(reader.error(item, bilingual("segment rule \(i + 1)\(id.map { " (\($0))" } ?? "") gives no \(letters): it matches every \(missing.map { $0.uppercased() }.joined(separator: " and ")) score, 1 to 5",
                                                         "la règle de segment \(i + 1)\(id.map { " (\($0))" } ?? "") ne donne \(missing.count == 1 ? "pas de \(missing[0])" : "ni \(missing[0]) ni \(missing[1])")\u{00A0}: elle accepte toutes les notes \(missing.map { $0.uppercased() }.joined(separator: " et ")), de 1 à 5"),
                                         missing.map { "\($0): 1-5" }.joined(separator: ", ")
                                         + bilingual(" written out, or the range meant", missing.count == 1 ? " écrit explicitement, ou la plage voulue" : " écrits explicitement, ou la plage voulue")).description)
        }
        return warnings
    }

    /// The segment table, with its names and actions; a name the charts cut short adds a warning.
    static func segmentTable(_ node: Node, reader: ConfigNodeReader, warnings: inout [String]) throws(InputError) -> SegmentTable {
        var rules: [SegmentRule] = []
        var labels: [String: SegmentLabel] = [:]
        /// Where each id's name and action were given, for the message of a second, different one.
        var labelNodes: [String: [String: Node]] = [:]
        for item in try reader.sequence(node) {
            var id: String?
            var ranges: [String: ScoreRange] = [:]
            var given: [(key: String, text: (en: String?, fr: String?), node: Node)] = []
            for (k, v) in try reader.mapping(item, keys: ["id", "r", "f", "m", "name", "action"]) {
                if k == "name" || k == "action" {
                    given.append((k, try segmentText(v, key: k, reader: reader), v))
                } else if k == "id" {
                    let text = try reader.string(v)
                    if text == MigrationMatrix.newRow || text == MigrationMatrix.goneColumn {
                        throw reader.error(v, bilingual("segment id \"\(text)\" is the migration matrix's own row or column (customers new at a snapshot, or gone from it)",
                                                        "l'identifiant de segment \"\(text)\" est réservé à la ligne ou à la colonne de la matrice des migrations (les clients nouveaux à un relevé, ou sortis depuis)"),
                                           bilingual("another id", "un autre identifiant"))
                    }
                    if let seed = SegmentCatalog.seedID(spelledAs: text) {
                        throw reader.error(v, bilingual("segment id \"\(text)\" spells the seed's segment \(seed) another way",
                                                        "l'identifiant de segment \"\(text)\" écrit autrement le segment de base \(seed)"),
                                           bilingual("the machine id \(seed); ids other than the six add segments of their own",
                                                     "l'identifiant technique \(seed)\u{202F}; les identifiants autres que les six de base ajoutent des segments à part"))
                    }
                    id = text
                } else {
                    ranges[k] = try reader.scoreRange(v)
                }
            }
            guard let id, !id.isEmpty else { throw reader.error(item, bilingual("segment rule has no id", "la règle de segment n'a pas d'identifiant"), "id: champions, r: 3-5, f: 4-5, m: 4-5") }
            rules.append(SegmentRule(id, r: ranges["r"] ?? ScoreRange(1, 5), f: ranges["f"] ?? ScoreRange(1, 5), m: ranges["m"] ?? ScoreRange(1, 5)))
            for (key, texts, v) in given {
                // A language left out: the seed's text for one of the six, else the other language's.
                let seed = SegmentCatalog.entries[id]
                let text = LocalizedText(en: texts.en ?? (key == "name" ? seed?.en : seed?.actionEN) ?? texts.fr!,
                                         fr: texts.fr ?? (key == "name" ? seed?.fr : seed?.actionFR) ?? texts.en!)
                var label = labels[id] ?? SegmentLabel()
                let earlier = key == "name" ? label.name : label.action
                if let earlier, earlier != text, let first = labelNodes[id]?[key] {
                    throw reader.error(v, bilingual("segment \(id) has another \(key) at line \(first.mark?.line ?? 0)", "le segment \(id) a un autre \(key) à la ligne \(first.mark?.line ?? 0)"),
                                       bilingual("one \(key) per segment id, given on any one of its rules", "un seul \(key) par identifiant de segment, donné sur n'importe laquelle de ses règles"))
                }
                if key == "name" { label.name = text } else { label.action = text }
                labels[id] = label
                labelNodes[id, default: [:]][key] = labelNodes[id]?[key] ?? v
            }
        }
        let ids = SegmentTable.segmentIDs(rules)
        guard ids.count <= SegmentTable.maximumSegments else {
            throw reader.error(node, bilingual("the segment table names \(ids.count - SegmentCatalog.seedOrder.count) segment ids besides the seed's six",
                                               "la table des segments nomme \(ids.count - SegmentCatalog.seedOrder.count) identifiants de segment en plus des six de base"),
                               bilingual("at most \(SegmentTable.maximumSegments - SegmentCatalog.seedOrder.count)", "au plus \(SegmentTable.maximumSegments - SegmentCatalog.seedOrder.count)"))
        }
        var table: SegmentTable
        do {
            table = try SegmentTable(rules: rules)
        } catch {
            throw reader.error(node, bilingual("the segment table matches no rule for the scores R=\(error.r) F=\(error.f) M=\(error.m)",
                                               "la table des segments n'a aucune règle pour les notes R=\(error.r) F=\(error.f) M=\(error.m)"),
                               bilingual("rules that cover all 125 score triples (end with a catch-all r: 1-5, f: 1-5, m: 1-5)",
                                         "des règles qui couvrent les 125 triplets de notes (terminez par une règle fourre-tout r: 1-5, f: 1-5, m: 1-5)"))
        }
        table.labels = labels
        // Two segments shown under one name could not be told apart in a table or a chart (nor a
        // segment from the migration matrix's New row or Gone column): the later of the two in the
        // table's order is reported, at a name the config gives.
        let shownIDs = [MigrationMatrix.newRow, MigrationMatrix.goneColumn] + ids
        for locale in [ReportLocale.en, .fr] {
            for (index, id) in shownIDs.enumerated() {
                let shown = table.name(id, locale).lowercased()
                guard let other = shownIDs[..<index].first(where: { table.name($0, locale).lowercased() == shown }),
                      let named = labelNodes[id]?["name"] != nil ? id : labelNodes[other]?["name"] != nil ? other : nil else { continue }
                let first = named == id ? other : id
                let whose = first == MigrationMatrix.newRow ? "the migration matrix's row of new customers"
                    : first == MigrationMatrix.goneColumn ? "the migration matrix's column of customers gone" : "segment \(first)"
                let ofWhose = first == MigrationMatrix.newRow ? "de la ligne des nouveaux clients de la matrice des migrations"
                    : first == MigrationMatrix.goneColumn ? "de la colonne des clients sortis de la matrice des migrations" : "du segment \(first)"
                throw reader.error(labelNodes[named]!["name"]!, bilingual("segment \(named) is named \"\(table.name(named, locale))\", the name of \(whose)",
                                                                          "le segment \(named) s'appelle \"\(table.name(named, locale))\", le nom \(ofWhose)"),
                                   bilingual("a name of its own", "un nom qui lui soit propre"))
            }
        }
        // Names the charts cut short: their labels hold about `SegmentLabel.chartNameLength`
        // characters, and two names that begin alike showed there as the same one ("Clients
        // fidèles à très…"); the tables show them whole.
        for id in ids {
            guard let name = labels[id]?.name, let node = labelNodes[id]?["name"] else { continue }
            for text in Set([name.en, name.fr]).sorted() where text.count > SegmentLabel.chartNameLength {
                warnings.append(reader.error(node, bilingual("segment \(id)'s name \"\(text)\" has \(text.count) characters: charts show about \(SegmentLabel.chartNameLength) of them, then \"…\"",
                                                             "le nom \"\(text)\" du segment \(id) a \(text.count) caractères\u{00A0}: les graphiques en montrent environ \(SegmentLabel.chartNameLength), puis \"…\""),
                                             bilingual("a shorter name, which reads in both; the tables show it whole",
                                                       "un nom plus court, lisible dans les deux\u{202F}; les tableaux le montrent en entier")).description)
            }
        }
        return table
    }

    /// A segment's `name` or `action`: one text for both languages, or `{en: …, fr: …}`, either of
    /// which may be left out (nil here: the seed's text of one of the six is shown in its place,
    /// else the other language's).
    static func segmentText(_ node: Node, key: String, reader: ConfigNodeReader) throws(InputError) -> (en: String?, fr: String?) {
        let limit = key == "name" ? SegmentLabel.maximumNameLength : SegmentLabel.maximumActionLength
        func text(_ node: Node, _ language: String = "") throws(InputError) -> String {
            let what = "the segment's \(language)\(key)"
            // « le name anglais du segment »: the key stays a key.
            var whatFR: String { "le \(key)\(language == "English " ? " anglais" : language == "French " ? " français" : "") du segment" }
            let value = try reader.string(node).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                throw reader.error(node, bilingual("\(what) is empty", "\(whatFR) est vide"), bilingual("a text, or no \(key) key", "un texte, ou pas de clé \(key)"))
            }
            guard !value.contains(where: \.isNewline) else {
                throw reader.error(node, bilingual("\(what) runs over several lines", "\(whatFR) s'étend sur plusieurs lignes"), bilingual("a text on one line", "un texte sur une seule ligne"))
            }
            guard value.count <= limit else {
                throw reader.error(node, bilingual("\(what) has \(value.count) characters", "\(whatFR) a \(value.count) caractères"),
                                   bilingual("at most \(limit), so that \(key == "name" ? "tables" : "the segment table") can hold it",
                                             "au plus \(limit), pour que \(key == "name" ? "les tableaux puissent" : "la table des segments puisse") le contenir"))
            }
            return value
        }
        if case .mapping = node {
            var en: String?, fr: String?
            // An unknown language is the error to report, not the "no text" that would follow it.
            var strict = reader
            strict.unknownKeys = nil
            for (k, v) in try strict.mapping(node, keys: ["en", "fr"]) {
                if k == "en" { en = try text(v, "English ") } else { fr = try text(v, "French ") }
            }
            guard en != nil || fr != nil else { throw reader.error(node, bilingual("the segment's \(key) gives no text", "le \(key) du segment ne donne aucun texte"), bilingual("en: …, fr: …, or one text for both", "en: …, fr: …, ou un seul texte pour les deux")) }
            return (en, fr)
        }
        let value = try text(node)
        return (value, value)
    }

    /// Warnings for a segment table that loads but likely does not do what was meant: a rule whose
    /// every score triple an earlier rule already takes (first match wins, so it never applies), and
    /// an id that is not a seed id but one letter away from one (`lostt`: a segment of its own,
    /// without the seed segment's name, action or playbook). `places` holds each rule's line and column.
    static func segmentTableWarnings(_ rules: [SegmentRule], file: String, places: [(line: Int, column: Int)]) -> [String] {
        var warnings: [String] = []
        for (i, rule) in rules.enumerated() {
            let line = i < places.count ? "\(file):\(places[i].line):\(places[i].column): " : "\(file): "
            let shadowed = (rule.recency.lower...rule.recency.upper).allSatisfy { r in
                (rule.frequency.lower...rule.frequency.upper).allSatisfy { f in
                    (rule.monetary.lower...rule.monetary.upper).allSatisfy { m in rules[..<i].contains { $0.matches(r: r, f: f, m: m) } }
                }
            }
            if shadowed {
                warnings.append(line + bilingual("segment rule \(i + 1) (\(rule.segment)) never applies: the rules before it take all its score triples (the first matching rule wins; put catch-all rules last)",
                                                 "la règle de segment \(i + 1) (\(rule.segment)) ne s'applique jamais\u{00A0}: les règles qui la précèdent prennent tous ses triplets de notes (la première règle qui correspond l'emporte\u{202F}; mettez les règles fourre-tout en dernier)"))
            }
            if SegmentCatalog.entries[rule.segment] == nil, !rules[..<i].contains(where: { $0.segment == rule.segment }),
               let near = SegmentCatalog.seedOrder.first(where: { editDistanceIsOne($0, rule.segment) }) {
                warnings.append(line + bilingual("segment id \"\(rule.segment)\" is not a seed id but is close to \(near): it makes a segment of its own, without \(near)'s name, action and playbook",
                                                 "l'identifiant de segment \"\(rule.segment)\" n'est pas un identifiant de base mais ressemble à \(near)\u{00A0}: il crée un segment à part, sans le nom, l'action ni le playbook de \(near)"))
            }
        }
        return warnings
    }

    /// True when one insertion, deletion or substitution turns `a` into `b`.
    static func editDistanceIsOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard abs(x.count - y.count) <= 1, x != y else { return false }
        var i = 0
        while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
        if x.count == y.count { return x[(i + 1)...] == y[(i + 1)...] }
        return x.count < y.count ? x[i...] == y[(i + 1)...] : x[(i + 1)...] == y[i...]
    }

    /// Line and column (from 1, counted in Unicode scalars like libyaml's marks) of a reader error: at
    /// Yams's character offset, or when it has none, at the first character YAML does not allow.
    static func readerLocation(_ text: String, characterOffset: Int?) -> (line: Int, column: Int) {
        let end = characterOffset.flatMap { text.index(text.startIndex, offsetBy: $0, limitedBy: text.endIndex) }
            ?? text.unicodeScalars.firstIndex { !isYAMLPrintable($0) } ?? text.endIndex
        var line = 1, column = 1
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars[..<end] {
            switch s {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": line += 1; column = 1
            default: column += 1
            }
            previous = s
        }
        return (line, column)
    }

    /// YAML 1.1's printable characters, the only ones libyaml's reader accepts.
    static func isYAMLPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The character at `line` and `column` (from 1, in Unicode scalars, as libyaml's marks), or nil.
    static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, column >= 1 else { return nil }
        var currentLine = 1, currentColumn = 1
        for s in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return s }
            if s == "\n" { currentLine += 1; currentColumn = 1; if currentLine > line { return nil } } else { currentColumn += 1 }
        }
        return nil
    }

    static func yamlError(_ error: YamlError, file: String, text: String = "") -> InputError {
        switch error {
        case let .scanner(_, problem, mark, _) where problem.contains("tab character")
                || (problem.contains("cannot start any token") && character(in: text, line: mark.line, column: mark.column) == "\t"):
            // libyaml's words for a tab, which YAML never allows as indentation.
            return InputError(file: file, line: mark.line, column: mark.column, message: bilingual("a tab character where YAML allows only spaces", "une tabulation là où YAML n'accepte que des espaces"),
                              expected: bilingual("spaces to indent: replace the tab with spaces", "des espaces pour indenter\u{00A0}: remplacez la tabulation par des espaces"))
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's context says what was open when it failed: an unclosed quote is found at the
            // end of the file, so its start is the useful place to look.
            // libyaml's words (problem, context), in French where messages are, and what to check
            // for the usual mistakes (`YAMLProblemText`).
            let opened = context.map {
                bilingual(", \($0.text) at line \($0.mark.line), column \($0.mark.column)",
                          ", \(YAMLProblemText.context($0.text)) à la ligne \($0.mark.line), colonne \($0.mark.column)")
            } ?? ""
            let hint = YAMLProblemText.hint(problem: problem, context: context?.text, line: context?.mark.line, column: context?.mark.column)
            return InputError(file: file, line: mark.line, column: mark.column,
                              message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + YAMLProblemText.problem(problem) + opened,
                              expected: bilingual("valid YAML", "du YAML valide") + (hint.map { bilingual(": ", "\u{00A0}: ") + $0 } ?? ""))
        case let .reader(problem, offset, _, yaml):
            // A character libyaml refuses (a control character, U+FFFE…): Yams gives an offset, not a mark.
            let (line, column) = readerLocation(yaml, characterOffset: offset)
            return InputError(file: file, line: line, column: column, message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + "\(problem)",
                              expected: bilingual("valid YAML (text without control characters)", "du YAML valide (un texte sans caractères de contrôle)"))
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(file: file, line: context.mark.line, column: context.mark.column,
                              message: bilingual("duplicate key(s) \(duplicates.joined(separator: ", "))", "clé(s) en double\u{00A0}: \(duplicates.joined(separator: ", "))"),
                              expected: bilingual("each key once", "chaque clé une seule fois"))
        default:
            return InputError(file: file, line: 0, column: 0, message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + "\(error)", expected: bilingual("valid YAML", "du YAML valide"))
        }
    }
}
