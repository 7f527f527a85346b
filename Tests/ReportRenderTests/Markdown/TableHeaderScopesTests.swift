import Testing
@testable import ReportRender

/// Tables rendered from Markdown name their columns and rows for a screen reader.
@Suite struct TableHeaderScopesTests {
    @Test func headerCellsScopeTheirColumnAndEachRowsFirstCellIsItsHeader() {
        let html = MarkdownRenderer.html("""
            | R \\ F | F1 | F2 |
            |---|---:|---:|
            | **R5** | 38 | 4 |
            | R4 | 7 | 0 |
            """)
        #expect(html.contains(#"<th scope="col">R \ F</th>"#), "\(html)")
        #expect(html.contains(#"<th scope="col" align="right">F1</th>"#), "\(html)")
        #expect(html.contains("<tr>\n<th scope=\"row\"><strong>R5</strong></th>\n<td align=\"right\">38</td>"), "\(html)")
        #expect(html.contains("<tr>\n<th scope=\"row\">R4</th>\n<td align=\"right\">7</td>"), "\(html)")
        #expect(!html.contains("<td><strong>R5"))
        // Every cell still closes as it opened.
        #expect(html.components(separatedBy: "<th").count == html.components(separatedBy: "</th>").count + html.components(separatedBy: "<thead").count - 1)
        #expect(html.components(separatedBy: "<td").count == html.components(separatedBy: "</td>").count)
    }

    @Test func aRightAlignedFirstColumnKeepsItsAlignment() {
        let html = MarkdownRenderer.html("| Day | Step |\n|--:|---|\n| 7 | Call |\n")
        #expect(html.contains("<th scope=\"row\" align=\"right\">7</th>"), "\(html)")
    }

    @Test func textOutsideTablesIsUnchangedEvenWhenItNamesCells() {
        let markdown = "A paragraph about <td> and <th> cells, escaped.\n\n- a list\n"
        let html = MarkdownRenderer.html(markdown)
        #expect(!html.contains("scope="))
        #expect(TableHeaderScopes.apply("<p>x</p>") == "<p>x</p>")
    }
}
