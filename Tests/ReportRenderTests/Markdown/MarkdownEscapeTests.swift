import Testing
@testable import ReportRender

/// `MarkdownRenderer.escape`: a value is shown literally by cmark wherever a template puts it (alone,
/// in a list item, in a table cell, mid-line), while characters that could not act as Markdown where
/// they stand are left as they are, so the downloaded Markdown stays readable.
@Suite struct MarkdownEscapeTests {
    @Test func escapesOnlyWhatWouldActAsMarkdown() {
        #expect(MarkdownRenderer.escape(##"\`*_[]#!|<>&~$"##) == ##"\\\`\*\_\[\]#!\|\<>&\~\$"##)
        #expect(MarkdownRenderer.escape("a*b_c") == #"a\*b_c"#)
        // `_` between two ASCII letters or digits cannot mark emphasis: ids and URLs read as written.
        for text in ["vip_whales", "http://example.com/a_b_c?q=1_2", "x_1_y"] { #expect(MarkdownRenderer.escape(text) == text) }
        let edges: [(String, String)] = [("_x_", #"\_x\_"#), ("a__b", #"a\_\_b"#), ("a_", #"a\_"#), ("_a", #"\_a"#), ("a _b_", #"a \_b\_"#), ("(a_b)", "(a_b)"), ("a._b", #"a.\_b"#)]
        for (text, escaped) in edges { #expect(MarkdownRenderer.escape(text) == escaped, "\(text)") }
        // Comparisons, French punctuation and ampersands between words read as they are.
        for text in ["NPS < 30 (now 11.6)", "churn > 10 %", "Rien à redire !", "R & D", "C# et F#", "1.5 × 2", "+20 % sur un an", "-5 %"] {
            #expect(MarkdownRenderer.escape(text) == text)
        }
        // What would open a tag, a comment, an entity.
        #expect(MarkdownRenderer.escape("<b>x</b> <!-- c --> <?x &amp; &#38; a<") == #"\<b>x\</b> \<!-- c --> \<?x \&amp; \&#38; a\<"#)
        #expect(MarkdownRenderer.escape("x &") == #"x \&"#)
    }

    @Test func blockMarkersAreEscapedAtTheStartOnly() {
        let cases: [(String, String)] = [("> quote", ##"\> quote"##), ("# title", ##"\# title"##), ("=", ##"\="##), ("- item", ##"\- item"##), ("-", ##"\-"##),
                     ("---", ##"\---"##), ("+ item", ##"\+ item"##), ("1. first", ##"1\. first"##), ("12) twelfth", ##"12\) twelfth"##),
                     ("2026.", ##"2026\."##), ("a > b # c - d", "a > b # c - d"), ("-5", "-5"), ("+0,4 pt", "+0,4 pt"), ("1.5", "1.5"),
                     ("1234567890. ten digits", "1234567890. ten digits")]
        for (text, escaped) in cases { #expect(MarkdownRenderer.escape(text) == escaped, "\(text)") }
    }

    /// A run of `#` after a blank at the value's end would close a heading the value ends.
    @Test func closingHashesAtTheEndAreEscaped() {
        let cases: [(String, String)] = [("Top #", ##"Top \#"##), ("a ##", ###"a \##"###), ("C#", "C#"), ("#", ##"\#"##), ("x # y", "x # y"), ("a\t#", "a\t\\#")]
        for (text, escaped) in cases { #expect(MarkdownRenderer.escape(text) == escaped, "\(text)") }
        #expect(MarkdownRenderer.html("## " + MarkdownRenderer.escape("Top #")).contains(">Top #</h2>"))
        #expect(MarkdownRenderer.html("## Top #").contains(">Top</h2>"))   // what it guards against
    }

    @Test func lineBreaksBecomeSpacesAndOuterBlanksGo() {
        #expect(MarkdownRenderer.escape("one\r\ntwo\nthree\rfour") == "one two three four")
        #expect(MarkdownRenderer.escape("end\r") == "end")
        #expect(MarkdownRenderer.escape("\n\n") == "")
        #expect(MarkdownRenderer.escape("    code?  ") == "code?")
        #expect(MarkdownRenderer.escape(" \n> quote") == #"\> quote"#)
    }

    @Test func otherTextIsUntouched() {
        for text in ["", "plain words 123", "Frédéric Müller", "顧客 ✓ 🎉", "e\u{301}"] {
            #expect(MarkdownRenderer.escape(text) == text)
        }
        #expect(MarkdownRenderer.escape("é_ü*ß") == #"é\_ü\*ß"#)
        #expect(MarkdownRenderer.escape("*\u{301}") == "\\*\u{301}")
    }

    @Test func escapedTextRendersLiterally() {
        let hostile = "**bold** [link](http://x) <script>alert(1)</script> | cell | # title `code` ~~gone~~"
        let html = MarkdownRenderer.html(MarkdownRenderer.escape(hostile))
        for tag in ["<strong>", "<a ", "<script>", "<code>", "<del>", "<h1>"] { #expect(!html.contains(tag)) }
        #expect(html.contains("**bold**"))
        #expect(html.contains("&lt;script&gt;"))
    }

    /// 20,000 generated values made of Markdown's active characters: in each of five places a
    /// template can put a value, cmark's HTML shows exactly the value's text (line breaks as spaces,
    /// outer blanks dropped), never a tag, entity, emphasis, list, quote, heading or code block.
    @Test func generatedValuesRenderLiterallyInEveryPlace() {
        let alphabet: [String] = ["a", "b", "Z", "1", "9", "0", " ", " ", "\t", "\n", "\r", "\\", "`", "*", "_", "[", "]", "(", ")", "#", "!", "|", "<",
                                  ">", "&", "~", "$", "-", "+", "=", ".", ":", "/", "?", ";", "é", "'", "{", "}", "^", "%", "@"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func text(_ s: String) -> String {
            let flat = s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            let trimmed = flat.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            return String(trimmed).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;")
        }
        var failures: [String] = []
        for _ in 0..<20_000 {
            let value = (0..<(1 + next(16))).map { _ in alphabet[next(alphabet.count)] }.joined()
            let e = MarkdownRenderer.escape(value), t = text(value)
            let places: [(String, String)] = [
                (e, t.isEmpty ? "" : "<p>\(t)</p>\n"),
                ("- " + e, t.isEmpty ? "<ul>\n<li></li>\n</ul>\n" : "<ul>\n<li>\(t)</li>\n</ul>\n"),
                ("| h |\n|---|\n| " + e + " |", "<table>\n<thead>\n<tr>\n<th scope=\"col\">h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\">\(t)</th>\n</tr>\n</tbody>\n</table>\n"),
                ("| h | i |\n|---|---|\n| r | " + e + " |", "<table>\n<thead>\n<tr>\n<th scope=\"col\">h</th>\n<th scope=\"col\">i</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\">r</th>\n<td>\(t)</td>\n</tr>\n</tbody>\n</table>\n"),
                ("x " + e + " y", "<p>x \(t) y</p>\n"),
            ]
            for (markdown, expected) in places where MarkdownRenderer.html(markdown) != expected {
                failures.append("\(value.debugDescription) as \(markdown.debugDescription): \(MarkdownRenderer.html(markdown).debugDescription)")
            }
            if failures.count > 5 { break }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
