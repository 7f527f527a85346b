/// Escaping and identifier helpers for SVG/XML output.
public enum SVGEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in XML text or attribute values.
    ///
    /// Characters that XML 1.0 forbids (C0/C1 controls other than whitespace, U+FFFE, U+FFFF)
    /// are dropped; tabs and line breaks become spaces.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Reduces `id` to the characters `[A-Za-z0-9_-]` (others become `-`), so it can prefix element ids.
    ///
    /// The result always starts with a letter (`c` is prepended when needed) and is never empty.
    public static func sanitizeID(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": out.unicodeScalars.append(scalar)
            default: out += "-"
            }
        }
        if let first = out.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) {
            return out
        }
        return "c" + out
    }
}
