/// Makes the tables libcmark-gfm renders proper HTML5 with the header structure a screen reader
/// needs:
/// - each header cell `scope="col"`, and the first cell of each body row a row header
///   (`<th scope="row">`), as the dashboard's own tables have. Every table of the deliverables names
///   its rows in its first column (a segment, a KPI, a score, a day); read as plain cells, the R × F
///   grid and the migration matrix gave "38" with nothing to say which row it was in;
/// - a column's alignment as a class (`class="num"` for `---:`, `class="center"` for `:---:`, none
///   for `:---`, the style sheet's default) instead of cmark's `align` attribute, which HTML5 made
///   obsolete (the W3C validator gave an error a numeric cell: hundreds a page).
///
/// Works on cmark's HTML, whose cell tags are its own: the cells' text is escaped (safe mode, the
/// tag filter), so `<td` and `</td>` never stand inside one. On UTF-8 bytes: `String`'s
/// `range(of:)` here (Foundation's, which builds UTF-16 breadcrumbs) was 2.8 % of a 1 M × 12
/// build's CPU samples.
enum TableMarkup {
    static func apply(_ html: String) -> String {
        var html = html
        return html.withUTF8 { apply(bytes: $0) } ?? html
    }

    /// The HTML with the scopes and classes, or nil when it holds no table.
    private static func apply(bytes b: UnsafeBufferPointer<UInt8>) -> String? {
        func at(_ i: Int, _ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            let t = text.utf8Start
            for k in 0..<n where b[i + k] != t[k] { return false }
            return true
        }
        // Where the tags to change start, with what each becomes: the end of the tag's name
        // (`<th`) gets the scope; a row's first `<td` and its `</td>` become `<th scope="row"` and
        // `</th>`; a cell's ` align="…"` (cmark's only attribute on a cell) its class. Edits at one
        // place apply in the order made (the scope, then the class).
        var edits: [(at: Int, skip: Int, insert: StaticString)] = []
        /// The edit of the alignment attribute of the cell whose name ends at `j`, if it has one.
        func alignment(after j: Int) {
            if at(j, " align=\"right\"") { edits.append((j, 14, " class=\"num\"")) }
            else if at(j, " align=\"center\"") { edits.append((j, 15, " class=\"center\"")) }
            else if at(j, " align=\"left\"") { edits.append((j, 13, "")) }
        }
        var inBody = false, rowStart = false
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            if at(i, "<th>") || at(i, "<th ") {
                edits.append((i + 3, 0, " scope=\"col\""))
                alignment(after: i + 3)
            } else if at(i, "<tbody>") {
                inBody = true
            } else if at(i, "</tbody>") {
                inBody = false
            } else if inBody && at(i, "<tr>") {
                rowStart = true
            } else if rowStart && at(i, "<td") {
                rowStart = false
                edits.append((i, 3, "<th scope=\"row\""))
                alignment(after: i + 3)
                // Its closing tag: the first `</td>` after it (no cell text holds one).
                var j = i + 3
                while j < b.count && !(b[j] == UInt8(ascii: "<") && at(j, "</td>")) { j += 1 }
                if j < b.count { edits.append((j, 5, "</th>")) }
            } else {
                if at(i, "<td ") { alignment(after: i + 3) }
                rowStart = false
            }
            i += 1
        }
        guard !edits.isEmpty else { return nil }
        // In place order; at one place, in the order made (a stable sort by the index made).
        let ordered = edits.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + edits.count * 16)
        var from = 0
        for e in ordered {
            out.append(contentsOf: b[from..<e.at])
            out.append(contentsOf: UnsafeBufferPointer(start: e.insert.utf8Start, count: e.insert.utf8CodeUnitCount))
            from = e.at + e.skip
        }
        out.append(contentsOf: b[from...])
        return String(decoding: out, as: UTF8.self)
    }
}
