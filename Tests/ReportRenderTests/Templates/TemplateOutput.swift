import Foundation
import ReportModel
@testable import ReportRender

/// Reading and checking what the templates produced: Markdown tables, leftover tags, built files.
enum TemplateOutput {
    /// The names of every page of one snapshot folder: the five deliverables (Markdown and HTML) and the dashboard.
    static var pageNames: [String] {
        TemplateSet.deliverables.flatMap { [$0 + ".md", $0 + ".html"] } + ["index.html"]
    }

    /// The text of a built file, empty when missing.
    static func read(_ f: BuildFixture, _ relative: String) -> String {
        (try? String(contentsOfFile: f.path(relative), encoding: .utf8)) ?? ""
    }

    /// The Markdown tables of a document: each table's rows (header first, delimiter row left out),
    /// each row's cells trimmed. Cells are split on unescaped `|`, as GFM does.
    static func tables(_ markdown: String) -> [[[String]]] {
        var tables: [[[String]]] = []
        var current: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("|") {
                let cells = cellsOf(text)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ":-".contains($0) } }) { continue }
                current.append(cells)
            } else if !current.isEmpty {
                tables.append(current)
                current = []
            }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    /// The cells of one table row `| a | b |`.
    static func cellsOf(_ row: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in row {
            if escaped {
                cell.append(ch)
                escaped = false
            } else if ch == "\\" {
                cell.append(ch)
                escaped = true
            } else if ch == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
        }
        cells.append(cell)
        // The text before the leading pipe and after the trailing one is not a cell.
        return Array(cells.dropFirst().dropLast()).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// Problems of a Markdown document: leftover Mustache tags, empty cells, rows whose cell count
    /// differs from their header's.
    static func problems(markdown: String, name: String) -> [String] {
        var out: [String] = []
        if markdown.contains("{{") || markdown.contains("}}") { out.append("\(name): leftover Mustache tag") }
        if markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append("\(name): empty document") }
        for table in tables(markdown) {
            let width = table[0].count
            for row in table {
                if row.count != width { out.append("\(name): row has \(row.count) cells, header has \(width): \(row)") }
                if let i = row.firstIndex(where: \.isEmpty), !(i == 0 && row == table[0]) {
                    out.append("\(name): empty cell \(i + 1) in \(row)")
                }
            }
        }
        return out
    }

    /// Problems of an HTML page: leftover tags, an incomplete page, no icon or robots tag, a cell's
    /// `align` attribute and, unless `emptyCellsAllowed` (the dashboard's chart tables leave cohort
    /// cells without data empty), empty table cells.
    static func problems(html: String, name: String, emptyCellsAllowed: Bool = false) -> [String] {
        var out: [String] = []
        if html.contains("{{") || html.contains("}}") { out.append("\(name): leftover Mustache tag") }
        if !html.contains("</html>") { out.append("\(name): not a complete page") }
        // Without one a browser asks the server for /favicon.ico (a 404 in every log) and shows a blank tab.
        if !html.contains("<link rel=\"icon\" href=\"data:image/svg+xml,") { out.append("\(name): no icon of its own") }
        // Customer ids and figures: a site published where search engines reach it stays out of them.
        if !html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">") { out.append("\(name): search engines not kept out") }
        if !emptyCellsAllowed, html.range(of: "<t[dh][^>]*>\\s*</t[dh]>", options: .regularExpression) != nil {
            out.append("\(name): empty table cell")
        }
        // HTML5 has no align attribute on cells (TableMarkup turns cmark's into classes).
        if html.range(of: "<t[dh][^>]* align=", options: .regularExpression) != nil { out.append("\(name): a table cell with the obsolete align attribute") }
        out += misalignedHeaders(html).map { "\(name): header \"\($0)\" not aligned with its right-aligned numbers" }
        return out
    }

    /// The headers of table columns whose body cells are all right-aligned (`class="num"`) while
    /// the header itself is not.
    static func misalignedHeaders(_ html: String) -> [String] {
        func matches(_ regex: NSRegularExpression, in text: String) -> [String] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
        }
        func rightAligned(_ cell: String) -> Bool {
            let open = cell.prefix { $0 != ">" }
            return open.contains("class=\"num\"")
        }
        var found: [String] = []
        for table in matches(TableRegex.table, in: html) {
            guard let head = matches(TableRegex.head, in: table).first,
                  let body = matches(TableRegex.body, in: table).first else { continue }
            let headers = matches(TableRegex.header, in: head)
            let rows = matches(TableRegex.row, in: body).map { matches(TableRegex.cell, in: $0) }
            guard !rows.isEmpty, rows.allSatisfy({ $0.count == headers.count }) else { continue }
            for (i, header) in headers.enumerated() where !rightAligned(header) && rows.allSatisfy({ rightAligned($0[i]) }) {
                found.append(header.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression))
            }
        }
        return found
    }

    /// The parts of an HTML table `misalignedHeaders` reads, compiled once.
    private enum TableRegex {
        static func make(_ pattern: String) -> NSRegularExpression {
            try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        }
        static let table = make("<table.*?</table>"), head = make("<thead>.*?</thead>"), body = make("<tbody>.*?</tbody>")
        static let header = make("<th[ >].*?</th>"), row = make("<tr>.*?</tr>"), cell = make("<t[dh][ >].*?</t[dh]>")
    }
}
