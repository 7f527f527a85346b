import ReportModel

/// Checks a template's tags for what Mustache reports without names or not at all: sections closed
/// under another name or never closed (with the section's name and where it opened), partials that
/// name no template (they render nothing), templates that include themselves, and what would let a
/// customer's text into a page unescaped: in an HTML template a raw tag over anything but the HTML
/// the tool makes (`{{{text}}}`), a Markdown template as a partial; anywhere, a pragma that changes
/// the escaping, other delimiters, a partial named by the data, and what Mustache's parser cannot
/// take (sections nested too deep, too many tags).
enum TemplateStructureCheck {
    /// A problem, located in the template's file.
    struct Problem: Equatable, Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// The keys an HTML template may insert raw: `content` (a deliverable's HTML), `svg` and
    /// `table` (a chart and its data table); all three made and escaped by the tool.
    static let rawHTMLKeys: Set<String> = ["content", "svg", "svg_compact", "table"]

    /// The keys that hold a customer's own text (a verbatim, whole or cut, and who wrote it): never
    /// inserted raw, in a Markdown template either (a `[link](…)`, an image or a ``` fence in a
    /// verbatim became Markdown in the deliverable and its page).
    static let customerTextKeys: Set<String> = ["text", "full_text", "customer"]

    /// A section problem of a template Mustache could not read, worded with the section's name and
    /// where it opened (Mustache says only that "a section" is closed under another name or still
    /// open); nil when the sections are in order, so that Mustache's own message stands.
    static func sectionProblem(in tags: [MustacheTag]) -> Problem? {
        var open: [MustacheTag] = []
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .block, .parent:
                open.append(tag)
            case .close:
                guard let last = open.popLast() else {
                    return Problem(line: tag.line, column: tag.column,
                                   message: bilingual("template syntax error: \(tag.text) closes no open section (expected a {{#\(tag.name)}} or {{^\(tag.name)}} before it)", "erreur de syntaxe dans le modèle\u{00A0}: \(tag.text) ne ferme aucune section ouverte (attendu\u{00A0}: un {{#\(tag.name)}} ou {{^\(tag.name)}} avant elle)"))
                }
                if last.name != tag.name {
                    return Problem(line: tag.line, column: tag.column,
                                   message: bilingual("template syntax error: \(tag.text) closes \(last.text), opened at line \(last.line) (expected {{/\(last.name)}})", "erreur de syntaxe dans le modèle\u{00A0}: \(tag.text) ferme \(last.text), ouverte à la ligne \(last.line) (attendu\u{00A0}: {{/\(last.name)}})"))
                }
            case .setDelimiter:
                // Tags after it use other delimiters: what is still open cannot be known.
                return nil
            default:
                break
            }
        }
        guard let unclosed = open.last else { return nil }
        return Problem(line: unclosed.line, column: unclosed.column,
                       message: bilingual("template syntax error: \(unclosed.text) is never closed (expected {{/\(unclosed.name)}} after its content)", "erreur de syntaxe dans le modèle\u{00A0}: \(unclosed.text) n'est jamais fermée (attendu\u{00A0}: {{/\(unclosed.name)}} après son contenu)"))
    }

    /// The first tag of a template Mustache has read (`tags`, `MustacheTag.scan` of `text`) that the
    /// tool refuses: in any template, a
    /// pragma (`{{%CONTENT_TYPE:TEXT}}` turns escaping off), a partial or parent that names no
    /// template (it renders nothing) or takes its name from the data; in an HTML template (`html`),
    /// a raw tag over anything but `rawHTMLKeys`, and a partial or parent of a Markdown template
    /// (escaped for Markdown only, and never through the Markdown renderer's safe mode). `templates` and `pages` are the names of all
    /// templates and of the HTML ones.
    static func problem(in text: String, tags: [MustacheTag], html: Bool, templates: [String], pages: [String]) -> Problem? {
        for tag in tags {
            let located = { (message: String) in Problem(line: tag.line, column: tag.column, message: message) }
            switch tag.kind {
            case .pragma:
                return located(bilingual("refused pragma: \(tag.text) would change how the template escapes its values (expected no {{% }} tag: the tool sets the content type)", "pragma refusé\u{00A0}: \(tag.text) changerait la façon dont le modèle échappe ses valeurs (attendu\u{00A0}: aucune balise {{% }}, l'outil fixe lui-même le type de contenu)"))
            case .raw where html && !rawHTMLKeys.contains(tag.name):
                return located(bilingual("unescaped value: \(tag.text) would put its text into the page as HTML, which only \(rawHTMLKeys.sorted().joined(separator: ", ")) may be: they hold HTML the tool made (expected {{\(tag.name)}}, the same text escaped)", "valeur non échappée\u{00A0}: \(tag.text) mettrait son texte dans la page en HTML, ce que seules \(rawHTMLKeys.sorted().joined(separator: ", ")) peuvent faire\u{00A0}: elles contiennent du HTML produit par l'outil (attendu\u{00A0}: {{\(tag.name)}}, le même texte échappé)"))
            case .raw where !html && customerTextKeys.contains(tag.name):
                return located(bilingual("unescaped value: \(tag.text) would put a customer's text into the deliverable as Markdown (links, images, code blocks) (expected {{\(tag.name)}}, the same text escaped)", "valeur non échappée\u{00A0}: \(tag.text) mettrait le texte d'un client dans le livrable en Markdown (liens, images, blocs de code) (attendu\u{00A0}: {{\(tag.name)}}, le même texte échappé)"))
            case .partial where tag.name.hasPrefix("*"), .parent where tag.name.hasPrefix("*"):
                // Its template's name comes from the data: a loop through it could not be found.
                return located(bilingual("refused dynamic partial: \(tag.text) takes the name of the template it includes from the data (expected the name of one of the templates, \(TemplateSet.templates.map(\.0).joined(separator: ", ")))", "inclusion dynamique refusée\u{00A0}: \(tag.text) prend dans les données le nom du modèle qu'elle inclut (attendu\u{00A0}: le nom de l'un des modèles, \(TemplateSet.templates.map(\.0).joined(separator: ", ")))"))
            case .partial where !templates.contains(tag.name), .parent where !templates.contains(tag.name):
                return located(bilingual("unknown partial: \(tag.text) names no template, so it would show nothing (expected one of \(templates.joined(separator: ", ")))", "inclusion inconnue\u{00A0}: \(tag.text) ne nomme aucun modèle, elle n'afficherait donc rien (attendu\u{00A0}: l'un de \(templates.joined(separator: ", ")))"))
            case .partial where html && !pages.contains(tag.name), .parent where html && !pages.contains(tag.name):
                return located(bilingual("unescaped value: \(tag.text) would put a Markdown template, escaped for Markdown only, into the page as HTML (expected one of \(pages.joined(separator: ", ")))", "valeur non échappée\u{00A0}: \(tag.text) mettrait dans la page, en HTML, un modèle Markdown échappé pour Markdown seulement (attendu\u{00A0}: l'un de \(pages.joined(separator: ", ")))"))
            default:
                break
            }
        }
        if html, let (tag, message) = HTMLAttributeCheck.problem(in: text, tags: tags) {
            return Problem(line: tag.line, column: tag.column, message: bilingual("unescaped value: ", "valeur non échappée\u{00A0}: ") + message)
        }
        return nil
    }

    /// Most sections open inside one another: Mustache's parser recurses per level, and a few
    /// thousand levels overflowed its stack (a crash, exit 139).
    static let maxNesting = 100

    /// Most tags in one template: Mustache's parser takes time in the square of their count (11 k
    /// tags took 2.5 s, 45 k 40 s); the built-in templates have a few hundred.
    static let maxTags = 5_000

    /// Most partial or parent tags in one template: each renders a whole template, and 4,000 in a
    /// template whose included template had 4,000 more made 16 million renders a snapshot (memory
    /// without bound). The built-in templates have none.
    static let maxPartials = 100

    /// What the tool refuses in a template before Mustache reads it (`tags` from `MustacheTag.scan`):
    /// other delimiters (the checks cannot read past them: a partial that includes its own template
    /// hid behind `{{=<% %>=}}` and recursed until the stack overflowed, and misspelt keys went
    /// unreported), sections nested more than `maxNesting` deep, a section opened inside itself,
    /// more than `maxTags` tags or `maxPartials` partials.
    static func unreadableProblem(in tags: [MustacheTag]) -> Problem? {
        if tags.count > maxTags {
            let tag = tags[maxTags]
            return Problem(line: tag.line, column: tag.column,
                           message: bilingual("template error: more than \(maxTags) tags (expected at most \(maxTags): the built-in templates have a few hundred)", "erreur de modèle\u{00A0}: plus de \(maxTags) balises (attendu\u{00A0}: au plus \(maxTags), les modèles intégrés en ont quelques centaines)"))
        }
        var partials = 0
        // The sections open (their count is the depth), to find one opened again inside itself.
        var open: [MustacheTag] = []
        for tag in tags {
            if tag.kind == .partial || tag.kind == .parent {
                partials += 1
                if partials > maxPartials {
                    return Problem(line: tag.line, column: tag.column,
                                   message: bilingual("template error: more than \(maxPartials) partial tags, each rendering a whole template (expected at most \(maxPartials))", "erreur de modèle\u{00A0}: plus de \(maxPartials) balises d'inclusion, chacune rendant un modèle entier (attendu\u{00A0}: au plus \(maxPartials))"))
                }
            }
            switch tag.kind {
            case .setDelimiter:
                return Problem(line: tag.line, column: tag.column,
                               message: bilingual("refused delimiters: \(tag.text) would hide the template's tags from its checks (unknown keys, partials, loops, escaping) (expected {{ }} throughout)", "délimiteurs refusés\u{00A0}: \(tag.text) cacherait les balises du modèle à ses vérifications (clés inconnues, inclusions, boucles, échappement) (attendu\u{00A0}: {{ }} partout)"))
            case .section, .inverted, .block, .parent:
                if open.count >= maxNesting {
                    return Problem(line: tag.line, column: tag.column,
                                   message: bilingual("template error: \(tag.text) opens a section \(open.count + 1) levels deep (expected at most \(maxNesting) sections inside one another)", "erreur de modèle\u{00A0}: \(tag.text) ouvre une section à \(open.count + 1) niveaux de profondeur (attendu\u{00A0}: au plus \(maxNesting) sections imbriquées)"))
                }
                // A list section inside itself repeats the whole list at each level: 16 levels of
                // {{#snapshots}} over 3 snapshots rendered a page 43 million times.
                // (Not the lambdas such as `first()`, which are no list.)
                if tag.kind == .section, !tag.name.hasSuffix(")"), let outer = open.first(where: { $0.kind == .section && $0.name == tag.name }) {
                    return Problem(line: tag.line, column: tag.column,
                                   message: bilingual("template error: \(tag.text) opens inside \(outer.text) of line \(outer.line), which it repeats at each level (expected \(outer.text) closed before it opens again)", "erreur de modèle\u{00A0}: \(tag.text) s'ouvre dans \(outer.text) de la ligne \(outer.line), qu'elle répète à chaque niveau (attendu\u{00A0}: \(outer.text) fermée avant de s'ouvrir de nouveau)"))
                }
                open.append(tag)
            case .close:
                _ = open.popLast()
            default:
                break
            }
        }
        return nil
    }

    /// The first template of `partials` (each template's partial and parent tags, by template name) that
    /// includes itself through other templates, with the tag that starts the loop.
    static func includeLoop(_ partials: [String: [MustacheTag]]) -> (template: String, tag: MustacheTag, path: [String])? {
        for start in partials.keys.sorted() {
            for tag in partials[start] ?? [] where !tag.name.hasPrefix("*") {
                // Depth-first from the included template, back to `start`.
                var stack: [[String]] = [[start, tag.name]]
                var seen: Set<String> = []
                while let path = stack.popLast() {
                    let here = path[path.count - 1]
                    if here == start { return (start, tag, path) }
                    guard seen.insert(here).inserted else { continue }
                    for next in partials[here] ?? [] where !next.name.hasPrefix("*") { stack.append(path + [next.name]) }
                }
            }
        }
        return nil
    }
}
