/// The language and number conventions of the report.
public enum ReportLocale: String, CaseIterable, Sendable {
    case en, fr
}
