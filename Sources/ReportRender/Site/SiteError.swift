import ReportModel

/// Why the site could not be written.
public enum SiteError: Error, Equatable, CustomStringConvertible {
    /// The output folder exists, is not empty and is not a fidelis-report site.
    case foreignFolder(String)
    /// The output path is a symbolic link, a file, or otherwise unusable.
    case refused(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .foreignFolder(let p):
            return bilingual("\(p): refusing to replace a non-empty folder that is not a fidelis-report site (no .fidelis-site marker); choose another --out or empty it", "\(p): refus de remplacer un dossier non vide qui n'est pas un site fidelis-report (pas de marqueur .fidelis-site)\u{202F}; choisissez un autre --out ou videz-le")
        case .refused(let p, let why): return bilingual("\(p): refusing to write the site: \(why)", "\(p): refus d'écrire le site\u{00A0}: \(why)")
        case .cannotWrite(let p, let why): return bilingual("\(p): cannot write: \(why)", "\(p): écriture impossible\u{00A0}: \(why)")
        }
    }
}
