import Foundation
import ReportModel

/// Finds the tags of a template that name nothing in a view: a misspelt `{{kpi.retention_rat}}`
/// renders as empty text, without an error from Mustache, so an edited template could lose a figure
/// silently. It also finds a value tag over a flag, a list or a group of keys (`{{segments}}`), which
/// Mustache prints as `true`, or as a dump of internal data in no set order.
///
/// It reads the tags as Mustache does (names looked up from the innermost section outwards, dotted
/// names followed into dictionaries, `transform(name)` checked on `name`) against one real view.
/// Where it cannot know (inside a section this view does not render, or over a value that is not a
/// dictionary; after a tag that changes the delimiters) it says nothing: a warning always means a
/// name the view does not have, or has as something a value tag cannot print.
struct TemplateKeyCheck {
    /// A tag the view cannot fill as written.
    struct TagProblem: Equatable {
        /// What is wrong with the tag.
        enum Problem: Equatable {
            /// The view has no such name.
            case missing
            /// A value tag names a flag, a list or a group of keys.
            case notAValue(String)
        }

        var line: Int
        var column: Int
        /// The tag as written, braces included.
        var tag: String
        var problem: Problem = .missing

        /// What Mustache makes of it, and what was expected, for a warning.
        var explanation: String {
            switch problem {
            case .missing:
                let consequence = tag.hasPrefix("{{#") ? bilingual("its section is never shown", "sa section n'est jamais affichée")
                    : tag.hasPrefix("{{^") ? bilingual("its section is always shown", "sa section est toujours affichée") : bilingual("it renders empty", "elle s'affiche vide")
                return bilingual("\(tag) names nothing the template is given, so \(consequence) (expected a key listed in Templates/README.md)", "\(tag) ne nomme rien de ce que reçoit le modèle, donc \(consequence) (attendu\u{00A0}: une clé listée dans Templates/README.md)")
            case .notAValue(let what):
                let name = tag.trimmingCharacters(in: CharacterSet(charactersIn: "{}&").union(.whitespaces))
                let prints = what == "a yes/no flag" ? bilingual("true or false", "true ou false") : bilingual("internal data in no set order", "des données internes dans un ordre quelconque")
                return bilingual("\(tag) names \(what), so it prints \(prints) (expected {{#\(name)}}…{{/\(name)}} around the text or keys to show)",
                                 "\(tag) nomme \(what == "a yes/no flag" ? "un indicateur oui/non" : what == "a list" ? "une liste" : "un groupe de clés"), donc elle affiche \(prints) (attendu\u{00A0}: {{#\(name)}}…{{/\(name)}} autour du texte ou des clés à afficher)")
            }
        }
    }

    /// What a section puts on the context stack while its content is read.
    private enum Frame {
        /// A dictionary: names are looked up in it first.
        case keys([String: Any])
        /// Nothing to look up in (a true flag, an inverted section): names go on to the frames outside.
        case transparent
        /// A context this check cannot see into (the element of an empty list, a non-dictionary value).
        case unknown
    }

    /// The tags of `text` that `view` cannot fill as written, in the order they appear.
    static func tagProblems(in text: String, view: [String: Any]) -> [TagProblem] {
        tagProblems(in: MustacheTag.scan(text), view: view)
    }

    /// The same, from a template's tags as `MustacheTag.scan` read them.
    static func tagProblems(in tags: [MustacheTag], view: [String: Any]) -> [TagProblem] {
        var stack: [Frame] = [.keys(view)]
        var found: [TagProblem] = []
        for tag in tags {
            switch tag.kind {
            case .setDelimiter, .comment, .partial, .pragma: continue
            case .block, .parent:                    // closed by {{/name}}, names read around them
                stack.append(.transparent)
                continue
            case .close:
                if stack.count > 1 { stack.removeLast() }
                continue
            case .variable, .raw, .section, .inverted: break
            }
            let value: Lookup = lookupName(tag.name).map { resolve($0, in: stack) } ?? .unknowable
            switch value {
            case .missing: found.append(TagProblem(line: tag.line, column: tag.column, tag: tag.text))
            case .found(let v) where (tag.kind == .variable || tag.kind == .raw) && !tag.name.contains("("):
                // (`count(kpis)` prints what the function makes of the list.)
                if let what = structure(v) { found.append(TagProblem(line: tag.line, column: tag.column, tag: tag.text, problem: .notAValue(what))) }
            default: break
            }
            // A section this view does not render (a false flag, an empty list) may use keys that
            // only views where it renders have: its content is not checked.
            switch (tag.kind, value) {
            case (.section, .found(let v)): stack.append(isTruthy(v) ? frame(entering: v) : .unknown)
            case (.section, _): stack.append(.unknown)
            case (.inverted, .found(let v)): stack.append(isTruthy(v) ? .unknown : .transparent)
            case (.inverted, .missing): stack.append(.transparent)
            case (.inverted, .unknowable): stack.append(.unknown)
            default: break
            }
        }
        return found
    }

    /// What a value tag cannot print: a flag, a list, a group of keys; nil for a text or a number.
    private static func structure(_ value: Any) -> String? {
        if value is Bool { return "a yes/no flag" }
        if value is [Any] { return "a list" }
        if value is [String: Any] { return "a group of keys" }
        return nil
    }

    /// The name a tag looks up: `name` itself, the variable of `transform(name)`, nil for a
    /// transform of the section's own sequence (`last()`) or the current object (`.`).
    private static func lookupName(_ name: String) -> String? {
        var name = name
        if let paren = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: paren)..<name.index(before: name.endIndex)])
        }
        if name.isEmpty || name == "." { return nil }
        return name
    }

    private enum Lookup {
        case found(Any)
        case missing
        case unknowable
    }

    /// Looks `name` up as Mustache does: its first part in the innermost frame that has it (only the
    /// innermost one for a name starting with `.`), the other parts in the dictionaries below it.
    private static func resolve(_ name: String, in stack: [Frame]) -> Lookup {
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let head = parts.first else { return .unknowable }
        let frames = name.hasPrefix(".") ? Array(stack.suffix(1)) : Array(stack.reversed())
        var value: Any?
        for frame in frames {
            switch frame {
            case .unknown: return .unknowable
            case .transparent: continue
            case .keys(let keys):
                if let v = keys[head] { value = v }
            }
            if value != nil { break }
        }
        guard var current = value else { return .missing }
        for part in parts.dropFirst() {
            guard let keys = current as? [String: Any] else { return .unknowable }
            guard let next = keys[part] else { return .missing }
            current = next
        }
        return .found(current)
    }

    /// Whether a section over `value` renders its content: not for false, an empty list or nil.
    private static func isTruthy(_ value: Any) -> Bool {
        if let flag = value as? Bool { return flag }
        if let list = value as? [Any] { return !list.isEmpty }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return !mirror.children.isEmpty }
        return true
    }

    /// The frame a section over `value` reads its content in.
    private static func frame(entering value: Any) -> Frame {
        if let keys = value as? [String: Any] { return .keys(keys) }
        if let list = value as? [Any] {
            // Every element's keys (an element may lack a key its neighbours have).
            var keys: [String: Any] = [:]
            for element in list {
                guard let element = element as? [String: Any] else { return .unknown }
                keys.merge(element) { first, _ in first }
            }
            return list.isEmpty ? .unknown : .keys(keys)
        }
        if value is Bool || value is String || value is Int || value is Double { return .transparent }
        return .unknown
    }
}
