import ReportModel

/// Builds `metrics.json` (output.md): every figure of a snapshot, machine-readable.
public enum MetricsDocument {
    public static func json(_ report: SnapshotReport) -> JSONValue {
        let c = report.counts
        return .object([
            ("period", .string(report.period.label)),
            ("as_of", .string(report.period.asOf.description)),
            ("counts", .object([
                ("customers", .int(c.customers)), ("buyers", .int(c.buyers)), ("active", .int(c.active)),
                ("new_active", .int(c.newActive)), ("lost", .int(c.lost)), ("prospects", .int(c.prospects)),
            ])),
            ("revenue", .object([("total", .number(Money.value(report.revenueTotal))), ("period", .number(Money.value(report.revenuePeriod)))])),
            ("kpis", .object(report.kpis.map { kpi in
                (kpi.key.rawValue, .object([
                    ("value", .number(kpi.value)),
                    ("target", .number(kpi.target.value)),
                    ("direction", kpi.target.value == nil ? .null : .string(kpi.target.direction.rawValue)),
                    ("status", .string(kpi.status.metricsValue)),
                ]))
            })),
            ("rfm", .object([
                ("thresholds", .object([
                    ("recency_days", .array(report.thresholds.recencyDays.map { .int($0) })),
                    ("frequency", .array(report.thresholds.frequency.map { .int($0) })),
                    ("monetary", .array(report.thresholds.monetary.map { .number(Money.value($0)) })),
                ])),
                ("rf_grid", .array(report.rfGrid.map { .array($0.map { .int($0) }) })),
            ])),
            ("segments", .object(report.segments.map { s in
                (s.id, .object([
                    ("customers", .int(s.customers)),
                    ("share", .number(s.share)),
                    ("revenue", .number(Money.value(s.revenue))),
                    ("revenue_share", .number(s.revenueShare)),
                    ("mean_recency_days", .number(s.meanRecencyDays)),
                    ("mean_frequency", .number(s.meanFrequency)),
                    ("mean_monetary", .number(s.meanMonetary)),
                    ("predicted_clv", .number(s.predictedCLV)),
                ]))
            })),
            ("migration", migration(report.migration)),
            ("cohorts", .array(report.cohorts.map { row in
                .object([
                    ("cohort", .string(row.cohort.description)),
                    ("size", .int(row.size)),
                    ("retention", .array(row.retention.map { .number($0) })),
                ])
            })),
            ("clv_model", lifetime(report.lifetime)),
            ("escalations", .array(report.escalations.map { e in
                .object([
                    ("id", .string(e.kind.rawValue)),
                    ("raised", .bool(e.raised)),
                    ("count", .int(e.count)),
                    ("value", .number(e.value)),
                    ("threshold", .number(e.threshold)),
                    ("detail", .string(EscalationDetail.text(e))),
                    ("customers", .array(e.customers.map { .string($0.id) })),
                ])
            })),
            ("feedback_routing", .object(
                report.feedback.counts.sorted { a, b in
                    SpecialistArea.allCases.firstIndex(of: a.key)! < SpecialistArea.allCases.firstIndex(of: b.key)!
                }.map { ($0.key.rawValue, .int($0.value)) } + [("unrouted", .int(report.feedback.unrouted))]
            )),
        ])
    }

    static func migration(_ matrix: MigrationMatrix?) -> JSONValue {
        guard let matrix else { return .null }
        return .object(matrix.from.enumerated().map { i, from in
            (from, .object(matrix.to.enumerated().map { j, to in (to, .int(matrix.counts[i][j])) }))
        })
    }

    static func lifetime(_ summary: LifetimeSummary) -> JSONValue {
        switch summary {
        case .notComputed(let reason):
            return .object([("status", .string("not_computed")), ("reason", .string(text(reason))), ("bgnbd", .null), ("gamma_gamma", .null)])
        case .didNotConverge(let reason):
            return .object([("status", .string("did_not_converge")), ("reason", .string(text(reason))), ("bgnbd", .null), ("gamma_gamma", .null)])
        case .fitted(let m):
            return .object([
                ("status", .string("fitted")),
                ("time_unit", .string(m.timeUnit.rawValue)),
                ("horizon_months", .int(m.horizonMonths)),
                ("monthly_discount_rate", .number(m.monthlyDiscountRate)),
                ("bgnbd", .object([("r", .number(m.r)), ("alpha", .number(m.alpha)), ("a", .number(m.a)), ("b", .number(m.b)), ("log_likelihood", .number(m.logLikelihood))])),
                ("gamma_gamma", m.p == nil ? .null : .object([("p", .number(m.p)), ("q", .number(m.q)), ("v", .number(m.v))])),
                ("gamma_gamma_excluded", .int(m.gammaGammaExcluded)),
            ] + (m.gammaGammaReason.map { [("gamma_gamma_reason", JSONValue.string(text($0)))] } ?? []))
        }
    }

    /// `clv_model.reason` and `gamma_gamma_reason`: English whatever the report's language, fixed
    /// for the readers of metrics.json (the reports word the reason in `SnapshotView.lifetimeReason`).
    static func text(_ reason: LifetimeModelReason) -> String {
        switch reason {
        case .noBuyer: return "no buyer"
        case .tooFewBuyers(let n): return "too few buyers to fit the model (\(n))"
        case .tooFewRepeatBuyers(let n): return "too few repeat buyers to fit the model (\(n))"
        case .didNotConverge(let detail): return detail
        case .notFitted: return "not fitted"
        case .pagesReused: return "not needed: the snapshot's pages are reused"
        }
    }
}
