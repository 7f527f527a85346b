import ReportModel

/// The value names the options' help and usage show (`--out <dir>`; `--out <dossier>` in a French
/// console): read when the help is made, after the console's language is set.
enum HelpValueName {
    static var folder: String { bilingual("dir", "dossier") }
    static var file: String { bilingual("file", "fichier") }
}
