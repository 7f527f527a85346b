import Testing
@testable import ReportRender

/// `MarkdownRenderer.escape`: every Markdown-active ASCII character escaped, line breaks as spaces,
/// other text (accents, other scripts, emoji) untouched; and the result shown literally by cmark.
@Suite struct MarkdownEscapeTests {
    @Test func escapesEveryActiveCharacter() {
        #expect(MarkdownRenderer.escape(##"\`*_[]#!|<>&~$"##) == ##"\\\`\*\_\[\]\#\!\|\<\>\&\~\$"##)
        #expect(MarkdownRenderer.escape("a*b_c") == #"a\*b\_c"#)
    }

    @Test func lineBreaksBecomeOneSpaceEach() {
        #expect(MarkdownRenderer.escape("one\r\ntwo\nthree\rfour") == "one two three four")
        #expect(MarkdownRenderer.escape("end\r") == "end ")
        #expect(MarkdownRenderer.escape("\n\n") == "  ")
    }

    @Test func otherTextIsUntouched() {
        for text in ["", "plain words 123", "Frédéric Müller", "顧客 ✓ 🎉", "e\u{301}"] {
            #expect(MarkdownRenderer.escape(text) == text)
        }
        // Accented letters next to escaped characters keep their bytes.
        #expect(MarkdownRenderer.escape("é_ü*ß") == #"é\_ü\*ß"#)
        // A combining mark on an active character: the ASCII byte is still escaped.
        #expect(MarkdownRenderer.escape("*\u{301}") == "\\*\u{301}")
    }

    @Test func escapedTextRendersLiterally() {
        let hostile = "**bold** [link](http://x) <script>alert(1)</script> | cell | # title `code` ~~gone~~"
        let html = MarkdownRenderer.html(MarkdownRenderer.escape(hostile))
        #expect(!html.contains("<strong>"))
        #expect(!html.contains("<a "))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<code>"))
        #expect(!html.contains("<del>"))
        #expect(!html.contains("<h1>"))
        #expect(html.contains("**bold**"))
        #expect(html.contains("&lt;script&gt;"))
    }
}
