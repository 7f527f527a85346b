import Yams

/// The `segments:` section: the rule table, with each segment's name and action.
extension ConfigLoader {
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
}
