import ReportModel

/// Why a build stopped; each maps to an exit status of output.md.
public enum BuildFailure: Error, CustomStringConvertible {
    /// The input folder or file does not exist (exit 66).
    case inputMissing(String)
    /// The input data breaks the contract (exit 65).
    case badInput(InputErrors)
    /// The config file is invalid (exit 65): every problem found in it.
    case badConfig(InputErrors)
    /// A template cannot be used (exit 65).
    case badTemplate(TemplateError)
    /// The output folder was refused (exit 73).
    case site(SiteError)
    /// The tool's own files (its built-in templates) are not where it looks (exit 70).
    case incompleteInstall(String)
    /// `--strict`, and this many warnings (exit 65): nothing was written. `warnings` are the build's
    /// own (the input's and the templates'; the config's were said when it was read), for a quiet
    /// build to print: its log, where they went, printed nothing.
    case warningsUnderStrict(count: Int, warnings: [String])

    public var exitCode: Int32 {
        switch self {
        case .inputMissing: return 66
        case .badInput, .badConfig, .badTemplate, .warningsUnderStrict: return 65
        case .site: return 73
        case .incompleteInstall: return 70
        }
    }

    public var description: String {
        switch self {
        case .inputMissing(let what): return what
        case .badInput(let errors): return errors.description
        case .badConfig(let error): return error.description
        case .badTemplate(let error): return error.description
        case .site(let error): return error.description
        case .incompleteInstall(let what): return what
        case .warningsUnderStrict(let count, _): return bilingual("\(count) warning(s), and --strict: nothing was written, a site in place is left as it was (expected no warning, or a build without --strict)", "\(count) avertissement(s), et --strict\u{00A0}: rien n'a été écrit, un site en place est laissé tel quel (attendu\u{00A0}: aucun avertissement, ou une génération sans --strict)")
        }
    }
}
