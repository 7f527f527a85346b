import Mustache
import ReportModel

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
            return bilingual("template syntax error: a pragma the tool does not know (expected no {{% }} tag: the tool sets the content type)", "erreur de syntaxe dans le modèle\u{00A0}: un pragma que l'outil ne connaît pas (attendu\u{00A0}: aucune balise {{% }}, l'outil fixe lui-même le type de contenu)")
        }
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's reader runs out of text inside a tag (its internal `Parser.Error.overflow`).
            if String(describing: error) == "overflow" {
                return bilingual("template syntax error: a tag is still open at the end of the file (expected }} to close it)", "erreur de syntaxe dans le modèle\u{00A0}: une balise est encore ouverte à la fin du fichier (attendu\u{00A0}: }} pour la fermer)")
            }
            return bilingual("template syntax error: \(error)", "erreur de syntaxe dans le modèle\u{00A0}: \(error)")
        }
        switch error {
        case .sectionCloseNameIncorrect:
            return bilingual("template syntax error: a section is closed under another name (expected {{/name}} with the name of the last {{#name}} or {{^name}} still open)", "erreur de syntaxe dans le modèle\u{00A0}: une section est fermée sous un autre nom (attendu\u{00A0}: {{/nom}} avec le nom du dernier {{#nom}} ou {{^nom}} encore ouvert)")
        case .unfinishedName:
            return bilingual("template syntax error: a tag is not finished (expected a name then }}, or }}} after {{{)", "erreur de syntaxe dans le modèle\u{00A0}: une balise n'est pas terminée (attendu\u{00A0}: un nom puis }}, ou }}} après {{{)")
        case .expectedSectionEnd:
            return bilingual("template syntax error: a section is still open at the end of the file (expected a {{/name}} for every {{#name}} and {{^name}})", "erreur de syntaxe dans le modèle\u{00A0}: une section est encore ouverte à la fin du fichier (attendu\u{00A0}: un {{/nom}} pour chaque {{#nom}} et {{^nom}})")
        case .invalidSetDelimiter:
            return bilingual("template syntax error: a set-delimiter tag is badly formed (expected {{=<% %>=}})", "erreur de syntaxe dans le modèle\u{00A0}: une balise de changement de délimiteurs est mal formée (attendu\u{00A0}: {{=<% %>=}})")
        default:
            return bilingual("template syntax error: \(error)", "erreur de syntaxe dans le modèle\u{00A0}: \(error)")
        }
    }
}
