/// How often a team exports its customers (`cadence:` in fidelis.yml): the period that each
/// snapshot's retention, churn, newly active and lapsed customers and revenue of the period cover,
/// and so the period its targets are set for. It changes no figure: it says which gaps between
/// snapshots are the usual ones, so that the pages flag only the others (a monthly folder missing a
/// month, a quarterly one missing a quarter) instead of every page of a quarterly export.
public enum SnapshotCadence: String, CaseIterable, Sendable {
    case weekly, monthly, quarterly

    /// Months between two snapshots at this cadence, for naming the months without one (weekly:
    /// 1, as several weekly snapshots fall in a month).
    public var months: Int {
        switch self {
        case .weekly, .monthly: 1
        case .quarterly: 3
        }
    }

    /// The cadence's period in months, for the targets' values at the same monthly pace (a week is
    /// 12/52 of a month).
    public var monthsInPeriod: Double { self == .weekly ? 12.0 / 52 : Double(months) }

    /// The period in words: `a quarter` (« un trimestre »).
    public var period: LocalizedText {
        switch self {
        case .weekly: LocalizedText(en: "a week", fr: "une semaine")
        case .monthly: LocalizedText(en: "a month", fr: "un mois")
        case .quarterly: LocalizedText(en: "a quarter", fr: "un trimestre")
        }
    }

    /// Fewer days than this between two snapshots is a short period: less than any such period,
    /// with a few days' slack for exports taken on varying days.
    public var shortPeriodDays: Int {
        switch self {
        case .weekly: 5
        case .monthly: MonthGap.shortPeriodDays
        case .quarterly: 75
        }
    }

    /// More days than this between two snapshots is a long period: the period and half of the next
    /// one, so that exports taken on varying days are not flagged while a missing one is.
    public var longPeriodDays: Int {
        switch self {
        case .weekly: 10
        case .monthly: MonthGap.longPeriodDays
        case .quarterly: 106
        }
    }

    /// How often, as a playbook's timing says it: `Monthly` (« Chaque mois »).
    public var often: LocalizedText {
        switch self {
        case .weekly: LocalizedText(en: "Weekly", fr: "Chaque semaine")
        case .monthly: LocalizedText(en: "Monthly", fr: "Chaque mois")
        case .quarterly: LocalizedText(en: "Quarterly", fr: "Chaque trimestre")
        }
    }

    /// The plan's KPI tracking, at this cadence.
    public var kpiTracking: LocalizedText {
        switch self {
        case .weekly: LocalizedText(en: "Weekly KPI tracking with this report after each snapshot", fr: "Suivi hebdomadaire des KPI avec ce rapport après chaque relevé")
        case .monthly: LocalizedText(en: "Monthly KPI tracking with this report after each snapshot", fr: "Suivi mensuel des KPI avec ce rapport après chaque relevé")
        case .quarterly: LocalizedText(en: "Quarterly KPI tracking with this report after each snapshot", fr: "Suivi trimestriel des KPI avec ce rapport après chaque relevé")
        }
    }

    /// The cadence the pages read `report` by: the config's, monthly when it says none (metrics.md's
    /// targets are a month's: churn "< 0.05 per month"), and monthly for a ledger's month ends.
    public static func of(_ report: SnapshotReport, config: ReportConfig) -> SnapshotCadence {
        report.source.fromLedger ? .monthly : config.cadence ?? .monthly
    }

    /// Whether a period of `days` reads as this cadence's usual one.
    public func isUsual(days: Int) -> Bool { days >= shortPeriodDays && days <= longPeriodDays }

    /// The cadence that every gap of `days` (the days between consecutive snapshots, at least one)
    /// reads as, when it is not monthly; nil when the gaps are monthly, mixed or none. The pages
    /// then suggest `cadence:` to a team whose snapshots are not monthly and did not say so.
    public static func nonMonthly(fitting days: [Int]) -> SnapshotCadence? {
        guard !days.isEmpty else { return nil }
        return allCases.first { $0 != .monthly && days.allSatisfy($0.isUsual) }
    }
}
