import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Markdown → HTML through libcmark-gfm, with the GFM table, strikethrough and tag-filter extensions,
/// in safe mode (raw HTML and `javascript:` links are not rendered). Autolinks are left off so that
/// a URL typed by a customer never becomes a live link on the site (a renderer with autolinks, such
/// as GitHub's, links it in the downloaded Markdown).
public enum MarkdownRenderer {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Renders a GFM document to an HTML fragment.
    public static func html(_ markdown: String) -> String {
        _ = registered
        let options = fidelis_cmark_options()
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return HeadingAnchors.apply(TableMarkup.apply(String(cString: rendered)))
    }

    /// Escapes a value so Markdown shows it literally wherever a template puts it (mid-line, at the
    /// start of a line or list item, in a table cell): no emphasis, code, links, HTML, entities,
    /// headings, lists, quotes, code blocks or table breaks.
    ///
    /// A character is escaped only where it would be read as Markdown, so that the Markdown files
    /// stakeholders download stay readable ("NPS < 30", "> 85.0%", "Rien à redire !" as they are):
    /// - always: `\` `` ` `` `*` `_` `[` `]` `|` `~` `$` (`$` for viewers that read `$…$` as math),
    ///   but `_` between two ASCII letters or digits (`vip_whales`), where it cannot mark emphasis
    ///   in CommonMark and GFM;
    /// - `<` but before a blank (it could open a tag, a comment or an autolink), `&` before a letter
    ///   or `#` (an entity), and either one at the end of the value (the template's next character
    ///   is unknown);
    /// - at the value's start, which may be a line's: `>` `#` `=`, `-` or `+` before a space or the
    ///   end (`-` also before `-`), and the `.` or `)` of `1.` / `1)` before a space or the end;
    /// - at the value's end, which may be a heading's: the first `#` of a run of them after a blank
    ///   (`## {{title}}` with "Top #" lost its "#" as the heading's closing sequence).
    /// Line breaks become spaces and the value's leading and trailing blanks are dropped (four
    /// leading spaces would start a code block, two trailing ones a line break).
    ///
    /// Works on UTF-8 bytes (every character it changes is ASCII, and ASCII bytes never occur inside
    /// a multi-byte sequence); text with nothing to escape, most of it, is returned as it is.
    /// Iterating `Character`s made this 2 % of a 100 k × 12 build's instructions (callgrind).
    public static func escape(_ text: String) -> String {
        let plain = text.utf8.withContiguousStorageIfAvailable { isPlain($0) } ?? isPlain(Array(text.utf8))
        if plain { return text }
        return Array(text.utf8).withUnsafeBufferPointer { all -> String in
            var from = 0, to = all.count
            while from < to && isBlank(all[from]) { from += 1 }
            while to > from && isBlank(all[to - 1]) { to -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: all[from..<to])
            let n = bytes.count
            let escapedAtStart = startEscape(bytes), escapedAtEnd = endEscape(bytes)
            var out: [UInt8] = []
            out.reserveCapacity(n + 8)
            var i = 0
            while i < n {
                let b = bytes[i]
                let next: UInt8? = i + 1 < n ? bytes[i + 1] : nil
                switch b {
                case UInt8(ascii: "_") where i > 0 && isAlphanumeric(bytes[i - 1]) && next.map(isAlphanumeric) == true:
                    // Between two letters or digits `_` can neither open nor close emphasis in
                    // CommonMark and GFM (older Markdown readers, such as pandoc's strict one, differ); left
                    // bare, an id (`vip_whales`) and a URL in a verbatim read as written in plain text,
                    // and a renderer that links URLs (GitHub's) keeps the link whole.
                    out.append(b)
                case _ where isAlwaysEscaped(b):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case UInt8(ascii: "<"):
                    // Before anything but a blank it could open a tag, a comment or an autolink
                    // (`<0@a>` is an e-mail link).
                    if next.map({ !isBlank($0) }) ?? true {
                        out.append(UInt8(ascii: "\\"))
                    }
                    out.append(b)
                case UInt8(ascii: "&"):
                    if next.map({ isLetter($0) || $0 == UInt8(ascii: "#") }) ?? true { out.append(UInt8(ascii: "\\")) }
                    out.append(b)
                case UInt8(ascii: "\r"):
                    // A CRLF pair is one line break: one space.
                    out.append(UInt8(ascii: " "))
                    if next == UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: "\n"):
                    out.append(UInt8(ascii: " "))
                default:
                    if i == escapedAtStart || i == escapedAtEnd { out.append(UInt8(ascii: "\\")) }
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// True when `escape` would return `bytes` unchanged.
    private static func isPlain<C: BidirectionalCollection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if isBlank(first) || isBlank(last) { return false }
        for b in bytes where isAlwaysEscaped(b) || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "&") {   // `<` and `&` are rare in values: the slow path decides
            return false
        }
        return startEscape(bytes) == nil && endEscape(bytes) == nil
    }

    /// The offset of the `#` that would start an ATX heading's closing sequence at the value's end
    /// (a run of `#` after a blank), if any.
    private static func endEscape<C: BidirectionalCollection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        var k = bytes.endIndex
        while k > bytes.startIndex && bytes[k - 1] == UInt8(ascii: "#") { k -= 1 }
        guard k < bytes.endIndex, k > bytes.startIndex, isBlank(bytes[k - 1]) else { return nil }
        return k - bytes.startIndex
    }

    /// The offset of the one character that would start a block construct at the value's start
    /// (a quote, heading, setext underline, list item or thematic break), if any.
    private static func startEscape<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        guard let first = bytes.first else { return nil }
        let start = bytes.startIndex, n = bytes.count
        // A line break inside the value becomes a space.
        func endsMarker(_ k: Int) -> Bool { k >= n || isBlank(bytes[start + k]) }
        switch first {
        case UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "="):
            return 0
        case UInt8(ascii: "-"):
            return endsMarker(1) || bytes[start + 1] == UInt8(ascii: "-") ? 0 : nil
        case UInt8(ascii: "+"):
            return endsMarker(1) ? 0 : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var k = 1
            while k < n && k < 10 && bytes[start + k] >= UInt8(ascii: "0") && bytes[start + k] <= UInt8(ascii: "9") { k += 1 }
            guard k < n, k <= 9, bytes[start + k] == UInt8(ascii: ".") || bytes[start + k] == UInt8(ascii: ")") else { return nil }
            return endsMarker(k + 1) ? k : nil
        default:
            return nil
        }
    }

    /// The characters escaped wherever they stand.
    @inline(__always)
    private static func isAlwaysEscaped(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private static func isBlank(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n")
    }

    @inline(__always)
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }
}
