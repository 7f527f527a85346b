import Testing
@testable import ReportRender

/// Headings get the anchors GitHub gives them, so that a `.md#section` link lands in the page too.
@Suite struct HeadingAnchorsTests {
    @Test func anchorsAreGitHubsSlugs() {
        #expect(HeadingAnchors.slug(of: "Retention diagnostic — Demo") == "retention-diagnostic--demo")
        #expect(HeadingAnchors.slug(of: "Plan d&#39;action (0-30 jours)") == "plan-daction-0-30-jours")
        #expect(HeadingAnchors.slug(of: "KPIs <em>against</em> target &amp; more") == "kpis-against-target--more")
        #expect(HeadingAnchors.slug(of: "Définitions") == "définitions")
    }

    @Test func repeatedHeadingsAreNumberedAndOtherTagsKept() {
        let html = "<h1>Report</h1>\n<p>x</p>\n<h2>Notes</h2>\n<h3>Notes</h3>\n<h2>Notes</h2>\n<h2>!!</h2>\n<hr />\n<h2>Notes-1</h2>\n"
        #expect(MarkdownRenderer.html("# Report\n\nx\n\n## Notes\n\n### Notes\n\n## Notes\n\n## !!\n\n---\n\n## Notes-1\n") == HeadingAnchors.apply(html))
        #expect(HeadingAnchors.apply(html) == "<h1 id=\"report\">Report</h1>\n<p>x</p>\n<h2 id=\"notes\">Notes</h2>\n<h3 id=\"notes-1\">Notes</h3>\n<h2 id=\"notes-2\">Notes</h2>\n<h2 id=\"section\">!!</h2>\n<hr />\n<h2 id=\"notes-1-1\">Notes-1</h2>\n")
        #expect(HeadingAnchors.apply("<p>no heading</p>") == "<p>no heading</p>")
    }
}
