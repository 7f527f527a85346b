/// Gives the tables libcmark-gfm renders the header structure a screen reader needs: each header
/// cell `scope="col"`, and the first cell of each body row a row header (`<th scope="row">`), as
/// the dashboard's own tables have. Every table of the deliverables names its rows in its first
/// column (a segment, a KPI, a score, a day); read as plain cells, the R × F grid and the
/// migration matrix gave "38" with nothing to say which row it was in.
///
/// Works on cmark's HTML, whose cell tags are its own: the cells' text is escaped (safe mode, the
/// tag filter), so `<td` and `</td>` never stand inside one.
enum TableHeaderScopes {
    static func apply(_ html: String) -> String {
        guard html.contains("<table>") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var rest = Substring(html)
        var inBody = false
        while let tag = rest.firstIndex(of: "<") {
            out += rest[..<tag]
            rest = rest[tag...]
            if rest.hasPrefix("<th>") || rest.hasPrefix("<th ") {
                out += "<th scope=\"col\""
                rest = rest.dropFirst(3)
            } else if rest.hasPrefix("<tbody>") {
                inBody = true
                out += "<tbody>"
                rest = rest.dropFirst(7)
            } else if rest.hasPrefix("</tbody>") {
                inBody = false
                out += "</tbody>"
                rest = rest.dropFirst(8)
            } else if inBody && rest.hasPrefix("<tr>") {
                out += "<tr>"
                rest = rest.dropFirst(4)
                // The row's first cell, after cmark's line break.
                let blank = rest.prefix { $0 == "\n" }
                out += blank
                rest = rest.dropFirst(blank.count)
                if rest.hasPrefix("<td"), let close = rest.range(of: "</td>") {
                    out += "<th scope=\"row\""
                    out += rest[rest.index(rest.startIndex, offsetBy: 3)..<close.lowerBound]
                    out += "</th>"
                    rest = rest[close.upperBound...]
                }
            } else {
                out += "<"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }
}
