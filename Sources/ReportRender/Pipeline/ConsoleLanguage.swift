import ReportModel

/// The language of what the tool says on the console, apart from the report's own language (the
/// config's `locale` or `--locale`): French when the POSIX locale variables ask for it, English
/// otherwise. The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty decides,
/// as it does for git and the system's tools: `fr_FR.UTF-8` (a French desktop) gives French, and
/// `C.UTF-8` (most CI runners, so that logs and the scripts that read them stay the same) English.
public enum ConsoleLanguage {
    public static func of(environment: [String: String]) -> ReportLocale {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("fr") ? .fr : .en
    }
}
