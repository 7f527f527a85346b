import Mustache

/// A template that cannot be loaded or rendered, located as `FILE:LINE:COLUMN`.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// What a swift-mustache parse error means, and what the parser expected (its own names, such as
    /// `unfinishedName`, say little to someone editing a template).
    static func describe(_ error: any Error) -> String {
        // swift-mustache's own names for a pragma it cannot read (`unrecognisedConfigVariable`).
        if String(describing: error).contains("ConfigVariable") {
            return "template syntax error: a pragma the tool does not know (expected no {{% }} tag: the tool sets the content type)"
        }
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's reader runs out of text inside a tag (its internal `Parser.Error.overflow`).
            if String(describing: error) == "overflow" {
                return "template syntax error: a tag is still open at the end of the file (expected }} to close it)"
            }
            return "template syntax error: \(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect:
            return "template syntax error: a section is closed under another name (expected {{/name}} with the name of the last {{#name}} or {{^name}} still open)"
        case .unfinishedName:
            return "template syntax error: a tag is not finished (expected a name then }}, or }}} after {{{)"
        case .expectedSectionEnd:
            return "template syntax error: a section is still open at the end of the file (expected a {{/name}} for every {{#name}} and {{^name}})"
        case .invalidSetDelimiter:
            return "template syntax error: a set-delimiter tag is badly formed (expected {{=<% %>=}})"
        default:
            return "template syntax error: \(error)"
        }
    }
}
