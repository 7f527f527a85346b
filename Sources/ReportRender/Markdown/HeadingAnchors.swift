import Foundation

/// Gives each heading libcmark-gfm renders an `id`, made from its text as GitHub makes it
/// (lowercase, letters, digits, `-` and `_` kept, spaces as `-`, a repeated one numbered `-1`, `-2`
/// as github-slugger does):
/// a link `diagnostic.md#kpis-against-target` then lands on its section in the page as on GitHub,
/// and a section of a deliverable can be linked to. cmark gives headings no id.
///
/// Works on cmark's HTML, whose heading tags are its own and bare (`<h2>`): the text inside is
/// escaped (safe mode), so a heading ends at its `</hN>`.
enum HeadingAnchors {
    static func apply(_ html: String) -> String {
        let b = Array(html.utf8)
        var out: [UInt8] = []
        var used: Set<String> = [], counts: [String: Int] = [:]
        var i = 0, copied = 0
        while i + 4 <= b.count {
            // `<hN>` with N from 1 to 6.
            guard b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(b[i + 2]),
                  b[i + 3] == UInt8(ascii: ">") else { i += 1; continue }
            let close = Array("</h".utf8) + [b[i + 2], UInt8(ascii: ">")]
            var end = i + 4
            while end + close.count <= b.count && !b[end..<(end + close.count)].elementsEqual(close) { end += 1 }
            guard end + close.count <= b.count else { break }
            var slug = slug(of: String(decoding: b[(i + 4)..<end], as: UTF8.self))
            if slug.isEmpty { slug = "section" }
            // As github-slugger numbers them: the next `-n` not taken yet, by any heading.
            if used.contains(slug) {
                let base = slug
                repeat { counts[base, default: 0] += 1; slug = base + "-\(counts[base]!)" } while used.contains(slug)
            }
            used.insert(slug)
            if out.isEmpty { out.reserveCapacity(b.count + 512) }
            out.append(contentsOf: b[copied..<(i + 3)])
            out.append(contentsOf: " id=\"\(slug)\"".utf8)
            copied = i + 3
            i = end + close.count
        }
        guard copied > 0 else { return html }
        out.append(contentsOf: b[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The anchor GitHub makes of a heading's HTML: its text without tags and with the entities
    /// cmark writes read back, lowercased, keeping letters, digits, `-`, `_` and spaces (as `-`).
    static func slug(of html: String) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" && inTag { inTag = false } else if !inTag { text.append(ch) }
        }
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: ch)
        }
        var slug = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { slug.append(ch) } else if ch == " " { slug.append("-") }
        }
        return slug
    }
}
