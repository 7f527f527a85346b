import Yams

/// Typed access to YAML nodes with errors that point at the node's line and column.
struct ConfigNodeReader {
    let file: String
    /// Where unknown keys are noted when given (and the mapping read on without them), so that one
    /// run of the loader names every misspelt key; without it the first one is thrown.
    var unknownKeys: ConfigErrorList? = nil

    func error(_ node: Node, _ message: String, _ expected: String) -> InputError {
        InputError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message, expected: expected)
    }

    /// What a node holds, for "X is not …" messages: a scalar's text in quotes (its first 40
    /// characters), or the kind of collection.
    static func found(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            let text = s.string
            return "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
        case .mapping: return bilingual("a mapping", "une table clé-valeur")
        case .sequence: return bilingual("a list", "une liste")
        case .alias: return bilingual("an alias", "un alias")
        }
    }

    /// The pairs of a mapping, in file order; `keys` (when given) are the allowed keys.
    func mapping(_ node: Node, keys: [String]?) throws(InputError) -> [(String, Node)] {
        guard case let .mapping(map) = node else { throw error(node, bilingual("\(Self.found(node)) is not a mapping", "\(Self.found(node)) n'est pas une table clé-valeur"), bilingual("key: value pairs", "des paires clé-valeur")) }
        var result: [(String, Node)] = []
        for (k, v) in map {
            guard let key = k.string else { throw error(k, bilingual("a key is not text", "une clé n'est pas du texte"), bilingual("text keys", "des clés texte")) }
            if let keys, !keys.contains(key) {
                // `{value: 0,08}`: YAML reads the comma as the end of `value: 0` and `08` as a key.
                let comma = !key.isEmpty && key.allSatisfy(\.isNumber)
                    ? bilingual(" (a decimal comma? YAML takes the comma as a separator: write the number with a point, as 0.5 for 0,5)",
                                " (une virgule décimale\u{00A0}? YAML prend la virgule pour un séparateur\u{00A0}: écrivez le nombre avec un point, comme 0.5 pour 0,5)") : ""
                let unknown = error(k, bilingual("unknown key \"\(key)\"\(comma)", "clé \"\(key)\" inconnue\(comma)"),
                                    bilingual("one of ", "l'une de ") + keys.joined(separator: ", "))
                guard let unknownKeys else { throw unknown }
                unknownKeys.errors.append(unknown)
                continue
            }
            result.append((key, v))
        }
        return result
    }

    func sequence(_ node: Node) throws(InputError) -> [Node] {
        guard case let .sequence(seq) = node else { throw error(node, bilingual("\(Self.found(node)) is not a list", "\(Self.found(node)) n'est pas une liste"), bilingual("a YAML list like [a, b]", "une liste YAML comme [a, b]")) }
        return Array(seq)
    }

    func string(_ node: Node) throws(InputError) -> String {
        guard case let .scalar(s) = node else { throw error(node, bilingual("\(Self.found(node)) is not a text value", "\(Self.found(node)) n'est pas une valeur texte"), bilingual("a single value", "une valeur unique")) }
        return s.string
    }

    func strings(_ node: Node) throws(InputError) -> [String] {
        var out: [String] = []
        for n in try sequence(node) { out.append(try string(n)) }
        return out
    }

    func number(_ node: Node, in range: ClosedRange<Double>? = nil, rate: Bool = false) throws(InputError) -> Double {
        guard case .scalar = node, let v = node.float ?? node.int.map(Double.init), v.isFinite else {
            throw error(node, bilingual("\(Self.found(node)) is not a number", "\(Self.found(node)) n'est pas un nombre"),
                        bilingual("a finite number like 0.85", "un nombre fini comme 0.85") + Self.numberHint(node.string, rate: rate))
        }
        if let range, !range.contains(v) {
            throw error(node, bilingual("\(Self.plain(v)) is out of range", "\(Self.plain(v)) est hors limites"),
                        bilingual("a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))",
                                  "un nombre de \(Self.plain(range.lowerBound)) à \(Self.plain(range.upperBound))"))
        }
        return v
    }

    /// What a number written the French way, or a `rate` written as a percentage, is written as in
    /// YAML: `0,15` → `0.15`, `8%` or `8 %` → `0.08` (rates are fractions).
    static func numberHint(_ text: String?, rate: Bool) -> String {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return "" }
        if rate, text.hasSuffix("%"), let v = Double(text.dropLast().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) {
            return bilingual("; rates are fractions: \(plain(v / 100)) for \(plain(v)) %",
                             "\u{202F}; les taux sont des fractions\u{00A0}: \(plain(v / 100)) pour \(plain(v))\u{202F}%")
        }
        if text.contains(","), let v = Double(text.replacingOccurrences(of: ",", with: ".")) {
            return bilingual("; a decimal point, not a comma: \(plain(v))", "\u{202F}; un point décimal, pas une virgule\u{00A0}: \(plain(v))")
        }
        return ""
    }

    /// A rate written as a fraction (0...1 unless `range` says otherwise); a percentage such as 85
    /// gets a hint with the fraction it likely means.
    func fraction(_ node: Node, in range: ClosedRange<Double> = 0...1) throws(InputError) -> Double {
        let v = try number(node, rate: true)
        guard range.contains(v) else {
            let hint = v > 1 && v <= 100
                ? bilingual("; rates are fractions: \(Self.plain(v / 100)) for \(Self.plain(v)) %",
                            "\u{202F}; les taux sont des fractions\u{00A0}: \(Self.plain(v / 100)) pour \(Self.plain(v))\u{202F}%") : ""
            throw error(node, bilingual("\(Self.plain(v)) is out of range", "\(Self.plain(v)) est hors limites"),
                        bilingual("a fraction from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound))",
                                  "une fraction de \(Self.plain(range.lowerBound)) à \(Self.plain(range.upperBound))") + hint)
        }
        return v
    }

    /// `v` without a trailing ".0" (85, 0.85).
    static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }

    func integer(_ node: Node, in range: ClosedRange<Int>) throws(InputError) -> Int {
        var expected: String { bilingual("a whole number from \(range.lowerBound) to \(range.upperBound)", "un nombre entier de \(range.lowerBound) à \(range.upperBound)") }
        guard case .scalar = node, let v = node.int else {
            throw error(node, bilingual("\(Self.found(node)) is not a whole number", "\(Self.found(node)) n'est pas un nombre entier"), expected)
        }
        guard range.contains(v) else { throw error(node, bilingual("\(v) is out of range", "\(v) est hors limites"), expected) }
        return v
    }

    /// `3-5`, `3`, or `[3, 5]`.
    func scoreRange(_ node: Node) throws(InputError) -> ScoreRange {
        var expected: String { bilingual("a score range like 3-5 (scores 1 to 5)", "une plage de notes comme 3-5 (notes de 1 à 5)") }
        var bounds: [Int] = []
        if case .sequence = node {
            for n in try sequence(node) { bounds.append(try integer(n, in: 1...5)) }
        } else {
            let s = try string(node)
            for part in s.split(separator: "-", omittingEmptySubsequences: false) {
                guard let v = Int(part.trimmingCharacters(in: " ")), (1...5).contains(v) else { throw error(node, bilingual("\"\(s)\" is not a score range", "\"\(s)\" n'est pas une plage de notes"), expected) }
                bounds.append(v)
            }
        }
        guard (1...2).contains(bounds.count), bounds.first! <= bounds.last! else { throw error(node, bilingual("\(Self.found(node)) is not a score range", "\(Self.found(node)) n'est pas une plage de notes"), expected) }
        return ScoreRange(bounds.first!, bounds.last!)
    }
}

/// The errors a config load collects (`ConfigLoader.parseAll`), shared by its node reader.
final class ConfigErrorList {
    var errors = InputErrors()
}
