/// A customer's text cut to a length that reads well in a list of quotes: at most `limit`
/// characters, ending on a word when one ends in the last fifth, then "…". The pages quote five
/// verbatims per area, and a 5,000-character complaint pasted into a CRM field filled the screen.
public enum TextExcerpt {
    /// The longest quote shown in full, in characters (a long tweet).
    public static let limit = 280

    /// `text` when it is at most `limit` characters, else its excerpt.
    public static func of(_ text: String, limit: Int = TextExcerpt.limit) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        // End on a word when a space falls in the last fifth; a single long word is cut anywhere.
        let floor = head.index(head.startIndex, offsetBy: limit * 4 / 5)
        var end = head.endIndex
        if let space = head[floor...].lastIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) { end = space }
        var cut = head[..<end]
        while let last = cut.last, last.isWhitespace || ",;:-–—".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
