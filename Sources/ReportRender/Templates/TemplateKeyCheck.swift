import Foundation

/// Finds the tags of a template that name nothing in a view: a misspelt `{{kpi.retention_rat}}`
/// renders as empty text, without an error from Mustache, so an edited template could lose a figure
/// silently.
///
/// It reads the tags as Mustache does (names looked up from the innermost section outwards, dotted
/// names followed into dictionaries, `transform(name)` checked on `name`) against one real view.
/// Where it cannot know (inside a section this view does not render, or over a value that is not a
/// dictionary; after a tag that changes the delimiters) it says nothing: a warning always means a
/// name the view does not have.
struct TemplateKeyCheck {
    /// A tag whose name the view does not have.
    struct UnknownKey: Equatable {
        var line: Int
        var column: Int
        /// The tag as written, braces included.
        var tag: String
        /// What Mustache makes of it: empty text, or a section never (`#`) or always (`^`) shown.
        var consequence: String {
            if tag.hasPrefix("{{#") { return "its section is never shown" }
            if tag.hasPrefix("{{^") { return "its section is always shown" }
            return "it renders empty"
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

    /// The tags of `text` naming nothing in `view`, in the order they appear.
    static func unknownKeys(in text: String, view: [String: Any]) -> [UnknownKey] {
        let bytes = Array(text.utf8)
        var stack: [Frame] = [.keys(view)]
        var found: [UnknownKey] = []
        var line = 1, lineStart = 0
        var i = 0
        let open = Array("{{".utf8)
        func starts(_ pattern: [UInt8], at k: Int) -> Bool {
            k + pattern.count <= bytes.count && bytes[k..<(k + pattern.count)].elementsEqual(pattern)
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1; i += 1; continue }
            guard starts(open, at: i) else { i += 1; continue }
            let tagStart = i
            let triple = starts(Array("{{{".utf8), at: i)
            let close = Array((triple ? "}}}" : "}}").utf8)
            var j = i + (triple ? 3 : 2)
            while j < bytes.count && !starts(close, at: j) { j += 1 }
            guard j < bytes.count else { break }   // an unclosed tag: the parser has reported it
            let inner = String(decoding: bytes[(i + (triple ? 3 : 2))..<j], as: UTF8.self)
            let tag = String(decoding: bytes[tagStart..<(j + close.count)], as: UTF8.self)
            let column = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self).count + 1
            let tagLine = line
            for b in bytes[tagStart..<(j + close.count)] where b == UInt8(ascii: "\n") { line += 1 }
            if let lastBreak = bytes[tagStart..<(j + close.count)].lastIndex(of: UInt8(ascii: "\n")) { lineStart = lastBreak + 1 }
            i = j + close.count

            var body = Substring(inner).drop { $0 == " " || $0 == "\t" }
            var sigil: Character = " "
            if !triple, let first = body.first, "#^/!>&=%$<".contains(first) {
                sigil = first
                body = body.dropFirst()
            }
            let name = body.trimmingCharacters(in: .whitespacesAndNewlines)
            switch sigil {
            case "=": return found                   // other delimiters: the rest cannot be read as tags
            case "!", ">", "%": continue             // comments, partials, pragmas
            case "$", "<":                           // a block, a parent: closed by {{/name}}, names read around them
                stack.append(.transparent)
                continue
            case "/":
                if stack.count > 1 { stack.removeLast() }
                continue
            default: break
            }
            let lookup = lookupName(name)
            let value: Lookup = lookup.map { resolve($0, in: stack) } ?? .unknowable
            if case .missing = value { found.append(UnknownKey(line: tagLine, column: column, tag: tag)) }
            // A section this view does not render (a false flag, an empty list) may use keys that
            // only views where it renders have: its content is not checked.
            switch (sigil, value) {
            case ("#", .found(let v)): stack.append(isTruthy(v) ? frame(entering: v) : .unknown)
            case ("#", _): stack.append(.unknown)
            case ("^", .found(let v)): stack.append(isTruthy(v) ? .unknown : .transparent)
            case ("^", .missing): stack.append(.transparent)
            case ("^", .unknowable): stack.append(.unknown)
            default: break
            }
        }
        return found
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
