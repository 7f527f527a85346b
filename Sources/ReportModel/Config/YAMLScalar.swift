/// Text written into a YAML line that a message asks the user to paste into fidelis.yml.
public enum YAMLScalar {
    /// `text` as a YAML double-quoted scalar: a quote or backslash in a header name (`revenu"e`)
    /// escaped, so that the suggested `columns:` line loads (it was `{"revenu"e": revenue}`).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
