import Foundation

/// One tag of a Mustache template, where it stands and what it does, read by `MustacheTag.scan`.
struct MustacheTag: Equatable {
    /// What a tag does, from its sigil.
    enum Kind: Equatable {
        /// `{{name}}`: the value, escaped.
        case variable
        /// `{{{name}}}` or `{{&name}}`: the value as it is.
        case raw
        /// `{{#name}}`, `{{^name}}`: a section, an inverted section.
        case section, inverted
        /// `{{$name}}`, `{{<name}}`: a block, a parent (closed like sections).
        case block, parent
        /// `{{/name}}`.
        case close
        /// `{{!…}}`, `{{>name}}`, `{{%…}}`.
        case comment, partial, pragma
        /// `{{=<% %>=}}`: the delimiters change, and the scan stops.
        case setDelimiter
    }

    var kind: Kind
    /// The name, without sigil or surrounding spaces (for a comment, its text).
    var name: String
    /// The tag as written, braces included.
    var text: String
    /// Its line, and its column counted in characters, from 1.
    var line: Int
    var column: Int
    /// Where it starts in the template's UTF-8 bytes.
    var offset: Int = 0

    /// The tags of `text` in order, up to a set-delimiter tag (included: what follows it cannot be
    /// read with `{{ }}`) or an unclosed tag (left out: Mustache's parser reports it).
    static func scan(_ text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var tags: [MustacheTag] = []
        var line = 1, lineStart = 0
        var i = 0
        func starts(_ pattern: StaticString, at k: Int) -> Bool {
            let count = pattern.utf8CodeUnitCount
            guard k + count <= bytes.count else { return false }
            for n in 0..<count where bytes[k + n] != pattern.utf8Start[n] { return false }
            return true
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; lineStart = i + 1; i += 1; continue }
            guard starts("{{", at: i) else { i += 1; continue }
            let tagStart = i
            let triple = starts("{{{", at: i)
            let close: StaticString = triple ? "}}}" : "}}"
            var j = i + (triple ? 3 : 2)
            while j < bytes.count && !starts(close, at: j) { j += 1 }
            guard j < bytes.count else { break }
            let end = j + close.utf8CodeUnitCount
            let inner = String(decoding: bytes[(i + (triple ? 3 : 2))..<j], as: UTF8.self)
            let tagText = String(decoding: bytes[tagStart..<end], as: UTF8.self)
            let column = String(decoding: bytes[lineStart..<tagStart], as: UTF8.self).count + 1
            let tagLine = line
            if let lastBreak = bytes[tagStart..<end].lastIndex(of: UInt8(ascii: "\n")) {
                line += bytes[tagStart..<end].lazy.filter { $0 == UInt8(ascii: "\n") }.count
                lineStart = lastBreak + 1
            }
            i = end

            var body = Substring(inner).drop { $0 == " " || $0 == "\t" }
            var kind = Kind.variable
            if triple {
                kind = .raw
            } else if let first = body.first {
                let sigils: [Character: Kind] = ["#": .section, "^": .inverted, "/": .close, "!": .comment, ">": .partial,
                                                 "&": .raw, "=": .setDelimiter, "%": .pragma, "$": .block, "<": .parent]
                if let sigil = sigils[first] { kind = sigil; body = body.dropFirst() }
            }
            let name = body.trimmingCharacters(in: .whitespacesAndNewlines)
            tags.append(MustacheTag(kind: kind, name: name, text: tagText, line: tagLine, column: column, offset: tagStart))
            if kind == .setDelimiter { break }
        }
        return tags
    }
}
