import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Markdown → HTML through libcmark-gfm, with the GFM table, strikethrough and tag-filter extensions,
/// in safe mode (raw HTML and `javascript:` links are not rendered). Autolinks are left off so that
/// a URL typed by a customer never becomes a live link.
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
        return String(cString: rendered)
    }

    /// Escapes text so Markdown shows it literally: no emphasis, links, HTML, headings or table breaks.
    ///
    /// Works on UTF-8 bytes (every character it changes is ASCII, and ASCII bytes never occur inside
    /// a multi-byte sequence); text with nothing to escape, most of it, is returned as it is.
    /// Iterating `Character`s made this 2 % of a 100 k × 12 build's instructions (callgrind).
    public static func escape(_ text: String) -> String {
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) }
            ?? text.utf8.contains(where: isSpecial)
        guard needsEscaping else { return text }
        return Array(text.utf8).withUnsafeBufferPointer { bytes -> String in
            let first = bytes.firstIndex(where: isSpecial) ?? bytes.count
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            out.append(contentsOf: bytes[..<first])
            var i = first
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "<"),
                     UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "~"), UInt8(ascii: "$"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case UInt8(ascii: "\r"):
                    // A CRLF pair is one line break: one space.
                    out.append(UInt8(ascii: " "))
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: "\n"):
                    out.append(UInt8(ascii: " "))
                default:
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `escape` changes the byte.
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            return true
        default:
            return false
        }
    }
}
