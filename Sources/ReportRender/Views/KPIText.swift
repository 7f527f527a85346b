import ReportModel

/// Names, definitions and value formatting of the KPIs, per locale.
enum KPIText {
    /// A KPI's name inside a sentence: its first letter lower-cased, unless it is an acronym
    /// ("taux de rétention", but "NPS", "CSAT").
    static func inSentence(_ name: String) -> String {
        guard let first = name.first, let second = name.dropFirst().first, second.isLowercase else { return name }
        return first.lowercased() + name.dropFirst()
    }

    static func name(_ key: KPIKey, _ l: ReportLocale) -> String {
        switch (key, l) {
        case (.retentionRate, .fr): return "Taux de rétention"
        case (.retentionRate, .en): return "Retention rate"
        case (.churnRate, .fr): return "Churn"
        case (.churnRate, .en): return "Churn rate"
        case (.ltv, .fr): return "LTV historique"
        case (.ltv, .en): return "Historical LTV"
        case (.ltvGrowthYoY, .fr): return "Croissance LTV sur un an"
        case (.ltvGrowthYoY, .en): return "LTV growth year on year"
        case (.nps, _): return "NPS"
        case (.csat, _): return "CSAT"
        case (.csatSatisfiedShare, .fr): return "Part de clients satisfaits (CSAT 4–5)"
        case (.csatSatisfiedShare, .en): return "Satisfied share (CSAT 4–5)"
        case (.ces, _): return "CES"
        case (.repeatPurchaseRate, .fr): return "Taux de réachat"
        case (.repeatPurchaseRate, .en): return "Repeat purchase rate"
        }
    }

    /// Whether a higher value of `key` is the better one (churn and customer effort: lower).
    static func higherIsBetter(_ key: KPIKey) -> Bool { key != .churnRate && key != .ces }

    static func definition(_ key: KPIKey, _ l: ReportLocale, window: Int) -> String {
        let fr = l == .fr
        switch key {
        case .retentionRate: return fr ? "Nombre de clients actifs au relevé précédent et encore actifs à celui-ci, divisé par le nombre d'actifs du relevé précédent (actif : statut « active », ou dernière commande il y a \(window) jours au plus)." : "Customers active at the previous snapshot who are still active, divided by those active at the previous snapshot (active: status active, or last order at most \(window) days before)."
        case .churnRate: return fr ? "Nombre de clients actifs au relevé précédent qui ne le sont plus, divisé par le nombre d'actifs du relevé précédent (= 1 − rétention)." : "Customers active at the previous snapshot who are no longer active, divided by those active before (= 1 − retention)."
        case .ltv: return fr ? "Chiffre d'affaires cumulé divisé par le nombre d'acheteurs (commandes ≥ 1)." : "Cumulative revenue divided by the number of buyers (orders ≥ 1)."
        case .ltvGrowthYoY: return fr ? "LTV du relevé divisée par celle du relevé d'il y a un an (365 ± 16 jours), moins 1." : "LTV of this snapshot divided by that of the snapshot a year before (365 ± 16 days), minus 1."
        case .nps: return fr ? "100 × (réponses 9–10 − réponses 0–6) / réponses, sur les réponses NPS de la période." : "100 × (answers 9–10 − answers 0–6) / answers, over the period's NPS answers."
        case .csat: return fr ? "Moyenne des réponses CSAT (1–5) de la période." : "Mean of the period's CSAT answers (1–5)."
        case .csatSatisfiedShare: return fr ? "Part des réponses CSAT à 4 ou 5." : "Share of CSAT answers that are 4 or 5."
        case .ces: return fr ? "Moyenne des réponses CES (1–7) de la période ; plus il est bas, mieux c'est." : "Mean of the period's CES answers (1–7); lower is better."
        case .repeatPurchaseRate: return fr ? "Nombre d'acheteurs ayant au moins 2 commandes, divisé par le nombre d'acheteurs." : "Buyers with at least 2 orders divided by buyers."
        }
    }

    /// The value as shown (percent, money, score).
    static func format(_ key: KPIKey, _ value: Double?, _ f: ReportFormatter) -> String {
        switch key {
        case .retentionRate, .churnRate, .csatSatisfiedShare, .repeatPurchaseRate: return f.percent(value)
        case .ltvGrowthYoY: return f.signedPercent(value)
        case .ltv: return f.money(value)
        case .nps: return f.number(value, decimals: 1)
        case .csat, .ces: return f.number(value, decimals: 2)
        }
    }

    /// The target as shown (`> 85.0%`, `< 5.0%`), or a dash.
    static func target(_ key: KPIKey, _ target: KPITarget, _ f: ReportFormatter) -> String {
        guard let v = target.value else { return "—" }
        let sign = target.direction == .above ? ">" : "<"
        switch key {
        case .ltvGrowthYoY: return sign + " " + f.signedPercent(v, decimals: 0)
        default: return sign + " " + format(key, v, f)
        }
    }

    /// The survey column whose absence is why `k` has no value: the column it is read from, when
    /// `k` has no data and that column is one of `missing` (the columns the input lacks); else nil.
    static func missingColumn(_ k: KPIValue, _ missing: Set<SnapshotColumn>) -> SnapshotColumn? {
        guard k.status == .noData else { return nil }
        let column: SnapshotColumn? = switch k.key {
        case .nps: .nps
        case .csat, .csatSatisfiedShare: .csat
        case .ces: .ces
        default: nil
        }
        return column.flatMap { missing.contains($0) ? $0 : nil }
    }

    /// `no nps column` (`pas de colonne nps`; capitalised, for a card's label): why a KPI read from
    /// a missing column has no value.
    static func noColumn(_ column: SnapshotColumn, _ l: ReportLocale, capitalized: Bool = false) -> String {
        switch (l, capitalized) {
        case (.fr, false): "pas de colonne \(column.rawValue)"
        case (.fr, true): "Pas de colonne \(column.rawValue)"
        case (.en, false): "no \(column.rawValue) column"
        case (.en, true): "No \(column.rawValue) column"
        }
    }

    /// A KPI card's status: the missing column when that is why the KPI has no value (`missing`, the
    /// columns the input lacks), else the status's own words.
    static func cardStatus(_ k: KPIValue, missing: Set<SnapshotColumn>, _ l: ReportLocale) -> String {
        if let column = missingColumn(k, missing) { return noColumn(column, l, capitalized: true) }
        return status(k.status, l)
    }

    static func status(_ s: KPIStatus, _ l: ReportLocale) -> String {
        switch (s, l) {
        case (.onTarget, .fr): return "✓ Dans la cible"
        case (.onTarget, .en): return "✓ On target"
        case (.offTarget, .fr): return "⚠ Hors cible"
        case (.offTarget, .en): return "⚠ Off target"
        case (.noData, .fr): return "Pas de données"
        case (.noData, .en): return "No data"
        case (.noTarget, .fr): return "Sans cible"
        case (.noTarget, .en): return "No target"
        }
    }
}
