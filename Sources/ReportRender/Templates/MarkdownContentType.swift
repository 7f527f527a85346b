import Mustache

/// Mustache content type for Markdown templates: `{{value}}` escapes Markdown syntax so customer
/// and config text is shown literally; `{{{value}}}` inserts Markdown as is.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownRenderer.escape(text) }

    /// Registers the type under the name `MARKDOWN` once.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        return true
    }()
}
