import ReportModel

/// Finds the value tags of an HTML template that HTML escaping does not make safe: inside an
/// unquoted attribute value (`title={{text}}` gave `title=x onmouseover=…`), inside a URL
/// attribute (`href="{{text}}"` gave `href="javascript:…"`) unless they name a link the tool makes,
/// inside an event handler or a `style` attribute, or inside a `<script>` or `<style>` element.
enum HTMLAttributeCheck {
    /// The keys that hold links the tool makes (relative paths to its own pages and files).
    static let linkKeys: Set<String> = ["root", "here", "html", "href", "md", "markdown_href", "dashboard_href"]
    /// Attributes whose value is a URL.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite", "background", "srcset", "ping"]

    /// The first value tag of `text` (whose tags are `tags`, `MustacheTag.scan` of it) that escaping
    /// does not make safe, with why.
    static func problem(in text: String, tags: [MustacheTag]) -> (tag: MustacheTag, message: String)? {
        var byOffset: [Int: MustacheTag] = [:]
        for tag in tags { byOffset[tag.offset] = tag }
        let b = Array(text.utf8)
        enum State { case text, tagName, inTag, attributeName, beforeValue, quoted(UInt8), unquoted, comment, rawText(String) }
        var state = State.text
        var name: [UInt8] = [], attribute = ""
        var element = ""
        var i = 0
        func lower(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).lowercased() }
        while i < b.count {
            // A Mustache tag is one opaque token; a value tag is checked where it stands.
            if b[i] == UInt8(ascii: "{"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "{") {
                let end = byOffset[i].map { i + $0.text.utf8.count } ?? (i + 2)
                if let tag = byOffset[i], tag.kind == .variable || tag.kind == .raw {
                    let problem: String?
                    switch state {
                    case .unquoted, .beforeValue:
                        problem = bilingual("\(tag.text) stands in an unquoted attribute value, where a value can add attributes of its own (expected the value between quotes: \(attribute)=\"\(tag.text)\")", "\(tag.text) se trouve dans une valeur d'attribut sans guillemets, où une valeur peut ajouter ses propres attributs (attendu\u{00A0}: la valeur entre guillemets, \(attribute)=\"\(tag.text)\")")
                    case .quoted where attribute.hasPrefix("on") || attribute == "style" || attribute == "srcdoc":
                        problem = bilingual("\(tag.text) stands in the \(attribute) attribute, where escaped text can still run as code (expected no value tag there)", "\(tag.text) se trouve dans l'attribut \(attribute), où un texte échappé peut encore s'exécuter comme du code (attendu\u{00A0}: aucune balise de valeur à cet endroit)")
                    case .quoted where urlAttributes.contains(attribute) && !linkKeys.contains(tag.name):
                        problem = bilingual("\(tag.text) stands in the \(attribute) attribute, where a text such as javascript:… is a link that runs (expected one of the links the tool makes: \(linkKeys.sorted().joined(separator: ", ")))", "\(tag.text) se trouve dans l'attribut \(attribute), où un texte tel que javascript:… est un lien qui s'exécute (attendu\u{00A0}: l'un des liens que produit l'outil, \(linkKeys.sorted().joined(separator: ", ")))")
                    case .rawText(let inside):
                        problem = bilingual("\(tag.text) stands in a <\(inside)> element, where escaping does not apply (expected no value tag there)", "\(tag.text) se trouve dans un élément <\(inside)>, où l'échappement ne s'applique pas (attendu\u{00A0}: aucune balise de valeur à cet endroit)")
                    case .inTag, .attributeName, .tagName:
                        problem = bilingual("\(tag.text) stands inside an HTML tag, where it can add attributes (expected it in an attribute value between quotes, or in the text)", "\(tag.text) se trouve à l'intérieur d'une balise HTML, où elle peut ajouter des attributs (attendu\u{00A0}: la balise dans une valeur d'attribut entre guillemets, ou dans le texte)")
                    default:
                        problem = nil
                    }
                    if let problem { return (tag, problem) }
                }
                if case .beforeValue = state { state = .unquoted }
                i = end
                continue
            }
            let c = b[i]
            switch state {
            case .text:
                // A tag starts with a letter, `/` or `!` after `<` (`a < b` in text is not one).
                if c == UInt8(ascii: "<"), i + 1 < b.count, let next = Optional(b[i + 1]),
                   (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") {
                    if i + 3 < b.count, b[i + 1] == UInt8(ascii: "!"), b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") { state = .comment; i += 4; continue }
                    name = []
                    state = .tagName
                }
            case .tagName:
                if c == UInt8(ascii: ">") || c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "/") && !name.isEmpty {
                    element = lower(name)
                    state = c == UInt8(ascii: ">") ? ((element == "script" || element == "style") ? .rawText(element) : .text) : .inTag
                } else {
                    name.append(c)
                }
            case .inTag:
                if c == UInt8(ascii: ">") {
                    state = (element == "script" || element == "style") ? .rawText(element) : .text
                } else if c != UInt8(ascii: " ") && c != UInt8(ascii: "\n") && c != UInt8(ascii: "\t") && c != UInt8(ascii: "/") {
                    name = [c]
                    state = .attributeName
                }
            case .attributeName:
                if c == UInt8(ascii: "=") { attribute = lower(name); state = .beforeValue }
                else if c == UInt8(ascii: ">") { state = (element == "script" || element == "style") ? .rawText(element) : .text }
                else if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") { state = .inTag }
                else { name.append(c) }
            case .beforeValue:
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { state = .quoted(c) }
                else if c != UInt8(ascii: " ") { state = .unquoted }
            case .quoted(let q):
                if c == q { state = .inTag }
            case .unquoted:
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") { state = .inTag }
                else if c == UInt8(ascii: ">") { state = .text }
            case .comment:
                if c == UInt8(ascii: ">"), i >= 2, b[i - 1] == UInt8(ascii: "-"), b[i - 2] == UInt8(ascii: "-") { state = .text }
            case .rawText(let inside):
                let close = Array("</\(inside)".utf8)
                if c == UInt8(ascii: "<"), i + close.count <= b.count, lower(Array(b[i..<(i + close.count)])) == "</\(inside)" {
                    state = .tagName
                    name = []
                }
            }
            i += 1
        }
        return nil
    }
}
