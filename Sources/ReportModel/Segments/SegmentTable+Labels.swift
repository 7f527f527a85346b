extension SegmentTable {
    /// The segment's display name: its configured `name`, else the seed's name for the six, else
    /// its id; for the migration matrix's own row and column (`new`, `gone`), theirs.
    public func name(_ id: String, _ locale: ReportLocale) -> String {
        switch id {
        case MigrationMatrix.newRow: return MigrationMatrix.newRowName.text(locale)
        case MigrationMatrix.goneColumn: return MigrationMatrix.goneColumnName.text(locale)
        default: return labels[id]?.name?.text(locale) ?? SegmentCatalog.name(id, locale)
        }
    }

    /// The segment's priority action: its configured `action`, else the seed's for the six.
    public func action(_ id: String, _ locale: ReportLocale) -> String? {
        labels[id]?.action?.text(locale) ?? SegmentCatalog.action(id, locale)
    }

    /// The segment's profile: the seed's arrows for the six under the seed's rules (`R↑ F↑ M↑`),
    /// else the score ranges of its rules (`R4–5 F5 M5`, rules joined by ` / `), which say what its
    /// customers are (the arrows of a seed segment whose rules were changed no longer did).
    public func profile(_ id: String) -> String {
        let own = rules.filter { $0.segment == id }
        if let seed = SegmentCatalog.entries[id]?.profile, own == SegmentTable.seed.rules.filter({ $0.segment == id }) { return seed }
        return own.map { rule in
            [("R", rule.recency), ("F", rule.frequency), ("M", rule.monetary)].map { letter, range in
                letter + (range.lower == range.upper ? "\(range.lower)" : "\(range.lower)–\(range.upper)")
            }.joined(separator: " ")
        }.joined(separator: " / ")
    }
}
