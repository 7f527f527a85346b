/// How dates are written in the input. There is no guessing between day-first and month-first.
public enum DateFormat: String, Sendable, CaseIterable {
    case iso = "yyyy-mm-dd"
    case dayFirst = "dd/mm/yyyy"
    case monthFirst = "mm/dd/yyyy"

    /// What a user should write, for error messages.
    public var example: String {
        switch self {
        case .iso: return bilingual("a date YYYY-MM-DD", "une date YYYY-MM-DD")
        case .dayFirst: return bilingual("a date DD/MM/YYYY", "une date DD/MM/YYYY")
        case .monthFirst: return bilingual("a date MM/DD/YYYY", "une date MM/DD/YYYY")
        }
    }
}
