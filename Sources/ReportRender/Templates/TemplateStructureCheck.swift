/// Checks a template's tags before Mustache reads it, for what Mustache would report without names
/// or not at all: sections closed under another name or never closed (with the section's name and
/// where it opened), a partial that names no template (it would render nothing), templates that
/// include themselves, and in an HTML template a raw tag over anything but the HTML the tool makes
/// (`{{{text}}}` would put a customer's text into the page unescaped).
enum TemplateStructureCheck {
    /// A problem, located in the template's file.
    struct Problem: Equatable, Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// The keys an HTML template may insert raw: `content` (a deliverable's HTML), `svg` and
    /// `table` (a chart and its data table); all three made and escaped by the tool.
    static let htmlKeys: Set<String> = ["content", "svg", "table"]

    /// The first problem of a template's `text` (an HTML template when `html`), given the
    /// names of the templates a partial may include.
    static func problem(in text: String, html: Bool, templates: [String]) -> Problem? {
        var open: [MustacheTag] = []
        for tag in MustacheTag.scan(text) {
            switch tag.kind {
            case .section, .inverted, .block, .parent:
                open.append(tag)
            case .close:
                guard let last = open.popLast() else {
                    return Problem(line: tag.line, column: tag.column,
                                   message: "template syntax error: \(tag.text) closes no open section (expected a {{#\(tag.name)}} or {{^\(tag.name)}} before it)")
                }
                if last.name != tag.name {
                    return Problem(line: tag.line, column: tag.column,
                                   message: "template syntax error: \(tag.text) closes \(last.text), opened at line \(last.line) (expected {{/\(last.name)}})")
                }
            case .raw where html && !htmlKeys.contains(tag.name):
                return Problem(line: tag.line, column: tag.column,
                               message: "unescaped value: \(tag.text) would put its text into the page as HTML, which only \(htmlKeys.sorted().joined(separator: ", ")) may be: they hold HTML the tool made (expected {{\(tag.name)}}, the same text escaped)")
            case .partial where !templates.contains(tag.name):
                return Problem(line: tag.line, column: tag.column,
                               message: "unknown partial: \(tag.text) names no template, so it would show nothing (expected one of \(templates.joined(separator: ", ")))")
            case .setDelimiter:
                // Tags after it use other delimiters; what is still open cannot be checked.
                return nil
            default:
                break
            }
        }
        if let unclosed = open.last {
            return Problem(line: unclosed.line, column: unclosed.column,
                           message: "template syntax error: \(unclosed.text) is never closed (expected {{/\(unclosed.name)}} after its content)")
        }
        return nil
    }

    /// The first template of `partials` (each template's partial tags, by template name) that
    /// includes itself through other templates, with the tag that starts the loop.
    static func includeLoop(_ partials: [String: [MustacheTag]]) -> (template: String, tag: MustacheTag, path: [String])? {
        for start in partials.keys.sorted() {
            for tag in partials[start] ?? [] {
                // Depth-first from the included template, back to `start`.
                var stack: [[String]] = [[start, tag.name]]
                var seen: Set<String> = []
                while let path = stack.popLast() {
                    let here = path[path.count - 1]
                    if here == start { return (start, tag, path) }
                    guard seen.insert(here).inserted else { continue }
                    for next in partials[here] ?? [] { stack.append(path + [next.name]) }
                }
            }
        }
        return nil
    }
}
