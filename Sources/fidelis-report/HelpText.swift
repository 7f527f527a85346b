import ReportModel

/// The argument parser's help (`--help`, `help COMMAND`) in French where messages are
/// (`MessageLanguage`): its frame (`OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:`,
/// the closing `See '…' for detailed help.`), its `(default: …)` and `(values: …)` notes and its
/// own `--version` and `--help` lines. The commands' texts are in French where they are written
/// (`bilingual`); the synopsis, the option names and their value names stay as they are.
enum HelpText {
    /// `text` as the parser wrote it, in the messages' language.
    static func inMessageLanguage(_ text: String) -> String {
        guard MessageLanguage.current == .fr else { return text }
        let nbsp = "\u{00A0}"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (english, french) in headings where line.hasPrefix(english) {
                return french + line.dropFirst(english.count)
            }
            if let m = line.wholeMatch(of: #/  See '(.+) help <subcommand>' for detailed help\./#) {
                return "  Voir '\(m.1) help <sous-commande>' pour l'aide détaillée."
            }
            return line
                .replacingOccurrences(of: "Show the version.", with: "Afficher la version.")
                .replacingOccurrences(of: "Show help information.", with: "Afficher cette aide.")
        }.joined(separator: "\n")
        // The notes the parser adds after a help text, wrapped with it: a line break may follow the colon.
        lines.replace(#/\(default:(\s)/#) { "(par défaut\(nbsp):\($0.1)" }
        lines.replace(#/\(values:(\s)/#) { "(valeurs\(nbsp):\($0.1)" }
        return lines
    }

    /// Whether `text` is the parser's help (rather than a version or a `--experimental-dump-help`).
    static func isHelp(_ text: String) -> Bool {
        text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ")
    }

    /// The frame's headings, each with what follows it on its line.
    static let headings = [
        ("OVERVIEW: ", "DESCRIPTION\u{00A0}: "), ("USAGE: ", "USAGE\u{00A0}: "), ("ARGUMENTS:", "ARGUMENTS\u{00A0}:"),
        ("OPTIONS:", "OPTIONS\u{00A0}:"), ("SUBCOMMANDS:", "SOUS-COMMANDES\u{00A0}:"),
    ]
}
