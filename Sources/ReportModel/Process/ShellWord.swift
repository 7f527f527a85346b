/// A path as one shell word, for the commands messages suggest: as it is when it holds only
/// characters no shell reads specially, else in single quotes (`'team report/templates'`), so
/// that the suggestion can be pasted.
public enum ShellWord {
    public static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_./:@%+=,".unicodeScalars.contains($0)) && $0.isASCII
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
