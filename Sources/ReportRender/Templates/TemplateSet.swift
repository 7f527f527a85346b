import Foundation
import Mustache
import ReportModel

/// The templates of one locale: Markdown deliverables and HTML pages, loaded from the built-in
/// `Templates/` folder with any file of an override folder (`--templates DIR`) taking precedence.
///
/// Layout of a template folder: `<locale>/<name>.md.mustache` (Markdown, Markdown-escaped values)
/// and `<locale>/<name>.html.mustache` (HTML, HTML-escaped values); `partials/` may hold shared pieces.
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

    /// The folder of built-in templates: `$FIDELIS_TEMPLATES`, else the project's `Templates/`
    /// (located from this source file at build time, so `swift run` works from any directory).
    public static var builtInDirectory: String {
        if let env = ProcessInfo.processInfo.environment["FIDELIS_TEMPLATES"], !env.isEmpty { return env }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").path
    }

    /// Loads the templates of `locale`; every template of `override` replaces the built-in one.
    public init(locale: ReportLocale, override: String? = nil, builtIn: String = TemplateSet.builtInDirectory) throws(TemplateError) {
        _ = MarkdownContentType.registered
        self.locale = locale
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var fingerprint = ""
        let names = TemplateSet.deliverables.map { ($0, "md") } + TemplateSet.pages.map { ($0, "html") }
        for (name, kind) in names {
            let relative = "\(locale.rawValue)/\(name).\(kind).mustache"
            var path = (builtIn as NSString).appendingPathComponent(relative)
            if let override {
                let candidate = (override as NSString).appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: candidate) { path = candidate }
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, line: 0, column: 0, message: "template not found or not UTF-8 (run `fidelis-report init` to get editable copies, or set FIDELIS_TEMPLATES)")
            }
            // The pragma shares the first line, so line numbers in messages stay those of the file.
            let pragma = kind == "md" ? "{{% CONTENT_TYPE: MARKDOWN}}" : ""
            let source = pragma + text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - pragma.count) : error.context.columnNumber
                throw TemplateError(file: path, line: line, column: column, message: TemplateError.describe(error.error))
            } catch {
                throw TemplateError(file: path, line: 0, column: 0, message: "template error: \(error)")
            }
            sources[name] = path
            fingerprint += "\(name)\n\(text)\n"
        }
        var cssPath = (builtIn as NSString).appendingPathComponent("assets/style.css")
        if let override, FileManager.default.fileExists(atPath: (override as NSString).appendingPathComponent("assets/style.css")) {
            cssPath = (override as NSString).appendingPathComponent("assets/style.css")
        }
        guard let css = FileManager.default.contents(atPath: cssPath).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw TemplateError(file: cssPath, line: 0, column: 0, message: "style sheet not found")
        }
        stylesheet = css
        self.fingerprint = fingerprint + css
        self.library = library
        self.sources = sources
            }

    /// Renders a template with a view (dictionaries, arrays, strings, booleans).
    public func render(_ name: String, _ view: [String: Any]) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
