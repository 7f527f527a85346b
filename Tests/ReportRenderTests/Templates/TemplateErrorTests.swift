import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// A broken override template is refused with its file and line; good overrides replace built-ins.
@Suite struct TemplateErrorTests {
    @Test func syntaxErrorNamesTheTemplateAndLine() throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        try "# Title\n\nfine line\n{{#kpis}}\n| {{name}} |\n".write(toFile: dir + "/en/strategy.md.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(locale: .en, override: dir)
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect(error.file.hasSuffix("en/strategy.md.mustache"))
            #expect(error.line >= 4)
            #expect(error.description.contains("strategy.md.mustache:"))
        }
    }

    /// Each syntax error says what is wrong and what was expected, at the place in the file (on the
    /// first line of a Markdown template too, where a pragma is put before the text).
    @Test("template syntax errors are explained and located", arguments: [
        ("{{#kpis}}\n| {{name}} |\n{{/segments}}\n", 3, "{{/segments}} closes {{#kpis}}, opened at line 1 (expected {{/kpis}})"),
        ("{{#kpis}}{{/kpis}}\n\n {{/few_buyers}}\n", 3, "{{/few_buyers}} closes no open section (expected a {{#few_buyers}} or {{^few_buyers}} before it)"),
        ("# {{> inconnu}}\n", 1, "unknown partial: {{> inconnu}} names no template, so it would show nothing (expected one of diagnostic,"),
        ("# Title {{client name}}\n", 1, "a tag is not finished"),
        ("# Title\n\n{{client\n", 4, "a tag is still open at the end of the file"),
        ("# Title\n\n{{#kpis}}\n| {{name}} |\n", 3, "{{#kpis}} is never closed (expected {{/kpis}} after its content)"),
        ("# Title\n\n{{^ first_snapshot }}\n{{#kpis}}{{/kpis}}\n", 3, "{{^ first_snapshot }} is never closed (expected {{/first_snapshot}} after its content)"),
        ("{{=<% \n", 2, "a set-delimiter tag is badly formed"),
    ])
    func syntaxErrorsAreExplained(_ text: String, _ line: Int, _ message: String) throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        try text.write(toFile: dir + "/en/strategy.md.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(locale: .en, override: dir)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message) && error.message.contains("(expected "), "\(error)")
            if line == 1 { #expect(error.column <= text.count, "\(error)") }
        }
    }

    /// Writes `files` (path → text) into a fresh override folder and loads its English templates.
    func load(_ files: [String: String]) throws -> Result<TemplateSet, TemplateError> {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/en", withIntermediateDirectories: true)
        for (path, text) in files { try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8) }
        do { return .success(try TemplateSet(locale: .en, override: dir)) } catch { return .failure(error) }
    }

    /// An HTML template inserts raw only the HTML the tool makes: a customer's text under `{{{ }}}`
    /// or `{{& }}` would run as HTML in the dashboard.
    @Test func rawTagsInHTMLTemplatesAreOnlyForTheToolsHTML() throws {
        for tag in ["{{{text}}}", "{{& text}}", "{{{client}}}"] {
            guard case .failure(let error) = try load(["en/dashboard.html.mustache": "<p>\n<q>\(tag)</q>"]) else {
                Issue.record("accepted \(tag)"); continue
            }
            #expect(error.line == 2 && error.column == 4, "\(error)")
            #expect(error.message.hasPrefix("unescaped value: \(tag) would put its text into the page as HTML, which only content, svg, svg_compact, table may be"), "\(error)")
        }
        let page = "<main>{{{content}}}</main>{{#charts}}{{{svg}}}{{& table}}{{/charts}}"
        guard case .success(let set) = try load(["en/page.html.mustache": page]) else { Issue.record("refused the tool's HTML"); return }
        #expect(set.render("page", ["content": "<p>x</p>"]) == "<main><p>x</p></main>")
        // In a Markdown template a raw tag is allowed (customer text is escaped for Markdown before).
        guard case .success = try load(["en/strategy.md.mustache": "{{{client}}}"]) else { Issue.record("refused a raw tag in Markdown"); return }
    }

    /// The other ways a customer's text could reach a page unescaped are refused too: a pragma that
    /// turns escaping off, other delimiters in an HTML template, a Markdown template (escaped for
    /// Markdown only) as a partial or parent of an HTML one.
    @Test func escapingCannotBeTurnedOff() throws {
        let refused: [(String, String, String)] = [
            ("en/dashboard.html.mustache", "{{%CONTENT_TYPE:TEXT}}\n<q>{{text}}</q>", "refused pragma: {{%CONTENT_TYPE:TEXT}} would change how the template escapes its values"),
            ("en/strategy.md.mustache", "x {{% CONTENT_TYPE: TEXT }}", "refused pragma:"),
            ("en/diagnostic.md.mustache", "{{#feedback.areas}}{{#samples}}> {{{text}}}{{/samples}}{{/feedback.areas}}", "unescaped value: {{{text}}} would put a customer's text into the deliverable as Markdown"),
            ("en/dashboard.html.mustache", "{{=<% %>=}}<%&text%>", "refused delimiters: {{=<% %>=}} would hide the template's tags from its checks"),
            // Behind other delimiters a template that includes itself went unseen, and recursed until
            // the stack overflowed (exit 139); a misspelt key went unreported.
            ("en/diagnostic.md.mustache", "{{=<% %>=}}<%> diagnostic %>", "refused delimiters: {{=<% %>=}}"),
            // A partial named by the data: `client: diagnostic` would have made the same loop.
            ("en/diagnostic.md.mustache", "x {{>*client}}", "refused dynamic partial: {{>*client}} takes the name of the template it includes from the data"),
            ("en/page.html.mustache", "{{{content}}}{{> diagnostic}}", "unescaped value: {{> diagnostic}} would put a Markdown template, escaped for Markdown only, into the page as HTML (expected one of page, dashboard)"),
            ("en/page.html.mustache", "{{{content}}}{{<strategy}}{{/strategy}}", "unescaped value: {{<strategy}} would put a Markdown template"),
            ("en/page.html.mustache", "{{{content}}}{{<typo}}{{/typo}}", "unknown partial: {{<typo}} names no template"),
        ]
        for (file, text, message) in refused {
            guard case .failure(let error) = try load([file: text]) else { Issue.record("accepted \(text)"); continue }
            #expect(error.message.hasPrefix(message), "\(error)")
        }
        // A parent that includes its own template loops.
        guard case .failure(let loop) = try load(["en/page.html.mustache": "{{{content}}}{{<page}}{{/page}}"]) else { Issue.record("accepted a loop"); return }
        #expect(loop.message.contains("(page → page)"), "\(loop)")
        // Sections 3,000 deep overflowed Mustache's parser (exit 139), and 60,000 tags took minutes
        // (its parser is quadratic): both refused with a location before it reads them.
        let deep = String(repeating: "{{^client}}\n", count: 2000) + "x" + String(repeating: "{{/client}}", count: 2000)
        guard case .failure(let nested) = try load(["en/strategy.md.mustache": deep]) else { Issue.record("accepted 2,000 levels"); return }
        #expect(nested.line == 101 && nested.column == 1)
        #expect(nested.message == "template error: {{^client}} opens a section 101 levels deep (expected at most 100 sections inside one another)")
        guard case .success = try load(["en/strategy.md.mustache": String(repeating: "{{^client}}", count: 100) + String(repeating: "{{/client}}", count: 100)]) else {
            Issue.record("refused 100 levels"); return
        }
        // A list inside itself repeats the whole list at each level (16 levels: 43 million renders);
        // more than 100 partials fan out the same way. A lambda such as first() may nest.
        guard case .failure(let itself) = try load(["en/strategy.md.mustache": "{{#kpis}}\n{{#trend}}{{#kpis}}x{{/kpis}}{{/trend}}{{/kpis}}"]) else { Issue.record("accepted"); return }
        #expect(itself.line == 2 && itself.column == 11 && itself.message.hasPrefix("template error: {{#kpis}} opens inside {{#kpis}} of line 1"), "\(itself.line):\(itself.column) \(itself.message)")
        guard case .success = try load(["en/strategy.md.mustache": "{{#kpis}}{{#first()}}{{#trend}}{{#first()}}x{{/first()}}{{/trend}}{{/first()}}{{/kpis}}"]) else {
            Issue.record("refused nested first()"); return
        }
        guard case .failure(let fanout) = try load(["en/strategy.md.mustache": String(repeating: "{{>loyalty-program}}\n", count: 101)]) else { Issue.record("accepted 101 partials"); return }
        #expect(fanout.line == 101 && fanout.message.hasPrefix("template error: more than 100 partial tags"), "\(fanout)")
        guard case .failure(let many) = try load(["en/strategy.md.mustache": String(repeating: "{{client}}\n", count: 6000)]) else { Issue.record("accepted 6,000 tags"); return }
        #expect(many.line == 5001 && many.message.hasPrefix("template error: more than 5000 tags"))
        // A tag left unfinished is said as such, not as the section it is in.
        guard case .failure(let unfinished) = try load(["en/strategy.md.mustache": "{{#kpis}}\n{{name"]) else { Issue.record("accepted"); return }
        #expect(unfinished.message.contains("a tag is still open at the end of the file"), "\(unfinished)")
    }

    /// HTML escaping makes a value safe in text and in quoted attributes, not elsewhere: a value tag
    /// in an unquoted attribute, a URL attribute (unless a link the tool makes), an event handler,
    /// a style, or a script is refused where it stands.
    @Test func valueTagsOnlyWhereEscapingHolds() throws {
        let refused: [(String, Int, String)] = [
            ("<p>\n<a href=\"{{text}}\">x</a>", 10, "unescaped value: {{text}} stands in the href attribute, where a text such as javascript:… is a link that runs"),
            ("<span title={{text}}>x</span>", 13, "unescaped value: {{text}} stands in an unquoted attribute value"),
            ("<b onclick=\"go('{{name}}')\">x</b>", 17, "unescaped value: {{name}} stands in the onclick attribute"),
            ("<p style='color: {{status}}'>x</p>", 18, "unescaped value: {{status}} stands in the style attribute"),
            ("<script>var t = '{{text}}';</script>", 18, "unescaped value: {{text}} stands in a <script> element"),
            ("<div {{text}}>x</div>", 6, "unescaped value: {{text}} stands inside an HTML tag"),
        ]
        for (text, column, message) in refused {
            guard case .failure(let error) = try load(["en/dashboard.html.mustache": text]) else { Issue.record("accepted \(text)"); continue }
            #expect(error.column == column && error.message.hasPrefix(message), "\(error)")
        }
        // Text, quoted attributes, the tool's links, comments and a lone `<` in text are fine.
        let fine = "<!-- <a href={{x}}> --><p title=\"{{definition}}\" class='card {{status}}'>a < b {{text}}</p><a href=\"{{root}}index.html#kpis\">i</a><a href=\"{{here}}x.csv\">c</a>"
        guard case .success = try load(["en/dashboard.html.mustache": fine]) else { Issue.record("refused \(fine)"); return }
    }

    /// A partial names a template, and no template includes itself, directly or through another.
    @Test func partialsNameTemplatesWithoutLoops() throws {
        guard case .success(let set) = try load(["en/strategy.md.mustache": "A {{> loyalty-program}}", "en/loyalty-program.md.mustache": "B {{client}}"]) else {
            Issue.record("refused a partial"); return
        }
        #expect(set.render("strategy", ["client": "C"]) == "A B C")
        guard case .failure(let itself) = try load(["en/strategy.md.mustache": "x\n  {{> strategy}}"]) else { Issue.record("accepted a loop"); return }
        #expect(itself.file.hasSuffix("en/strategy.md.mustache") && itself.line == 2 && itself.column == 3, "\(itself)")
        #expect(itself.message == "template error: {{> strategy}} makes a loop (strategy → strategy) that never ends (expected templates that do not include themselves, directly or through others)")
        guard case .failure(let through) = try load(["en/strategy.md.mustache": "{{> playbooks}}", "en/playbooks.md.mustache": "{{#a}}{{> strategy}}{{/a}}"]) else {
            Issue.record("accepted a loop through another template"); return
        }
        #expect(through.message.contains("(playbooks → strategy → playbooks)"), "\(through)")
    }

    /// A template that leaves its pages empty is warned about: an emptied file, a page without its content.
    @Test func emptyPagesAreWarnedAbout() throws {
        guard case .success(let set) = try load(["en/playbooks.md.mustache": " \n", "en/page.html.mustache": "<main>{{title}}</main>"]) else {
            Issue.record("refused"); return
        }
        #expect(set.templateWarnings.count == 2, "\(set.templateWarnings)")
        #expect(set.templateWarnings.contains { $0.hasSuffix("en/playbooks.md.mustache: the template is empty, so the playbooks deliverable is an empty file (expected its text: `fidelis-report init` writes the default)") })
        #expect(set.templateWarnings.contains { $0.hasSuffix("en/page.html.mustache: the page never inserts {{{content}}}, so every deliverable's page shows no text (expected {{{content}}} where the deliverable goes)") })
    }

    @Test func overrideReplacesOneTemplate() throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/fr", withIntermediateDirectories: true)
        try "# Ma stratégie {{client}}\n".write(toFile: dir + "/fr/strategy.md.mustache", atomically: true, encoding: .utf8)
        let set = try TemplateSet(locale: .fr, override: dir)
        #expect(set.sources["strategy"]!.hasPrefix(dir))
        #expect(!set.sources["diagnostic"]!.hasPrefix(dir))
        #expect(set.render("strategy", ["client": "A*B"]) == "# Ma stratégie A\\*B\n")
    }

    /// Files of an override folder that no template is named after are named in a warning, not
    /// silently ignored; so is a folder with nothing for the locale, or with no template at all.
    @Test func overrideFolderWarnsAboutWhatItDoesNotUse() throws {
        let dir = NSTemporaryDirectory() + "fidelis-tpl-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        for sub in ["en", "fr", ".git"] { try fm.createDirectory(atPath: dir + "/t/" + sub, withIntermediateDirectories: true) }
        for file in ["fr/strategy.md.mustache", "fr/diagnostics.md.mustache", "en/playbooks.md", "README.md", ".git/HEAD", "fr/.strategy.md.mustache.swp"] {
            try "# {{client}}\n".write(toFile: dir + "/t/" + file, atomically: true, encoding: .utf8)
        }
        let fr = try TemplateSet(locale: .fr, override: dir + "/t")
        #expect(fr.sources["strategy"] == dir + "/t/fr/strategy.md.mustache")
        #expect(fr.templateWarnings.count == 2, "\(fr.templateWarnings)")
        #expect(fr.templateWarnings[0] == "\(dir)/t/en/playbooks.md: ignored, a template's name ends in .mustache (expected \(dir)/t/en/playbooks.md.mustache)")
        #expect(fr.templateWarnings[1].hasPrefix("\(dir)/t/fr/diagnostics.md.mustache: no template has this name, ignored (expected diagnostic, segmentation,"))
        // In English nothing of the folder is used.
        let en = try TemplateSet(locale: .en, override: dir + "/t")
        #expect(en.templateWarnings.count == 3)
        #expect(en.templateWarnings[2].hasPrefix("\(dir)/t: no template for locale en, the built-in ones are used"))
        // The folder above: one warning, naming the folder that holds the templates.
        let above = try TemplateSet(locale: .fr, override: dir)
        #expect(above.templateWarnings.count == 1)
        #expect(above.templateWarnings[0].hasPrefix("\(dir): no template in this folder, the built-in templates are used"))
        #expect(above.templateWarnings[0].hasSuffix("did you mean --templates \(dir)/t?)"))
        #expect(!above.sources["strategy"]!.hasPrefix(dir))
        // A copy of the built-in folder, as `init` writes it: no warning in either locale.
        try fm.copyItem(atPath: TemplateSet.builtInDirectory, toPath: dir + "/copy")
        for locale in ReportLocale.allCases {
            #expect(try TemplateSet(locale: locale, override: dir + "/copy").templateWarnings.isEmpty)
        }
        #expect(try TemplateSet(locale: .en).templateWarnings.isEmpty)
    }
}
