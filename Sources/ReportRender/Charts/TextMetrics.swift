/// Approximate text measurement for layout (the page font is inherited, so widths are estimates
/// for a typical sans-serif, erring on the wide side).
enum TextMetrics {
    /// Estimated rendered width of `text` in user units.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return ems * fontSize * (bold ? 1.1 : 1.0)
    }

    /// Advance width of one character in ems, close to DejaVu Sans / Verdana (wide fonts), so that
    /// narrower fonts such as Arial or system-ui only leave a little slack.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", ".", ",", ":", ";", "'", "|", "!", "\u{2019}": return 0.3
        case " ", "\u{00A0}", "\u{202F}", "\u{2009}": return 0.32
        case "f", "t", "r", "(", ")", "[", "]", "-", "/", "I", "J": return 0.42
        case "m", "M", "W", "%", "@", "\u{2026}", "\u{2014}": return 0.98
        case "w": return 0.82
        case "A"..."Z": return 0.74
        case "0"..."9": return 0.64
        case "a"..."z": return 0.62
        default:
            let v = scalar.value
            if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || v >= 0x1F300 {
                return 1.0
            }
            return 0.66
        }
    }

    /// `text` shortened with a trailing `…` so it fits `maxWidth` (unchanged if it already fits and
    /// `forceEllipsis` is false). Linear in the length of `text`.
    static func truncate(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, forceEllipsis: Bool = false) -> String {
        if !forceEllipsis && width(text, fontSize: fontSize, bold: bold) <= maxWidth { return text }
        let budget = maxWidth - width("…", fontSize: fontSize, bold: bold)
        var kept = ""
        var used = 0.0
        for ch in text {
            let w = width(String(ch), fontSize: fontSize, bold: bold)
            if used + w > budget { break }
            kept.append(ch)
            used += w
        }
        return kept.trimmingTrailingSpaces() + "…"
    }

    /// The spaces a line is not broken at: no-break, narrow no-break and figure spaces.
    static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]

    /// Greedy word wrap into at most `maxLines` lines of at most `maxWidth`; overlong words are
    /// broken, and text beyond the last line is cut with `…`. Empty text gives no lines.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int) -> [String] {
        guard maxLines > 0 else { return [] }
        // Broken at spaces, not at no-break ones (French puts them before `:` and `%`): they stay in
        // the word, and in the SVG.
        let words = text.split(whereSeparator: { $0.isWhitespace && !TextMetrics.noBreakSpaces.contains($0) }).map(String.init)
        let space = width(" ", fontSize: fontSize, bold: bold)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in words {
            if lines.count > maxLines { break }
            let wordWidth = width(word, fontSize: fontSize, bold: bold)
            if current.isEmpty && wordWidth <= maxWidth {
                current = word
                currentWidth = wordWidth
                continue
            }
            if !current.isEmpty && currentWidth + space + wordWidth <= maxWidth {
                current += " " + word
                currentWidth += space + wordWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            currentWidth = 0
            for ch in word {
                let w = width(String(ch), fontSize: fontSize, bold: bold)
                if !current.isEmpty && currentWidth + w > maxWidth {
                    lines.append(current)
                    if lines.count > maxLines { break }
                    current = ""
                    currentWidth = 0
                }
                current.append(ch)
                currentWidth += w
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            var kept = Array(lines.prefix(maxLines))
            kept[maxLines - 1] = truncate(kept[maxLines - 1] + " " + lines[maxLines], maxWidth: maxWidth,
                                          fontSize: fontSize, bold: bold, forceEllipsis: true)
            return kept
        }
        return lines
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
