import ReportModel

/// The charts of a snapshot's dashboard, each with its data table, in the report's locale.
struct ChartSet {
    let report: SnapshotReport
    /// Earlier snapshots, oldest first.
    let history: [SnapshotReport]
    let locale: ReportLocale
    /// The segment table, for the segments' names (the seed's unless given).
    var segmentTable = SegmentTable.seed
    let format: ReportFormatter
    /// The activity window (days), which the cohort chart's note explains.
    var activityWindowDays = 90
    /// The snapshots' cadence (`SnapshotCadence.of`): quarterly ones put three months of a cohort's
    /// age in a column.
    var cadence = SnapshotCadence.monthly
    /// The width the charts are laid out for (`columnWidth`, or `compactWidth` for phones).
    var width = ChartSet.columnWidth
    /// Appended to every chart's id (the phone variants share the page with the others).
    var idSuffix = ""

    private var fr: Bool { locale == .fr }
    private var all: [SnapshotReport] { Array((history + [report]).suffix(ChartSet.trendSnapshots)) }

    /// Snapshots in the charts over time: the latest and the 23 before it (the dashboard says so
    /// when there are more).
    static let trendSnapshots = 24
    private var percent: @Sendable (Double) -> String {
        ChartFormat.percent(fractionDigits: 1, decimalSeparator: fr ? "," : ".", suffix: fr ? "\u{202F}%" : "%")
    }
    private var noData: String { fr ? "Pas de données" : "No data" }
    /// Between a tooltip's place and its value (French puts a no-break space before a colon).
    private var colon: String { fr ? "\u{00A0}: " : ": " }
    /// The x axis of the charts over time.
    private var snapshotAxisTitle: String { fr ? "Relevé" : "Snapshot" }

    /// One entry per chart: id, title, SVG markup (for a desktop column and for a phone), HTML
    /// table, and a note under the chart where its reading needs one (empty otherwise).
    func entries() -> [[String: Any]] {
        // Each chart is drawn a second time for phones: the column's 560-unit layout, scrolled
        // sideways in a 390 px screen, showed two thirds of each chart (the last months, the last
        // segments cut off).
        var compact = self
        compact.width = ChartSet.compactWidth
        compact.idSuffix = "-compact"
        return zip(charts(), compact.charts()).map { chart, small in
            let table = chart.dataTable()
            let note = note(chart.id)
            return ["id": chart.id, "title": table.caption, "svg": chart.svg(), "svg_compact": small.svg(),
                    "table": ChartSet.html(table), "note": note, "has_note": !note.isEmpty]
        }
    }

    /// The dashboard's charts, in order, laid out for `width`; without the NPS ones when no
    /// snapshot shown has an nps column.
    private func charts() -> [any SVGChart] {
        // Without an nps column in any snapshot shown (a ledger has none, input.md), the NPS charts
        // could only be empty: left out (the KPI cards say which column is missing).
        let surveys = all.contains { !$0.missingInputColumns.contains(.nps) }
        var charts: [any SVGChart] = []
        charts.append(trend(.retentionRate, id: "retention", formatter: percent))
        charts.append(trend(.churnRate, id: "churn", formatter: percent))
        if surveys { charts.append(trend(.nps, id: "nps-trend", formatter: ChartFormat.number(fractionDigits: 1, decimalSeparator: fr ? "," : "."))) }
        charts.append(trend(.repeatPurchaseRate, id: "repeat", formatter: percent))
        charts.append(segments())
        if surveys { charts.append(npsBreakdown()) }
        charts.append(rfGrid())
        charts.append(cohorts())
        if let migration = migration() { charts.append(migration) }
        return charts
    }

    /// Whether these are the phone variants.
    private var isCompact: Bool { !idSuffix.isEmpty }
    /// The heatmaps' width: their own 720 units on a desktop (scaled into the column), the phone's.
    private var heatmapWidth: Double { isCompact ? width : 720 }

    /// The width of the phone variants: a 390 px screen less the page's margins, so that their
    /// 12-unit text is drawn near 12 px.
    static let compactWidth = 350.0

    /// The width the dashboard's two-column charts are laid out for: about what a column shows on
    /// a desktop screen (two in 1,180 px), so that their 12-unit text is drawn near 12 px (laid
    /// out at 720 and scaled down, it was 9 px).
    static let columnWidth = 560.0

    func trend(_ key: KPIKey, id: String, formatter: @escaping @Sendable (Double) -> String) -> LineChart {
        let name = KPIText.name(key, locale)
        let target = report.kpi(key).target
        let values = all.map { $0.kpi(key).value }
        let description = (fr ? "\(name) par relevé" : "\(name) per snapshot") + (target.value.map { (fr ? ", cible " : ", target ") + KPIText.target(key, KPITarget($0, target.direction), format) } ?? "") + "."
        return LineChart(
            id: id + idSuffix, title: fr ? "Évolution du " + KPIText.inSentence(name) : "\(name) over time", description: description,
            xLabels: all.map(\.period.label), series: [ChartSeries(name: name, values: values)],
            xAxisTitle: snapshotAxisTitle, yAxisTitle: name,
            target: target.value.map { TargetLine(value: $0, label: (fr ? "cible " : "target ") + (target.direction == .above ? ">" : "<")) },
            noDataMessage: trendNoData(key), missingValueText: format.missing,
            // On a phone, the last value only: twelve labels in 250 units overlapped.
            pointLabels: isCompact ? .last : .auto, labelsTargetAtEnd: !isCompact,
            valueFormatter: formatter, labelColon: colon, width: width)
    }

    /// What an empty trend lacks: a second snapshot for retention and churn (or, with several, a
    /// customer active at one of them but the last), survey answers (and the input column that
    /// holds them) for NPS, CSAT and CES.
    func trendNoData(_ key: KPIKey) -> String {
        switch key {
        case .retentionRate, .churnRate:
            if all.count < 2 { return fr ? "Il faut au moins deux relevés" : "Needs at least two snapshots" }
            return fr ? "Aucun client actif à un relevé précédent" : "No customer active at an earlier snapshot"
        case .nps, .csat, .csatSatisfiedShare, .ces:
            let column = key == .csatSatisfiedShare ? "csat" : key.rawValue
            return fr ? "Aucune réponse d'enquête (colonne \(column))" : "No survey answers (column \(column))"
        default:
            return noData
        }
    }

    /// Each segment's share of the buyers and of the revenue so far and, when the model gave
    /// predicted values summing to more than zero, of the predicted CLV (`PredictedValueShares`):
    /// where the value lies now beside where it was made (a segment holding much of the revenue
    /// and little of the predicted value is being lost).
    func segments() -> GroupedBarChart {
        let names = report.segments.map { segmentTable.displayName($0.id, locale) }
        let predictedShares = PredictedValueShares.of(report.segments)
        var series = [
            ChartSeries(name: fr ? "% des acheteurs" : "% of buyers", values: report.segments.map(\.share)),
            ChartSeries(name: fr ? "% du CA" : "% of revenue", values: report.segments.map(\.revenueShare)),
        ]
        if let predictedShares { series.append(ChartSeries(name: fr ? "% de la CLV prédite" : "% of predicted CLV", values: predictedShares.map(Optional.some))) }
        let withPredicted = predictedShares != nil
        return GroupedBarChart(
            id: "segments" + idSuffix,
            title: withPredicted
                ? (fr ? "Segments\u{00A0}: part des acheteurs, du CA et de la valeur prédite" : "Segments: share of buyers, revenue and predicted value")
                : (fr ? "Segments\u{00A0}: part des acheteurs et du chiffre d'affaires" : "Segments: share of buyers and of revenue"),
            description: withPredicted
                ? (fr ? "Pour chaque segment RFM, la part des acheteurs, la part du chiffre d'affaires cumulé et la part de la CLV prédite (ce que le modèle attend des clients à l'horizon)."
                      : "For each RFM segment, its share of buyers, of cumulative revenue and of predicted CLV (what the model expects the customers to spend over the horizon).")
                : (fr ? "Pour chaque segment RFM, la part des acheteurs et la part du chiffre d'affaires cumulé." : "For each RFM segment, its share of buyers and its share of cumulative revenue."),
            categories: names,
            series: series,
            xAxisTitle: "Segment", yAxisTitle: fr ? "Part" : "Share", noDataMessage: noData,
            missingValueText: format.missing, valueFormatter: percent, labelColon: colon, width: width)
    }

    func npsBreakdown() -> StackedBarChart {
        // A phone's chart shows the last 12 snapshots: 24 bars made it grow to 593 units, then
        // scaled down to a phone, its text was drawn at 7 px (the data table keeps all of them).
        let all = isCompact ? Array(self.all.suffix(12)) : self.all
        return StackedBarChart(
            id: "nps-breakdown" + idSuffix, title: fr ? "NPS\u{00A0}: détracteurs, passifs, promoteurs" : "NPS: detractors, passives, promoters",
            description: fr ? "Répartition des réponses NPS par relevé (0–6 détracteurs, 7–8 passifs, 9–10 promoteurs)." : "NPS answers per snapshot: 0–6 detractors, 7–8 passives, 9–10 promoters.",
            xLabels: all.map(\.period.label),
            parts: [
                ChartSeries(name: fr ? "Détracteurs" : "Detractors", values: all.map { Double($0.nps.detractors) }, color: .vermillion),
                ChartSeries(name: fr ? "Passifs" : "Passives", values: all.map { Double($0.nps.passives) }, color: .grey),
                ChartSeries(name: fr ? "Promoteurs" : "Promoters", values: all.map { Double($0.nps.promoters) }, color: .bluishGreen),
            ],
            xAxisTitle: snapshotAxisTitle, yAxisTitle: fr ? "Part des réponses" : "Share of answers", normalized: true,
            noDataMessage: fr ? "Aucune réponse" : "No answers", missingValueText: format.missing, valueFormatter: percent,
            labelColon: colon, width: width)
    }

    func rfGrid() -> Heatmap {
        Heatmap(
            id: "rf-grid" + idSuffix, title: fr ? "Grille R × F (acheteurs)" : "R × F grid (buyers)",
            description: fr ? "Nombre d'acheteurs par note de récence (lignes, 5 = la plus récente) et de fréquence (colonnes)." : "Buyers per recency score (rows, 5 = most recent) and frequency score (columns).",
            rowLabels: (1...5).reversed().map { "R\($0)" }, columnLabels: (1...5).map { "F\($0)" },
            cells: (1...5).reversed().map { r in (1...5).map { f in Double(report.rfGrid[r - 1][f - 1]) } },
            rowAxisTitle: fr ? "Récence" : "Recency", columnAxisTitle: fr ? "Fréquence" : "Frequency",
            noDataMessage: noData, missingValueText: format.missing, valueFormatter: ChartFormat.number(),
            labelColon: colon, width: heatmapWidth)
    }

    func cohorts() -> Heatmap {
        let table = CohortTable(report.cohorts, cadence: cadence)
        // A phone's chart shows the first six months of each cohort (+0 to +5), its rows without
        // their sizes: the thirteen columns left cells too narrow for their percents (the data
        // table keeps them all).
        let columns = isCompact ? min(6, table.width) : table.width
        let quarters = table.monthsPerColumn > 1
        return Heatmap(
            id: "cohorts" + idSuffix, title: fr ? "Rétention par cohorte" : "Cohort retention",
            description: (fr ? "Part des clients de chaque cohorte (mois de la première commande) actifs k mois plus tard" : "Share of each cohort (month of first purchase) active k months later")
                + (quarters ? (fr ? " (relevés trimestriels\u{00A0}: trois mois par colonne)" : " (quarterly snapshots: three months to a column)") : "")
                + (columns < table.width ? (fr ? ", sur leurs \(columns) premiers mois." : ", over their first \(columns) months.") : "."),
            rowLabels: table.rows.map { isCompact ? "\($0.cohort)" : "\($0.cohort) (\(format.integer($0.size)))" }, columnLabels: Array(table.columnLabels.prefix(columns)),
            cells: table.rows.map { Array(table.cells($0).prefix(columns)) },
            rowAxisTitle: isCompact ? (fr ? "Cohorte" : "Cohort") : (fr ? "Cohorte (taille)" : "Cohort (size)"), columnAxisTitle: fr ? "Mois depuis la 1re commande" : "Months since first purchase",
            domain: 0...1, noDataMessage: noData, missingValueText: "", valueFormatter: ChartFormat.percent(fractionDigits: 0, decimalSeparator: fr ? "," : ".", suffix: fr ? "\u{202F}%" : "%"),
            labelColon: colon, width: heatmapWidth)
    }

    func migration() -> Heatmap? {
        guard let m = report.migration else { return nil }
        let label: (String) -> String = { segmentTable.displayName($0, self.locale) }
        return Heatmap(
            id: "migration" + idSuffix, title: fr ? "Migration entre segments depuis le relevé précédent" : "Segment migration since the previous snapshot",
            description: fr ? "Clients passés du segment en ligne (relevé précédent) au segment en colonne (ce relevé)." : "Customers moving from the row segment (previous snapshot) to the column segment (this snapshot).",
            rowLabels: m.from.map(label), columnLabels: m.to.map(label),
            cells: m.counts.map { $0.map(Double.init) },
            rowAxisTitle: fr ? "Avant" : "From", columnAxisTitle: fr ? "Maintenant" : "To",
            noDataMessage: noData, missingValueText: format.missing, valueFormatter: ChartFormat.number(),
            // "Champions → Lost: 5": a comma between the two names read ambiguously when a
            // configured name holds one ("Top: clients, Top: clients: 73").
            cellPlace: { from, to in "\(from) → \(to)" },
            tableCorner: fr ? "De → Vers" : "From → To",
            labelColon: colon, width: heatmapWidth)
    }

    /// What a reader needs to know to read chart `id` right: why every cohort starts at 100 %
    /// (activity is a window of days, not a purchase in the month), and why some frequency or
    /// recency scores of the R × F grid are empty (tied thresholds: equal values share a score).
    func note(_ id: String) -> String {
        switch id {
        case "cohorts" where !report.cohorts.isEmpty:
            let span = CohortTable.fullSpan(windowDays: activityWindowDays, locale: locale)
            let table = CohortTable(report.cohorts, cadence: cadence)
            let longest = report.cohorts.map(\.retention.count).max() ?? 0
            // Not every cohort or month shown: where the others are.
            let later = format.integer(max(table.months - 1, 0))
            let rowsCut = table.rows.count < report.cohorts.count, columnsCut = table.months < longest
            let shown: String
            switch (rowsCut, columnsCut) {
            case (true, true):
                shown = fr ? " Les \(format.integer(table.rows.count)) dernières des \(format.integer(report.cohorts.count)) cohortes sont montrées, jusqu'à \(later)\u{00A0}mois après leur premier mois\u{00A0}: toutes sont dans metrics.json."
                    : " The latest \(format.integer(table.rows.count)) of \(format.integer(report.cohorts.count)) cohorts are shown, up to \(later) months after their first month: all of them are in metrics.json."
            case (true, false):
                shown = fr ? " Les \(format.integer(table.rows.count)) dernières des \(format.integer(report.cohorts.count)) cohortes sont montrées\u{00A0}: toutes sont dans metrics.json."
                    : " The latest \(format.integer(table.rows.count)) of \(format.integer(report.cohorts.count)) cohorts are shown: all of them are in metrics.json."
            case (false, true):
                shown = fr ? " Les cohortes sont montrées jusqu'à \(later)\u{00A0}mois après leur premier mois\u{00A0}: tous les mois sont dans metrics.json."
                    : " Cohorts are shown up to \(later) months after their first month: every month is in metrics.json."
            case (false, false):
                shown = ""
            }
            return (fr ? "Actif\u{00A0}: dernière commande il y a \(activityWindowDays)\u{00A0}jours au plus (ou statut actif). Une cohorte reste donc active à 100\u{202F}% pendant environ \(span)\u{202F}; la baisse vient ensuite."
                : "Active: last order at most \(activityWindowDays) days before (or status active). A cohort therefore stays 100% active for about \(span); the fall comes after.")
                + shown
        case "rf-grid":
            return ChartSet.tiedThresholdsNote(report.thresholds, locale: locale, format: format)
        default:
            return ""
        }
    }

    /// Why some scores of the R × F grid are empty: tied recency or frequency thresholds (equal
    /// values share a score). "" when no threshold is tied.
    static func tiedThresholdsNote(_ t: RFMThresholds, locale: ReportLocale, format: ReportFormatter) -> String {
        let fr = locale == .fr
        func tied(_ t: [Int]) -> Bool { zip(t, t.dropFirst()).contains { $0 == $1 } }
        var parts: [String] = []
        if tied(t.frequency) { parts.append((fr ? "fréquence " : "frequency ") + t.frequency.map { format.integer($0) }.joined(separator: " · ")) }
        if tied(t.recencyDays) { parts.append((fr ? "récence " : "recency ") + t.recencyDays.map { format.integer($0) }.joined(separator: " · ")) }
        guard !parts.isEmpty else { return "" }
        return fr ? "Seuils égaux (\(parts.joined(separator: "\u{202F}; ")))\u{00A0}: les valeurs égales partagent une note, donc certaines colonnes ou lignes restent vides."
            : "Tied thresholds (\(parts.joined(separator: "; "))): equal values share a score, so some columns or rows stay empty."
    }

    /// The chart's numbers as an accessible HTML table (every cell escaped).
    static func html(_ table: ChartTable) -> String {
        // Focusable and named, so that a keyboard can scroll a table wider than a phone.
        let caption = SVGEscaping.escape(table.caption)
        var out = "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(caption)\"><table><caption>\(caption)</caption><thead><tr>"
        // Column headers align with their column: the first names the rows, the others head numbers.
        for (i, h) in table.header.enumerated() {
            out += "<th scope=\"col\"\(i == 0 ? "" : " class=\"num\"")>\(SVGEscaping.escape(h))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in table.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += i == 0 ? "<th scope=\"row\">\(SVGEscaping.escape(cell))</th>" : "<td class=\"num\">\(SVGEscaping.escape(cell))</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }
}
