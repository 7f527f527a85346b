import ReportModel

/// The argument parser's own text for a usage error (`Error: …`, `Help:  …`, `Usage: …`,
/// `  See 'fidelis-report build --help' for more information.`) in French where messages are
/// (`MessageLanguage`): its frame, and its messages for an unknown option, a missing or invalid
/// value, a value given to a flag, and an unexpected or missing argument. The usage synopsis and
/// the option names stay as they are; the options' help texts and the tool's own messages inside
/// (`ValidationError`s) are in French where they are written (`bilingual`).
enum ParserErrorText {
    /// `text` as the parser wrote it, in the messages' language.
    static func inMessageLanguage(_ text: String) -> String {
        guard MessageLanguage.current == .fr else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { french(String($0)) }.joined(separator: "\n")
    }

    /// One line of the parser's text in French.
    static func french(_ line: String) -> String {
        if line.hasPrefix("Error: ") { return "Erreur\u{00A0}: " + frenchMessage(String(line.dropFirst("Error: ".count))) }
        if line.hasPrefix("Help:  ") { return "Aide\u{00A0}: " + line.dropFirst("Help:  ".count) }
        if line.hasPrefix("Usage: ") { return "Usage\u{00A0}: " + line.dropFirst("Usage: ".count) }
        if let m = line.wholeMatch(of: #/  See '(.+)' for more information\./#) { return "  Voir '\(m.1)' pour en savoir plus." }
        return line
    }

    /// The parser's message in French; any other (the tool's own) as it is.
    static func frenchMessage(_ message: String) -> String {
        if let m = message.wholeMatch(of: #/Unknown option '(.+?)'\. Did you mean '(.+)'\?/#) { return "option inconnue '\(m.1)'. Vouliez-vous dire '\(m.2)'\u{00A0}?" }
        if let m = message.wholeMatch(of: #/Unknown option '(.+)'/#) { return "option inconnue '\(m.1)'" }
        if let m = message.wholeMatch(of: #/Missing value for '(.+)'/#) { return "valeur manquante pour '\(m.1)'" }
        if let m = message.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "argument manquant\u{00A0}: '\(m.1)'" }
        if let m = message.wholeMatch(of: #/Unexpected argument '(.+)'/#) { return "argument inattendu '\(m.1)'" }
        if let m = message.wholeMatch(of: #/(\d+) unexpected arguments: (.+)/#) { return "\(m.1) arguments inattendus\u{00A0}: \(m.2)" }
        if let m = message.wholeMatch(of: #/The value '(.*?)' is invalid for '(.+?)'\. Please provide one of (.+)\./#) {
            return "la valeur '\(m.1)' n'est pas valable pour '\(m.2)'. Valeurs possibles\u{00A0}: \(m.3.replacingOccurrences(of: "' and '", with: "' et '"))."
        }
        if let m = message.wholeMatch(of: #/The value '(.*?)' is invalid for '(.+?)'(.*)/#) { return "la valeur '\(m.1)' n'est pas valable pour '\(m.2)'\(m.3)" }
        if let m = message.wholeMatch(of: #/The option '(.+?)' does not take any value, but '(.*)' was specified\./#) {
            return "l'option '\(m.1)' ne prend pas de valeur, mais '\(m.2)' a été donné."
        }
        return message
    }
}
