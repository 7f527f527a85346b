import Testing
@testable import ReportRender

/// Tables rendered from Markdown name their columns and rows for a screen reader, and say their
/// alignment by a class (HTML5 has no `align` attribute).
@Suite struct TableMarkupTests {
    @Test func headerCellsScopeTheirColumnAndEachRowsFirstCellIsItsHeader() {
        let html = MarkdownRenderer.html("""
            | R \\ F | F1 | F2 |
            |---|---:|---:|
            | **R5** | 38 | 4 |
            | R4 | 7 | 0 |
            """)
        #expect(html.contains(#"<th scope="col">R \ F</th>"#), "\(html)")
        #expect(html.contains(#"<th scope="col" class="num">F1</th>"#), "\(html)")
        #expect(html.contains("<tr>\n<th scope=\"row\"><strong>R5</strong></th>\n<td class=\"num\">38</td>"), "\(html)")
        #expect(html.contains("<tr>\n<th scope=\"row\">R4</th>\n<td class=\"num\">7</td>"), "\(html)")
        #expect(!html.contains("<td><strong>R5"))
        // Every cell still closes as it opened.
        #expect(html.components(separatedBy: "<th").count == html.components(separatedBy: "</th>").count + html.components(separatedBy: "<thead").count - 1)
        #expect(html.components(separatedBy: "<td").count == html.components(separatedBy: "</td>").count)
    }

    @Test func aRightAlignedFirstColumnKeepsItsAlignment() {
        let html = MarkdownRenderer.html("| Day | Step |\n|--:|---|\n| 7 | Call |\n")
        #expect(html.contains("<th scope=\"row\" class=\"num\">7</th>"), "\(html)")
    }

    /// Each of cmark's three alignments, in the header and the body, first column or not.
    @Test func alignmentsBecomeClasses() {
        let html = MarkdownRenderer.html("| A | B | C | D |\n|:--|:-:|--:|---|\n| a | b | c | d |\n| e | f | g | h |\n")
        #expect(!html.contains("align="), "\(html)")
        #expect(html.contains("<th scope=\"col\">A</th>\n<th scope=\"col\" class=\"center\">B</th>\n<th scope=\"col\" class=\"num\">C</th>\n<th scope=\"col\">D</th>"), "\(html)")
        #expect(html.contains("<th scope=\"row\">a</th>\n<td class=\"center\">b</td>\n<td class=\"num\">c</td>\n<td>d</td>"), "\(html)")
        #expect(html.contains("<th scope=\"row\">e</th>\n<td class=\"center\">f</td>\n<td class=\"num\">g</td>\n<td>h</td>"), "\(html)")
        // A cell's text that reads like the attribute is text, escaped, and left alone.
        let text = MarkdownRenderer.html("| A | B |\n|---|--:|\n| x | align=\"right\" |\n")
        #expect(text.contains("<td class=\"num\">align=&quot;right&quot;</td>"), "\(text)")
    }

    @Test func textOutsideTablesIsUnchangedEvenWhenItNamesCells() {
        let markdown = "A paragraph about <td> and <th> cells, escaped.\n\n- a list\n"
        let html = MarkdownRenderer.html(markdown)
        #expect(!html.contains("scope="))
        #expect(TableMarkup.apply("<p>x</p>") == "<p>x</p>")
    }
}
