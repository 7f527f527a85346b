import ReportModel

extension SegmentTable {
    /// The segment's name as pages show it: `name(_:_:)`, French with its no-break spaces (a
    /// configured "Stars !" was spaced one way in a playbook's heading and another in the tables).
    func displayName(_ id: String, _ locale: ReportLocale) -> String {
        let text = name(id, locale)
        return locale == .fr ? ReportFormatter.frenchTypography(text) : text
    }

    /// The segment's priority action as pages show it (see `displayName`).
    func displayAction(_ id: String, _ locale: ReportLocale) -> String? {
        guard let text = action(id, locale) else { return nil }
        return locale == .fr ? ReportFormatter.frenchTypography(text) : text
    }
}
