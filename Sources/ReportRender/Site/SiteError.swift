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
            return "\(p): refusing to replace a non-empty folder that is not a fidelis-report site (no .fidelis-site marker); choose another --out or empty it"
        case .refused(let p, let why): return "\(p): refusing to write the site: \(why)"
        case .cannotWrite(let p, let why): return "\(p): cannot write: \(why)"
        }
    }
}
