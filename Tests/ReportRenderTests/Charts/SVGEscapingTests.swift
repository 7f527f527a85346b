import Testing
@testable import ReportRender

@Suite struct SVGEscapingTests {
    @Test func escapesXMLSpecials() {
        #expect(SVGEscaping.escape(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(SVGEscaping.escape("plain é ✓") == "plain é ✓")
        #expect(SVGEscaping.escape("") == "")
    }

    @Test func dropsCharactersForbiddenInXML() {
        #expect(SVGEscaping.escape("a\u{0}b\u{1B}c\u{FFFE}d\u{85}") == "abcd")
        #expect(SVGEscaping.escape("line\nbreak\ttab\r") == "line break tab ")
    }

    @Test func sanitizesIDs() {
        #expect(SVGEscaping.sanitizeID("kpi-retention_2") == "kpi-retention_2")
        #expect(SVGEscaping.sanitizeID("a b\"<c>") == "a-b--c-")
        #expect(SVGEscaping.sanitizeID("") == "c")
        #expect(SVGEscaping.sanitizeID("2026") == "c2026")
        #expect(SVGEscaping.sanitizeID("-x") == "c-x")
        #expect(SVGEscaping.sanitizeID("é") == "c-")
    }
}
