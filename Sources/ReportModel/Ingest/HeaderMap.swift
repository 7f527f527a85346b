/// Where each known column sits in a file's header row.
public struct HeaderMap<Column: RawRepresentable & CaseIterable & Hashable>: Sendable where Column.RawValue == String, Column: Sendable {
    /// Field index of each known column.
    public var position: [Column: Int] = [:]
    /// Header names as written, by field index (for messages).
    public var names: [String] = []
    /// Header names that matched no column (reported once as a warning).
    public var unknown: [String] = []

    /// Reads the header record. Problems (duplicates, missing required columns) go to `errors`.
    public init(fields: [CSVField], reader: CSVReader, file: String, dialect: InputDialect, required: [Column], errors: inout InputErrors) {
        var scratch: [UInt8] = []
        // A header that is not UTF-8 (Windows-1252 or Latin-1, as French Excel and some CRMs save
        // CSV): its accented names match no alias.
        var notUTF8 = false
        // The unknown names met so far (a list alone made a header of 200,000 unknown columns take
        // minutes: each name compared with all before it).
        var unknownSeen: Set<String> = []
        // The names mapped to `ignore` (said beside a required column of that name found missing).
        var ignored: [String] = []
        for (index, field) in fields.enumerated() {
            let bytes = reader.unescapedBytes(field, scratch: &scratch)
            if !notUTF8 && !bytes.withUnsafeBytes(TextValidation.isValidUTF8) { notUTF8 = true }
            let text = String(decoding: bytes, as: UTF8.self)
            names.append(text)
            var key = InputDialect.normalizedHeader(text)
            if let alias = dialect.columnAliases[key] {
                // Mapped to `ignore` in the config: no column, and no warning.
                if alias == InputDialect.ignoredColumn { ignored.append(text); continue }
                key = alias
            }
            guard let column = Column(rawValue: key) else {
                if !key.isEmpty && unknownSeen.insert(text).inserted { unknown.append(text) }
                continue
            }
            if let first = position[column] {
                errors.append(InputError(file: file, line: field.line, column: index + 1,
                                         message: bilingual("column \(column.rawValue) appears twice (first as column \(first + 1))",
                                                           "la colonne \(column.rawValue) apparaît deux fois (d'abord en colonne \(first + 1))"),
                                         expected: bilingual("each column once", "chaque colonne une seule fois")))
                continue
            }
            position[column] = index
        }
        let line = fields.first?.line ?? 1
        // A carriage return inside a header name: the file's lines end in `\r` alone ("CSV
        // (Macintosh)"), so the header runs on into the data rows, or in `\r\r\n` (a line end
        // converted twice), so the last name ends in `\r`. Either read as a file without a customer
        // (every one lost) or without its last column, exit 0: an error, whatever else is missing.
        // (A quoted name may hold a line break, as any quoted field: only unquoted ones count.)
        if let index = names.indices.first(where: { !fields[$0].quoted && names[$0].utf8.contains(UInt8(ascii: "\r")) }) {
            let doubled = names[index].hasSuffix("\r") && !names[index].dropLast().contains("\r")
            errors.append(InputError(file: file, line: line, column: index + 1,
                                     message: doubled ? bilingual("header name \"\(names[index].dropLast())\" ends in a carriage return: this file's lines end in \\r\\r\\n (a line end converted twice)",
                                                                "le nom de colonne \"\(names[index].dropLast())\" finit par un retour chariot\u{00A0}: les lignes de ce fichier finissent par \\r\\r\\n (une fin de ligne convertie deux fois)")
                                                      : bilingual("the header row runs on past a carriage return: this file's lines end in a carriage return alone (\\r, as \"CSV (Macintosh)\" exports write them)",
                                                                  "la ligne d'en-tête continue après un retour chariot\u{00A0}: les lignes de ce fichier finissent par un retour chariot seul (\\r, comme les exports \"CSV (Macintosh)\" les écrivent)"),
                                     expected: bilingual("lines that end in \\n or \\r\\n: save the file as CSV UTF-8", "des lignes qui finissent par \\n ou \\r\\n\u{00A0}: enregistrez le fichier en CSV UTF-8")))
        }
        let missing = required.filter { position[$0] == nil }
        // A header of one field holding tabs or bars: the file is not comma- or semicolon-separated.
        // Said beside each missing column, which keeps the errors and their places as they were.
        var separatedBy: String?
        // One field holding the other delimiter: the delimiter was set (`--delimiter`, or
        // `delimiter:` in the config) to the one this file does not use; detection would have found it.
        var otherDelimiter: String?
        if missing.count > 1, names.count == 1 {
            if names[0].contains("\t") { separatedBy = bilingual("tabs", "des tabulations") } else if names[0].contains("|") { separatedBy = bilingual("| characters", "des caractères |") }
            else if names[0].contains(";") { otherDelimiter = ";" } else if names[0].contains(",") { otherDelimiter = "," }
        }
        // The columns of the other kind of input: a snapshot export given as a ledger, or a ledger
        // in a snapshot folder.
        let unknownNames = Set(unknown.map(InputDialect.normalizedHeader))
        let missingNames = Set(missing.map(\.rawValue))
        let snapshotLike = unknownNames.intersection(["orders", "revenue", "last_order_date", "first_order_date"]).count >= 2 && missingNames.contains("amount")
        let ledgerLike = unknownNames.isSuperset(of: ["date", "amount"]) && !missingNames.isDisjoint(with: ["orders", "revenue", "last_order_date"])
        // A first line `sep=;`, which Excel writes and reads to know a file's delimiter.
        let startsWithDelimiterNote = names.count <= 2 && (names.first.map { InputDialect.normalizedHeader($0).hasPrefix("sep=") } ?? false)
        let expected = bilingual("a header row with ", "une ligne d'en-tête avec ") + required.map(\.rawValue).joined(separator: ", ")
        // Two or more columns each under another name: the last hint also gives one `columns:` entry
        // for all of them, as they go together in fidelis.yml (four entries to merge by hand, each
        // with its braces, gave a second key `columns:` when pasted one after the other).
        let suggested = missing.compactMap { column in HeaderSynonyms.candidate(for: column.rawValue, among: unknown).map { (column: column, name: $0) } }
        for column in missing {
            // The hints about the whole file (its delimiter, its kind) go with its first missing
            // column only: the others would say the same again.
            let first = column == missing.first
            var hint = ""
            if let mapped = ignored.first(where: { InputDialect.normalizedHeader($0) == column.rawValue }) {
                hint = bilingual("; the header's \"\(mapped)\" is mapped to ignore in fidelis.yml (columns:): remove that mapping", "\u{202F}; la colonne \"\(mapped)\" de l'en-tête est associée à ignore dans fidelis.yml (columns:)\u{00A0}: supprimez cette association")
            } else if let separatedBy {
                hint = bilingual("; this one's columns are separated by \(separatedBy): export the file as CSV, with , or ;", "\u{202F}; les colonnes de celui-ci sont séparées par \(separatedBy)\u{00A0}: exportez le fichier en CSV, avec , ou ;")
            } else if let otherDelimiter {
                let set = otherDelimiter == ";" ? "," : ";"
                hint = first ? bilingual("; this header is separated by \"\(otherDelimiter)\" but the delimiter is set to \"\(set)\" (--delimiter, or delimiter: in the config): "
                    + "remove that setting (the delimiter is detected) or set it to \"\(otherDelimiter)\"",
                    "\u{202F}; cet en-tête est séparé par \"\(otherDelimiter)\" mais le séparateur est fixé à \"\(set)\" (--delimiter, ou delimiter: dans la config)\u{00A0}: "
                    + "supprimez ce réglage (le séparateur est détecté) ou fixez-le à \"\(otherDelimiter)\"") : ""
            } else if notUTF8 {
                hint = first ? bilingual("; this header is not UTF-8 text (", "\u{202F}; cet en-tête n'est pas du texte UTF-8 (") + TextValidation.saveAsUTF8 + ")" : ""
            } else if snapshotLike {
                hint = first ? bilingual("; this file has a snapshot's columns (orders, revenue): give its folder with --snapshots, not --transactions", "\u{202F}; ce fichier a les colonnes d'un relevé (orders, revenue)\u{00A0}: donnez son dossier avec --snapshots, pas --transactions") : ""
            } else if ledgerLike {
                hint = first ? bilingual("; this file has a transaction ledger's columns (date, amount): give it with --transactions FILE, not in a snapshot folder", "\u{202F}; ce fichier a les colonnes d'un journal de transactions (date, amount)\u{00A0}: donnez-le avec --transactions FILE, pas dans un dossier de relevés") : ""
            } else if startsWithDelimiterNote {
                hint = bilingual("; the first line, \"sep=\", is a spreadsheet's note of the delimiter, not the header row: delete that line", "\u{202F}; la première ligne, \"sep=\", est la mention du séparateur laissée par un tableur, pas la ligne d'en-tête\u{00A0}: supprimez cette ligne")
            } else if let alike = suggested.first(where: { $0.column == column })?.name {
                let own = HeaderSynonyms.columnsEntry([(alike, column.rawValue)])
                hint = bilingual("; \"\(alike)\" may be it: map it in fidelis.yml with \(own)", "\u{202F}; ce pourrait être \"\(alike)\"\u{00A0}: associez-le dans fidelis.yml avec \(own)")
                if suggested.count > 1, column == suggested.last?.column, Set(suggested.map(\.name)).count == suggested.count {
                    let entry = HeaderSynonyms.columnsEntry(suggested.map { ($0.name, $0.column.rawValue) })
                    hint += bilingual(" (all \(suggested.count) at once: \(entry))", " (les \(suggested.count) à la fois\u{00A0}: \(entry))")
                }
            }
            errors.append(InputError(file: file, line: line, column: 0,
                                     message: bilingual("required column \(column.rawValue) is missing", "la colonne obligatoire \(column.rawValue) manque"), expected: expected + hint))
        }
    }

    /// The header name of field `index` for messages: as written less the spaces and tabs around it
    /// (names are matched so; a padded " date " read `  date  "2026-…"`), or "column N".
    public func name(_ index: Int) -> String {
        let name = index < names.count ? names[index].trimmingCharacters(in: .whitespaces) : ""
        return name.isEmpty ? bilingual("column \(index + 1)", "colonne \(index + 1)") : name
    }
}
