import Foundation
import Mustache
import ReportModel

/// The templates of one locale: Markdown deliverables and HTML pages, loaded from the built-in
/// `Templates/` folder with any file of an override folder (`--templates DIR`) taking precedence.
///
/// Layout of a template folder: `<locale>/<name>.md.mustache` (Markdown, Markdown-escaped values)
/// and `<locale>/<name>.html.mustache` (HTML, HTML-escaped values), and `assets/style.css`.
public struct TemplateSet: Sendable {
    /// Names of the Markdown deliverables, in site order.
    public static let deliverables = ["diagnostic", "segmentation", "strategy", "loyalty-program", "playbooks"]
    /// Names of the HTML page templates.
    public static let pages = ["page", "dashboard"]

    public let locale: ReportLocale
    private let library: MustacheLibrary
    /// Where each template was read from (for messages and the build cache).
    public let sources: [String: String]
    /// The text of every template, for the build cache key.
    public let fingerprint: String
    /// The site's style sheet (`assets/style.css` of the template folder).
    public let stylesheet: String
    /// The tags of each template, by name (read once, for the key checks of each snapshot checked).
    private let tags: [String: [MustacheTag]]
    /// What the override folder holds that this build does not use (see `unusedOverrides`), and its
    /// templates that leave a page empty.
    public let templateWarnings: [String]

    /// The folder of built-in templates: `$FIDELIS_TEMPLATES`; else, for a binary copied out of its
    /// build (an install, a CI artefact), `Templates` beside it or `../share/fidelis-report/Templates`;
    /// else the project's `Templates/` (located from this source file at build time, so `swift run`
    /// works from any directory). An install comes before the source tree: an installed binary read
    /// the templates of the working copy it was built in, whatever state that copy was in.
    public static var builtInDirectory: String {
        if let env = namedByEnvironment { return env }
        if let installed = installedPath("Templates") { return installed }
        return sourceTreePath("Templates")
    }

    /// The folder `$FIDELIS_TEMPLATES` names, if it is set.
    public static var namedByEnvironment: String? {
        ProcessInfo.processInfo.environment["FIDELIS_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What to say when `builtInDirectory` is not there: not the user's data, the tool cannot find
    /// its own templates.
    public static var missingBuiltIn: String {
        if let env = namedByEnvironment {
            return bilingual("\(env): FIDELIS_TEMPLATES names no folder (expected the Templates folder of fidelis-report, or FIDELIS_TEMPLATES unset to use the built-in one)", "\(env): FIDELIS_TEMPLATES ne désigne aucun dossier (attendu\u{00A0}: le dossier Templates de fidelis-report, ou FIDELIS_TEMPLATES non défini pour utiliser celui intégré à l'outil)")
        }
        return bilingual("\(builtInDirectory): the built-in templates are not there (neither beside the binary, nor in ../share/fidelis-report, nor in the source tree it was built from): set FIDELIS_TEMPLATES to the Templates folder of fidelis-report, or install that folder as the README says", "\(builtInDirectory): les modèles intégrés n'y sont pas (ni à côté de l'exécutable, ni dans ../share/fidelis-report, ni dans les sources d'où il a été compilé)\u{00A0}: donnez à FIDELIS_TEMPLATES le dossier Templates de fidelis-report, ou installez ce dossier comme l'indique le README")
    }

    /// `name` beside the running binary or in `../share/fidelis-report/` above it, if it is there.
    public static func installedPath(_ name: String) -> String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        let folder = PathParent.of(executable)
        let share = (PathParent.of(folder) as NSString).appendingPathComponent("share/fidelis-report")
        return [(folder as NSString).appendingPathComponent(name), (share as NSString).appendingPathComponent(name)]
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `name` in the project's source tree, located from this file at build time.
    public static func sourceTreePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Loads the templates of `locale`; every template of `override` replaces the built-in one.
    public init(locale: ReportLocale, override: String? = nil, builtIn: String = TemplateSet.builtInDirectory) throws(TemplateError) {
        _ = MarkdownContentType.registered
        guard FileManager.default.fileExists(atPath: builtIn) else {
            // Not the user's data: the tool cannot find its own templates.
            throw TemplateError(file: builtIn, line: 0, column: 0, message: TemplateSet.missingBuiltIn)
        }
        self.locale = locale
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var fingerprint = ""
        var tags: [String: [MustacheTag]] = [:]
        var partials: [String: [MustacheTag]] = [:]
        var warnings: [String] = []
        for (name, kind) in TemplateSet.templates {
            let relative = TemplateSet.relativePath(name, kind: kind, locale: locale)
            var path = (builtIn as NSString).appendingPathComponent(relative)
            if let override {
                let candidate = (override as NSString).appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: candidate) { path = candidate }
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                if FileManager.default.fileExists(atPath: path) {
                    throw TemplateError(file: path, line: 0, column: 0, message: bilingual("the template cannot be read (expected a file this user may read: check its permissions)", "le modèle ne peut pas être lu (attendu\u{00A0}: un fichier que cet utilisateur peut lire, vérifiez ses droits)"))
                }
                throw TemplateError(file: path, line: 0, column: 0, message: bilingual("template not found (run `fidelis-report init` to get editable copies, or set FIDELIS_TEMPLATES)", "modèle introuvable (lancez `fidelis-report init` pour en obtenir des copies modifiables, ou définissez FIDELIS_TEMPLATES)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, line: 0, column: 0, message: bilingual("the template is not UTF-8 text (expected a file saved as UTF-8)", "le modèle n'est pas du texte UTF-8 (attendu\u{00A0}: un fichier enregistré en UTF-8)"))
            }
            let scanned = MustacheTag.scan(text)
            tags[name] = scanned
            partials[name] = scanned.filter { $0.kind == .partial || $0.kind == .parent }
            if text.allSatisfy(\.isWhitespace) {
                warnings.append(bilingual("\(path): the template is empty, so \(kind == "md" ? "the \(name) deliverable is an empty file" : "its pages are empty") (expected its text: `fidelis-report init` writes the default)", "\(path): le modèle est vide, donc \(kind == "md" ? "le livrable \(name) est un fichier vide" : "ses pages sont vides") (attendu\u{00A0}: son texte, `fidelis-report init` écrit celui par défaut)"))
            } else if name == "page" && !scanned.contains(where: { $0.kind == .raw && $0.name == "content" }) {
                warnings.append(bilingual("\(path): the page never inserts {{{content}}}, so every deliverable's page shows no text (expected {{{content}}} where the deliverable goes)", "\(path): la page n'insère jamais {{{content}}}, donc la page de chaque livrable n'affiche aucun texte (attendu\u{00A0}: {{{content}}} là où va le livrable)"))
            }
            // The pragma shares the first line, so line numbers in messages stay those of the file.
            let pragma = kind == "md" ? "{{% CONTENT_TYPE: MARKDOWN}}" : ""
            let source = pragma + text
            if let problem = TemplateStructureCheck.unreadableProblem(in: scanned) {
                throw TemplateError(file: path, line: problem.line, column: problem.column, message: problem.message)
            }
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // A section error is worded with the section's name and where it opened; any other,
                // as Mustache found it (an unfinished tag first: the sections after it mean nothing).
                if let kind = error.error as? MustacheTemplate.Error, kind == .sectionCloseNameIncorrect || kind == .expectedSectionEnd,
                   let problem = TemplateStructureCheck.sectionProblem(in: scanned) {
                    throw TemplateError(file: path, line: problem.line, column: problem.column, message: problem.message)
                }
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                throw TemplateError(file: path, line: line, column: column, message: TemplateError.describe(error.error))
            } catch {
                throw TemplateError(file: path, line: 0, column: 0, message: bilingual("template error: \(error)", "erreur de modèle\u{00A0}: \(error)"))
            }
            if let problem = TemplateStructureCheck.problem(in: text, tags: scanned, html: kind == "html", templates: TemplateSet.templates.map(\.0), pages: TemplateSet.pages) {
                throw TemplateError(file: path, line: problem.line, column: problem.column, message: problem.message)
            }
            sources[name] = path
            fingerprint += "\(name)\n\(text)\n"
        }
        if let loop = TemplateStructureCheck.includeLoop(partials), let path = sources[loop.template] {
            throw TemplateError(file: path, line: loop.tag.line, column: loop.tag.column,
                                message: bilingual("template error: \(loop.tag.text) makes a loop (\(loop.path.joined(separator: " → "))) that never ends (expected templates that do not include themselves, directly or through others)", "erreur de modèle\u{00A0}: \(loop.tag.text) crée une boucle sans fin (\(loop.path.joined(separator: " → "))) (attendu\u{00A0}: des modèles qui ne s'incluent pas eux-mêmes, directement ou par d'autres)"))
        }
        var cssPath = (builtIn as NSString).appendingPathComponent(TemplateSet.stylesheetPath)
        if let override, FileManager.default.fileExists(atPath: (override as NSString).appendingPathComponent(TemplateSet.stylesheetPath)) {
            cssPath = (override as NSString).appendingPathComponent(TemplateSet.stylesheetPath)
        }
        guard let css = FileManager.default.contents(atPath: cssPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw TemplateError(file: cssPath, line: 0, column: 0, message: bilingual("style sheet not found", "feuille de style introuvable"))
        }
        stylesheet = css
        self.library = library
        self.sources = sources
        self.tags = tags
        let used = TemplateSet.templates.map { TemplateSet.relativePath($0.0, kind: $0.1, locale: locale) } + [TemplateSet.stylesheetPath]
        templateWarnings = (override.map { TemplateSet.unusedOverrides(in: $0, locale: locale) } ?? [])
            + (override.map { TemplateCopyCheck.warnings(in: $0, builtIn: builtIn, relativePaths: used) } ?? []) + warnings
        self.fingerprint = fingerprint + css
    }

    /// Each template's name and kind (`md` or `html`, the middle of its file extension).
    static let templates = deliverables.map { ($0, "md") } + pages.map { ($0, "html") }
    /// The style sheet's path in a template folder.
    static let stylesheetPath = "assets/style.css"

    /// The path of template `name` of `kind` in a template folder.
    static func relativePath(_ name: String, kind: String, locale: ReportLocale) -> String {
        "\(locale.rawValue)/\(name).\(kind).mustache"
    }

    /// Every path a template folder may hold, relative to it (both locales, and the style sheet).
    static var knownFiles: Set<String> {
        var known: Set<String> = [stylesheetPath]
        for locale in ReportLocale.allCases {
            for (name, kind) in templates { known.insert(relativePath(name, kind: kind, locale: locale)) }
        }
        return known
    }

    /// Whether the override `folder` holds a template of `locale`.
    public static func hasTemplates(in folder: String, for locale: ReportLocale) -> Bool {
        templates.contains { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relativePath($0.0, kind: $0.1, locale: locale))) }
    }

    /// Warnings about an override folder: a folder with no template at all (with the subfolder
    /// that has them, when one does: `--templates DIR` instead of `DIR/templates`); each file whose
    /// name no template has (a misspelt `diagnostics.md.mustache`, a `.md` without `.mustache`),
    /// which would otherwise be ignored silently; and a folder with nothing for `locale` (the
    /// built-in templates are then used); and each `NAME.new` that `init --update` wrote beside an
    /// edited copy, until it is merged and deleted. `README.md` and hidden files are passed over.
    static func unusedOverrides(in folder: String, locale: ReportLocale) -> [String] {
        let known = knownFiles
        var unknown: [String] = []
        var knownCount = 0, forLocale = 0
        var besides: [String] = []
        for relative in files(in: folder) where relative != "README.md" {
            if relative.hasSuffix(TemplateCopyState.besideSuffix),
               case let original = String(relative.dropLast(TemplateCopyState.besideSuffix.count)), known.contains(original) || original == "README.md" {
                let path = (folder as NSString).appendingPathComponent(relative)
                besides.append(bilingual("\(path): the current built-in text, written by `init --update` beside your edited copy, ignored (expected its changes merged into \(path.dropLast(TemplateCopyState.besideSuffix.count)), then this file deleted)", "\(path): le texte intégré actuel, écrit par `init --update` à côté de votre copie modifiée, est ignoré (attendu\u{00A0}: ses changements fusionnés dans \(path.dropLast(TemplateCopyState.besideSuffix.count)), puis ce fichier supprimé)"))
                continue
            }
            if !known.contains(relative) { unknown.append(relative); continue }
            knownCount += 1
            if relative.hasPrefix(locale.rawValue + "/") || relative == stylesheetPath { forLocale += 1 }
        }
        unknown.sort()
        let names = bilingual("\(deliverables.joined(separator: ", ")) (.md.mustache) or \(pages.joined(separator: ", ")) (.html.mustache) under en/ or fr/, or assets/style.css", "\(deliverables.joined(separator: ", ")) (.md.mustache) ou \(pages.joined(separator: ", ")) (.html.mustache) sous en/ ou fr/, ou assets/style.css")
        guard knownCount > 0 else {
            // The folder one level up from a template folder: its files are `templates/en/…`.
            let inner = unknown.lazy.compactMap { relative -> String? in
                let parts = relative.split(separator: "/", maxSplits: 1)
                return parts.count == 2 && known.contains(String(parts[1])) ? String(parts[0]) : nil
            }.first
            let hint = inner.map { bilingual("; did you mean --templates \((folder as NSString).appendingPathComponent($0))?", "\u{202F}; vouliez-vous dire --templates \((folder as NSString).appendingPathComponent($0))\u{00A0}?") } ?? ""
            return [bilingual("\(folder): no template in this folder, the built-in templates are used (expected \(names)\(hint))", "\(folder): aucun modèle dans ce dossier, les modèles intégrés sont utilisés (attendu\u{00A0}: \(names)\(hint))")]
        }
        var warnings = unknown.prefix(10).map { relative in
            let path = (folder as NSString).appendingPathComponent(relative)
            if known.contains(relative + ".mustache") { return bilingual("\(path): ignored, a template's name ends in .mustache (expected \(path).mustache)", "\(path): ignoré, le nom d'un modèle se termine par .mustache (attendu\u{00A0}: \(path).mustache)") }
            return bilingual("\(path): no template has this name, ignored (expected \(names))", "\(path): aucun modèle ne porte ce nom, ignoré (attendu\u{00A0}: \(names))")
        }
        if unknown.count > 10 { warnings.append(bilingual("\(folder): \(unknown.count - 10) more file(s) no template has the name of, ignored", "\(folder): \(unknown.count - 10) autre(s) fichier(s) au nom d'aucun modèle, ignoré(s)")) }
        if forLocale == 0 {
            warnings.append(bilingual("\(folder): no template for locale \(locale.rawValue), the built-in ones are used (expected \((folder as NSString).appendingPathComponent(locale.rawValue))/<name>.md.mustache or assets/style.css)", "\(folder): aucun modèle pour la langue \(locale.rawValue), les modèles intégrés sont utilisés (attendu\u{00A0}: \((folder as NSString).appendingPathComponent(locale.rawValue))/<nom>.md.mustache ou assets/style.css)"))
        }
        return warnings + besides.sorted()
    }

    /// The files below `folder`, as paths relative to it, hidden ones (and those in hidden folders)
    /// left out.
    static func files(in folder: String) -> [String] {
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: folder)
        while let relative = files?.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(relative), isDirectory: &isFolder), !isFolder.boolValue else { continue }
            found.append(relative)
        }
        return found
    }

    /// Whether `folder` holds a template of either locale (its style sheet alone does not tell: a
    /// built site has an `assets/style.css` too).
    public static func holdsTemplates(_ folder: String) -> Bool {
        ReportLocale.allCases.contains { hasTemplates(in: folder, for: $0) }
    }

    /// Warnings for the tags of template `name` that name nothing in `view` (see `TemplateKeyCheck`),
    /// located as `FILE:LINE:COLUMN`.
    public func tagWarnings(_ name: String, in view: [String: Any]) -> [String] {
        guard let tags = tags[name], let file = sources[name] else { return [] }
        let unknown = TemplateKeyCheck.tagProblems(in: tags, view: view)
        var warnings = unknown.prefix(10).map {
            "\(file):\($0.line):\($0.column): \($0.explanation)"
        }
        if unknown.count > 10 { warnings.append(bilingual("\(file): \(unknown.count - 10) more tag(s) the template's view cannot fill", "\(file): \(unknown.count - 10) autre(s) balise(s) que les données du modèle ne peuvent pas remplir")) }
        return warnings
    }

    /// Renders a template with a view (dictionaries, arrays, strings, booleans).
    public func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
