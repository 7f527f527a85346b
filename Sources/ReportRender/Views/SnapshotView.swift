import ReportModel

/// The values every template of a snapshot sees (documented in `Templates/README.md`).
///
/// All numbers are formatted here for the locale; templates only place them.
public struct SnapshotView {
    public let report: SnapshotReport
    /// Earlier snapshots (without buyer rows), oldest first, for trends.
    public let history: [SnapshotReport]
    public let config: ReportConfig
    public let format: ReportFormatter
    /// Resolves buyer rows to customer ids (at-risk customers' P(alive)); nil lists none.
    public var customers: CustomerIDs?

    public init(report: SnapshotReport, history: [SnapshotReport], config: ReportConfig, customers: CustomerIDs? = nil) {
        self.report = report
        self.history = history
        self.config = config
        self.format = ReportFormatter(locale: config.locale, currency: config.currency)
        self.customers = customers
    }

    /// The same view, resolving customer ids with `customers`.
    public func with(customers: CustomerIDs) -> SnapshotView {
        var v = self
        v.customers = customers
        return v
    }

    var locale: ReportLocale { config.locale }

    /// The whole view.
    public func dictionary() -> [String: Any] {
        var v: [String: Any] = [
            "lang": locale.rawValue,
            "client": config.client ?? "",
            "has_client": !(config.client ?? "").isEmpty,
            "period": report.period.label,
            "as_of": format.date(report.period.asOf),
            "as_of_iso": report.period.asOf.description,
            "currency": config.currency,
            "activity_window_days": String(config.activityWindowDays),
            "first_snapshot": report.index == 0,
            "from_ledger": report.source.fromLedger,
        ]
        v["counts"] = counts()
        v["source"] = sourceLine()
        v["key_points"] = KeyPointsView(report: report, previous: history.last, segmentTable: config.segments, format: format).points().map { ["text": $0] }
        let kpiList = kpis()
        v["kpis"] = kpiList
        v["kpi"] = Dictionary(uniqueKeysWithValues: kpiList.map { ($0["key"] as! String, $0 as Any) })
        v["segments"] = segments()
        v["segment_shares"] = segmentShares()
        // A profile given as score ranges (a segment of the user's own, or a seed segment whose
        // rules were changed): the note under the table says how to read `R4–5`.
        v["segment_profile_ranges"] = report.segments.contains { config.segments.profile($0.id).contains(where: \.isNumber) }
        // The six seed segments' names as shown (configured or the seed's), for the templates' prose.
        v["segment_names"] = Dictionary(uniqueKeysWithValues: SegmentCatalog.seedOrder.map { ($0, config.segments.displayName($0, locale)) })
        v["has_buyers"] = report.counts.buyers > 0
        // Quintile scores over a handful of buyers are coarse: said under 50.
        v["few_buyers"] = SnapshotView.hasFewBuyers(report.counts)
        v["thresholds"] = thresholds()
        v["rf_grid"] = rfGrid()
        let tiedNote = ChartSet.tiedThresholdsNote(report.thresholds, locale: locale, format: format)
        v["rf_grid_note"] = tiedNote
        v["has_rf_grid_note"] = !tiedNote.isEmpty
        v["migration"] = migration()
        v["has_migration"] = report.migration != nil
        v["cohorts"] = cohorts()
        v["cohort_columns"] = cohortColumns()
        v["has_cohorts"] = !report.cohorts.isEmpty
        // Quarterly snapshots: a column per three months of a cohort's age (`CohortTable`).
        v["cohort_quarters"] = CohortTable(report.cohorts, cadence: cadence).monthsPerColumn > 1
        v["cohort_full_span"] = CohortTable.fullSpan(windowDays: config.activityWindowDays, locale: locale)
        let escalationList = escalations()
        v["escalations"] = escalationList
        v["raised_escalations"] = escalationList.filter { $0["raised"] as! Bool }
        v["any_escalation"] = report.escalations.contains { $0.raised }
        // The escalations whose input column the snapshot lacks, named with it, for a note under their table.
        let withoutData = report.escalations.compactMap { e in e.missingColumn.map { EscalationText.name(e.kind, locale) + format.text(" (column ", " (colonne ") + $0 + ")" } }
        v["has_escalations_without_data"] = !withoutData.isEmpty
        v["escalations_without_data"] = format.list(withoutData)
        v["feedback"] = feedback()
        v["trend"] = trend()
        // The trend table's NPS and CSAT columns, left out when no snapshot in it has the input column
        // (a ledger): a column of n/a only.
        v["trend_has_nps"] = trendReports.contains { !$0.missingInputColumns.contains(.nps) }
        v["trend_has_csat"] = trendReports.contains { !$0.missingInputColumns.contains(.csat) }
        let targetsNote = retentionChurnTargetsNote()
        v["targets_note"] = targetsNote ?? ""
        v["has_targets_note"] = targetsNote != nil
        v["has_history"] = !history.isEmpty
        for (key, value) in exportNotes() { v[key] = value }
        let shown = min(history.count + 1, SnapshotView.trendSnapshots)
        v["trend_is_cut"] = history.count + 1 > shown
        v["trend_shown"] = format.integer(shown)
        v["snapshot_count"] = format.integer(history.count + 1)
        v["charts_are_cut"] = history.count + 1 > ChartSet.trendSnapshots
        v["charts_shown"] = format.integer(ChartSet.trendSnapshots)
        // The per-area table of verbatims is left out when no snapshot it covers has one (a ledger).
        v["has_feedback_history"] = !history.isEmpty && (history + [report]).suffix(shown).contains { $0.feedback.total > 0 }
        v["lifetime"] = lifetime()
        v["nps_breakdown"] = npsBreakdown()
        // One loyalty design for both the plan (its reward budget) and the programme's own page.
        let design = LoyaltyProgramDesigner.design(report, config: config, daysSincePrevious: SnapshotView.daysSincePrevious(report, history: history))
        v["plan"] = StrategyView(report: report, previous: history.last, config: config, format: format, design: design).dictionary()
        v["loyalty"] = LoyaltyView(design: design, report: report, format: format, previous: history.last).dictionary()
        v["playbooks"] = PlaybookView(report: report, config: config, format: format).dictionary()
        let clv = LifetimeView(report: report, customers: customers, segmentTable: config.segments, format: format)
        v["clv_distribution"] = clv.distribution()
        v["segment_clv"] = clv.segments()
        v["segment_clv_shares"] = clv.segmentShares()
        v["at_risk_alive"] = clv.atRisk()
        return v
    }

    // MARK: - Pieces

    func counts() -> [String: Any] {
        let c = report.counts
        return [
            "customers": format.integer(c.customers), "buyers": format.integer(c.buyers),
            "active": format.integer(c.active), "new_active": format.integer(c.newActive),
            // Whether each count takes the singular in running text (`ReportFormatter.isSingular`).
            "customers_one": format.isSingular(c.customers), "buyers_one": format.isSingular(c.buyers), "active_one": format.isSingular(c.active),
            "lost": report.index == 0 ? format.missing : format.integer(c.lost), "prospects": format.integer(c.prospects),
            // The first snapshot has no previous one: nobody was active "before", nobody was lost.
            "previously_active": report.index == 0 ? format.missing : format.integer(c.previouslyActive),
            "revenue_total": format.money(units: report.revenueTotal),
            "revenue_period": format.money(units: report.revenuePeriod),
        ]
    }

    /// Where the figures come from, the currency and the tool, for the end of each deliverable.
    func sourceLine() -> String {
        let fr = locale == .fr, s = report.source
        var parts: [String] = []
        if !s.file.isEmpty {
            if s.fromLedger {
                parts.append((fr ? "Source : journal de transactions " : "Source: transaction ledger ") + s.file
                             + (fr ? ", achats jusqu'au " : ", purchases up to ") + format.date(report.period.asOf) + (fr ? " inclus" : " inclusive"))
            } else {
                parts.append((fr ? "Source : relevé clients " : "Source: customer snapshot ") + s.file + " ("
                             + format.integer(s.rows) + (s.rows == 1 ? (fr ? " ligne)" : " row)") : (fr ? " lignes)" : " rows)")))
            }
        }
        parts.append((fr ? "montants en " : "amounts in ") + config.currency)
        parts.append("fidelis-report " + ToolVersion.current)
        let line = parts.joined(separator: " · ")
        return fr ? ReportFormatter.frenchTypography(line) : line
    }

    /// Below this many buyers the segmentation says its quintiles are coarse.
    static let fewBuyers = 50

    /// Days from the snapshot before `report` to it; nil for the first.
    static func daysSincePrevious(_ report: SnapshotReport, history: [SnapshotReport]) -> Int? {
        history.last.map { report.period.asOf.days(since: $0.period.asOf) }
    }

    /// The cadence the pages judge a snapshot's period by (`SnapshotCadence.of`).
    var cadence: SnapshotCadence { SnapshotCadence.of(report, config: config) }

    /// Whether a snapshot has buyers, but fewer than `fewBuyers`.
    static func hasFewBuyers(_ counts: SnapshotCounts) -> Bool { counts.buyers > 0 && counts.buyers < fewBuyers }

    func kpis() -> [[String: Any]] {
        let previous = history.last
        return report.kpis.map { k in
            var trend = "", trendLabel = "", trendText = ""
            if let prev = previous?.kpi(k.key).value, var now = k.value {
                // Values that print the same are unchanged for the reader, as the key points say
                // (31.0% beside 31.0% was "↘ worse", 0.3104 → 0.3099).
                if KPIText.format(k.key, now, format) == KPIText.format(k.key, prev, format) { now = prev }
                trend = now > prev ? "↗" : now < prev ? "↘" : "→"
                // Whether the move is good news depends on the indicator (churn and effort: down).
                let verdict = now == prev ? "" : (now > prev) == KPIText.higherIsBetter(k.key)
                    ? (locale == .fr ? "mieux" : "better") : (locale == .fr ? "moins bien" : "worse")
                // What the arrow says, for screen readers (the arrow itself is hidden from them).
                trendLabel = now > prev ? (locale == .fr ? "en hausse depuis le relevé précédent" : "up since the previous snapshot")
                    : now < prev ? (locale == .fr ? "en baisse depuis le relevé précédent" : "down since the previous snapshot")
                    : (locale == .fr ? "inchangé depuis le relevé précédent" : "unchanged since the previous snapshot")
                if !verdict.isEmpty { trendLabel += ", " + verdict }
                trendText = verdict.isEmpty ? trend + (locale == .fr ? " stable" : " unchanged") : trend + " " + verdict
            }
            return [
                "key": k.key.rawValue,
                "name": KPIText.name(k.key, locale),
                "value": KPIText.format(k.key, k.value, format),
                "target": KPIText.target(k.key, k.target, format),
                "has_target": k.target.value != nil,
                "status": k.status.rawValue,
                // "No data" because the input has no column for it says which (a ledger has none).
                "status_label": KPIText.cardStatus(k, missing: report.missingInputColumns, locale),
                "on_target": k.status == .onTarget,
                "off_target": k.status == .offTarget,
                "no_data": k.status == .noData,
                "trend": trend,
                "trend_label": trendLabel,
                // The arrow with its verdict, for the deliverables' tables ("↘ better" for churn).
                "trend_text": trendText,
                "has_trend": !trend.isEmpty,
                "previous": previous.map { KPIText.format(k.key, $0.kpi(k.key).value, format) } ?? format.missing,
                "definition": locale == .fr ? ReportFormatter.frenchTypography(KPIText.definition(k.key, locale, window: config.activityWindowDays)) : KPIText.definition(k.key, locale, window: config.activityWindowDays),
            ]
        }
    }

    func segments() -> [[String: Any]] {
        report.segments.map { s in
            var entry: [String: Any] = [
                "id": s.id,
                "name": config.segments.displayName(s.id, locale),
                "profile": config.segments.profile(s.id),
                "action": config.segments.displayAction(s.id, locale) ?? "—",
                "customers": format.integer(s.customers),
                "share": format.percent(s.share),
                "revenue": format.money(units: s.revenue, decimals: 0),
                "revenue_share": format.percent(s.revenueShare),
                "mean_recency_days": format.number(s.meanRecencyDays, decimals: 0),
                "mean_frequency": format.number(s.meanFrequency, decimals: 1),
                "mean_monetary": format.money(s.meanMonetary),
                "predicted_clv": format.money(s.predictedCLV, decimals: 0),
                "empty": s.customers == 0,
            ]
            if let prev = history.last?.segment(s.id), let before = prev.share, let now = s.share {
                // The change between the shares as printed (one decimal), so that the reader's subtraction agrees.
                let points = (format.percentTenths(now) - format.percentTenths(before)) / 10
                let sign = points <= -0.05 ? "−" : points >= 0.05 ? "+" : ""
                entry["share_change"] = sign + format.number(abs(points), decimals: 1) + (locale == .fr ? "\u{00A0}pt" : "\u{00A0}pp")
            } else {
                entry["share_change"] = "—"
            }
            return entry
        }
    }

    func thresholds() -> [String: Any] {
        let t = report.thresholds
        return [
            "recency_days": t.recencyDays.map { format.integer($0) }.joined(separator: " · "),
            "frequency": t.frequency.map { format.integer($0) }.joined(separator: " · "),
            "monetary": t.monetary.map { format.money(units: $0) }.joined(separator: " · "),
            "any": !t.frequency.isEmpty,
        ]
    }

    func rfGrid() -> [[String: Any]] {
        (1...5).reversed().map { r in
            ["r": String(r), "cells": (1...5).map { f in ["f": String(f), "count": format.integer(report.rfGrid[r - 1][f - 1])] }]
        }
    }

    func migration() -> [String: Any] {
        guard let m = report.migration else { return [:] }
        let label: (String) -> String = { config.segments.displayName($0, self.locale) }
        return [
            "columns": m.to.map { ["name": label($0)] },
            "rows": m.from.enumerated().map { i, from in
                ["name": label(from), "cells": m.counts[i].map { ["count": format.integer($0)] }] as [String: Any]
            },
        ]
    }

    func cohorts() -> [[String: Any]] {
        let table = CohortTable(report.cohorts, cadence: cadence)
        return table.rows.map { row in
            [
                "cohort": row.cohort.description,
                "size": format.integer(row.size),
                "cells": table.cells(row).map { ["value": $0.map { format.percent($0, decimals: 0) } ?? "–"] },
            ]
        }
    }

    /// The cohort table's column labels, "+0" on (or "+0–2" on, `CohortTable`).
    func cohortColumns() -> [[String: Any]] { CohortTable(report.cohorts, cadence: cadence).columnLabels.map { ["label": $0] } }

    func escalations() -> [[String: Any]] {
        report.escalations.map { e in
            [
                "id": e.kind.rawValue,
                "name": EscalationText.name(e.kind, locale),
                "action": EscalationText.action(e.kind, locale),
                "condition": EscalationText.condition(e, format, segments: config.segments),
                "owner": AreaText.name(e.kind.owner, locale),
                "raised": e.raised,
                // Without its input column nothing could raise it: "n/a", not "no" and 0.
                "has_data": e.missingColumn == nil,
                "missing_column": e.missingColumn ?? "",
                // A count of customers; a KPI's escalation (NPS, churn) has none to show.
                "count": e.kind.isAboutCustomers && e.missingColumn == nil ? format.integer(e.count) : "—",
                "count_one": format.isSingular(e.count),
                "has_value": e.value != nil,
                "value": e.value.map { e.kind == .churnCrisis ? format.percent($0) : format.number($0, decimals: 1) } ?? "",
                "customers": e.customers.prefix(20).map { c in
                    [
                        "id": c.id,
                        "segment": c.segment.map { config.segments.displayName($0, locale) } ?? "—",
                        "revenue": format.money(units: c.revenue),
                        "predicted_clv": format.money(c.predictedCLV),
                        "trigger": trigger(e.kind, c),
                    ]
                },
                "has_customers": !e.customers.isEmpty,
                "has_more_customers": e.customers.count > 20,
                "more_customers": e.customers.count > 20 ? format.integer(e.customers.count - 20) : "",
            ]
        }
    }

    func trigger(_ kind: EscalationKind, _ c: EscalatedCustomer) -> String {
        let fr = locale == .fr
        switch kind {
        case .vipAtRisk: return fr ? "dernière commande il y a \(format.integer(Int(c.triggerValue))) jours" : "last order \(format.integer(Int(c.triggerValue))) days ago"
        case .largeRefund: return (fr ? "remboursement demandé " : "refund requested ") + format.money(units: c.triggerValue)
        default: return fr ? "plainte publique" : "public complaint"
        }
    }

    /// The sums of the segments' shares of buyers and of revenue as printed (each rounded on its
    /// own to one decimal, as `segments()` prints them), for a note when either is not 100.0 %: an
    /// analyst adding up the column found 99.9 % or 100.1 % with no word on why.
    func segmentShares() -> [String: Any] {
        let buyers = report.segments.compactMap(\.share).map(format.percentTenths).reduce(0, +)
        let revenue = report.segments.compactMap(\.revenueShare).map(format.percentTenths).reduce(0, +)
        let buyersOff = report.segments.contains { $0.share != nil } && buyers != 1000
        let revenueOff = report.segments.contains { $0.revenueShare != nil } && revenue != 1000
        return [
            "do_not_add_up": buyersOff || revenueOff,
            "buyers_total": format.percent(buyers / 1000),
            "revenue_total": format.percent(revenue / 1000),
        ]
    }

    func feedback() -> [String: Any] {
        let areas: [SpecialistArea?] = config.routing.keywords.map { Optional($0.area) } + [nil]
        let f = report.feedback
        let counts = areas.map { area in area.map { f.counts[$0] ?? 0 } ?? f.unrouted }
        let percents = WholePercents(counts), shares = percents.shares
        return [
            "total": format.integer(f.total),
            "total_one": format.isSingular(f.total),
            // Each share is rounded on its own; a note says so when they do not make 100.
            "shares_do_not_add_up": !percents.addsUp,
            "shares_total": format.percent(Double(percents.total) / 100, decimals: 0),
            "any": f.total > 0,
            // Without verbatims, whether the input has the column that would hold them.
            "has_column": !report.missingInputColumns.contains(.feedback),
            // Half or more of at least 10 verbatims match no keyword: the table is worth extending.
            "mostly_unrouted": f.total >= 10 && 2 * f.unrouted >= f.total,
            "unrouted": format.integer(f.unrouted),
            "areas": areas.indices.map { i in
                let area = areas[i], samples = f.samples[area] ?? []
                return [
                    "id": area?.rawValue ?? "unrouted",
                    "name": AreaText.name(area, locale, withID: true),
                    "count": format.integer(counts[i]),
                    "share": shares[i].map { format.percent(Double($0) / 100, decimals: 0) } ?? format.missing,
                    "has_samples": !samples.isEmpty,
                    // How many of the area's verbatims the samples show, when not all.
                    "has_more_samples": samples.count < counts[i],
                    "samples_shown": format.integer(samples.count),
                    // `text` is cut for the pages' quotes (TextExcerpt); `full_text` is the whole verbatim.
                    "samples": samples.map { sample -> [String: Any] in
                        let text = TextExcerpt.of(sample.text)
                        return ["customer": sample.customer, "text": text, "full_text": sample.text, "is_cut": text != sample.text]
                    },
                ] as [String: Any]
            },
        ]
    }

    /// Retention and churn are one ratio seen from both sides (churn = 1 − retention), so their
    /// targets should agree; the seed's (above 85 %, below 5 %) do not, and a reader who meets one
    /// may wonder why the other is off. Nil when they agree or one has no target.
    func retentionChurnTargetsNote() -> String? {
        let retention = config.targets[.retentionRate], churn = config.targets[.churnRate]
        guard let r = retention?.value, let c = churn?.value, retention?.direction == .above, churn?.direction == .below, abs((1 - c) - r) > 1e-9 else { return nil }
        let churnText = format.percent(c), implied = format.percent(1 - c), retentionText = format.percent(r)
        let stricter = 1 - c > r
        return locale == .fr
            ? "le churn est 1 − la rétention, mais les deux cibles ne concordent pas : un churn sous \(churnText) veut dire une rétention au-dessus de \(implied), " + (stricter ? "plus exigeante" : "moins exigeante") + " que la cible de rétention (\(retentionText)). Un même relevé peut donc tenir l'une et pas l'autre ; accordez-les dans fidelis.yml, sous targets (retention_rate, churn_rate)."
            : "churn is 1 − retention, yet the two targets do not match: churn below \(churnText) means retention above \(implied), " + (stricter ? "stricter" : "less strict") + " than the retention target (\(retentionText)). One snapshot can meet one and miss the other; make them agree in fidelis.yml, under targets (retention_rate, churn_rate)."
    }

    /// Snapshots in the deliverables' trend tables: the latest and the twelve before it.
    static let trendSnapshots = 13

    /// The snapshots of the diagnostic's trend table: the latest `trendSnapshots`.
    private var trendReports: ArraySlice<SnapshotReport> { (history + [report]).suffix(SnapshotView.trendSnapshots) }

    func trend() -> [[String: Any]] {
        trendReports.map { r in
            var row: [String: Any] = ["period": r.period.label]
            for k in r.kpis { row[k.key.rawValue] = KPIText.format(k.key, k.value, format) }
            row["active"] = format.integer(r.counts.active)
            row["buyers"] = format.integer(r.counts.buyers)
            // Routed verbatims per area (keys: lifecycle, loyalty, churn, success, unrouted, feedback_total).
            let areaKeys: [SpecialistArea: String] = [.lifecycleManagement: "lifecycle", .loyaltyPrograms: "loyalty", .churnPrevention: "churn", .customerSuccess: "success"]
            for (area, key) in areaKeys { row[key] = format.integer(r.feedback.counts[area] ?? 0) }
            row["unrouted"] = format.integer(r.feedback.unrouted)
            row["feedback_total"] = format.integer(r.feedback.total)
            return row
        }
    }

    func npsBreakdown() -> [String: Any] {
        let n = report.nps
        let total = Double(max(n.answers, 1))
        return [
            "answers": format.integer(n.answers),
            "answers_one": format.isSingular(n.answers),
            "any": n.answers > 0,
            "detractors": format.integer(n.detractors), "passives": format.integer(n.passives), "promoters": format.integer(n.promoters),
            "detractors_share": format.percent(n.answers == 0 ? nil : Double(n.detractors) / total, decimals: 0),
            "passives_share": format.percent(n.answers == 0 ? nil : Double(n.passives) / total, decimals: 0),
            "promoters_share": format.percent(n.answers == 0 ? nil : Double(n.promoters) / total, decimals: 0),
        ]
    }

    /// Why the model has no figures, in the report's language (a failed fit's technical detail stays
    /// as written).
    func lifetimeReason(_ reason: LifetimeModelReason) -> String {
        switch reason {
        case .noBuyer: return format.text("no buyer", "aucun acheteur")
        case .tooFewBuyers(let n):
            return format.text("too few buyers to fit the model (\(n))", "trop peu d'acheteurs pour ajuster le modèle (\(n))")
        case .tooFewRepeatBuyers(let n):
            return format.text("too few repeat buyers to fit the model (\(n))", "trop peu de clients ayant racheté pour ajuster le modèle (\(n))")
        case .didNotConverge(let detail): return detail
        case .notFitted: return format.text("not fitted", "non ajusté")
        case .pagesReused: return format.text("not needed: the snapshot's pages are reused", "inutile : les pages du relevé sont réutilisées")
        }
    }

    /// Three decimals, or as many as show three significant digits of a smaller positive value
    /// (v = 1.04e-6 at the constant-spend limit would show as 0.000).
    private func decimalsShowing(_ value: Double) -> Int {
        var decimals = 3, scaled = value
        while scaled > 0 && scaled < 0.1 && decimals < 15 {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    func lifetime() -> [String: Any] {
        switch report.lifetime {
        case .notComputed(let reason): return ["fitted": false, "failed": false, "reason": lifetimeReason(reason)]
        case .didNotConverge(let reason): return ["fitted": false, "failed": true, "reason": lifetimeReason(reason)]
        case .fitted(let m):
            return [
                "fitted": true, "failed": false,
                "time_unit": m.timeUnit == .week ? format.text("week", "semaine") : format.text("day", "jour"),
                "r": format.number(m.r, decimals: 3), "alpha": format.number(m.alpha, decimals: 3),
                "a": format.number(m.a, decimals: 3), "b": format.number(m.b, decimals: 3),
                "log_likelihood": format.number(m.logLikelihood, decimals: 1),
                "gamma_gamma": m.p != nil,
                "gamma_gamma_reason": m.gammaGammaReason.map { lifetimeReason($0) } ?? "",
                // The buyers the spend model is fitted without (x = 0 or m <= 0: metrics.md).
                "gamma_gamma_excluded": format.integer(m.gammaGammaExcluded),
                // "the buyer" for exactly one; the clause is left out for none.
                "gamma_gamma_excluded_one": m.gammaGammaExcluded == 1,
                "gamma_gamma_excluded_any": m.gammaGammaExcluded > 0,
                // The limits of the fit, which the parameters alone would not say (see `SpendLimit`).
                "constant_dropout": m.hasConstantDropout,
                "dropout": format.percent(m.a / (m.a + m.b)),
                "p": format.number(m.p, decimals: 3), "q": format.number(m.q, decimals: 3), "v": format.number(m.v, decimals: decimalsShowing(m.v ?? 1)),
                "constant_spend": m.spendLimit == .constantSpend,
                "shared_rate": m.spendLimit == .sharedRate,
                "single_price": m.spendLimit == .singlePrice,
                "population_spend": format.money(m.populationMeanSpend, decimals: 2),
                "horizon_months": String(m.horizonMonths),
                "discount": format.percent(m.monthlyDiscountRate),
                "total_clv": m.p == nil ? format.missing : format.money(report.segments.compactMap(\.predictedCLV).reduce(0, +), decimals: 0),
            ]
        }
    }
}
