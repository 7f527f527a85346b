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
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "#", "!", "|", "<", ">", "&", "~", "$":
                out.append("\\")
                out.append(ch)
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(ch)
            }
        }
        return out
    }
}
