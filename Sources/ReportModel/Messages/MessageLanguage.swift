/// The language of what the tool says on the console (progress, summaries, warnings, errors),
/// apart from the report's own language (the config's `locale` or `--locale`): French when the
/// POSIX locale variables ask for it, English otherwise. The first of `LC_ALL`, `LC_MESSAGES` and
/// `LANG` that is set and not empty decides, as it does for git and the system's tools:
/// `fr_FR.UTF-8` (a French desktop) gives French, and `C.UTF-8` (most CI runners, so that logs and
/// the scripts that read them stay the same) English.
public enum MessageLanguage {
    /// The language of the messages made from now on. Set once by the command line from the
    /// environment, before any other work (so before any thread reads it); English otherwise
    /// (library use, the tests).
    nonisolated(unsafe) public static var current: ReportLocale = .en

    /// The language the locale variables of `environment` ask for.
    public static func of(environment: [String: String]) -> ReportLocale {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("fr") ? .fr : .en
    }

    /// `warning: ` / `avertissement : `, before each warning on the console.
    public static var warningPrefix: String { bilingual("warning: ", "avertissement\u{00A0}: ") }

    /// `error: ` / `erreur : `, before each error that has no `FILE:LINE:COLUMN` of its own.
    public static var errorPrefix: String { bilingual("error: ", "erreur\u{00A0}: ") }
}

/// `english`, or `french` when the messages are in French (`MessageLanguage.current`): each message
/// is written in both languages where it is made. French takes a no-break space (U+00A0) before
/// `:`, `?` and `!` and inside « », a narrow one (U+202F) before `;` and `%`; ids, column names,
/// config keys, options and paths stay as they are.
public func bilingual(_ english: String, _ french: @autoclosure () -> String) -> String {
    MessageLanguage.current == .fr ? french() : english
}
