/// Everything a user can set in `fidelis.yml`. Every default is the seed's.
public struct ReportConfig: Sendable {
    /// Client or project name shown in titles; nil or empty: titles name none (the shipped example
    /// data is built as `Demo`).
    public var client: String?
    public var locale: ReportLocale = .en
    /// ISO currency code shown with money (EUR, USD, GBP, …).
    public var currency = "EUR"
    public var dialect = InputDialect()
    /// A buyer is active when the last order is at most this many days before the as-of date.
    public var activityWindowDays = 90
    /// How often the snapshots are exported, as the config says (nil: not said; the pages then read
    /// them as monthly, and suggest the key when they look quarterly or weekly). A ledger's
    /// snapshots are month ends whatever it says.
    public var cadence: SnapshotCadence?
    public var targets = KPITarget.defaults
    public var segments = SegmentTable.seed
    public var escalations = EscalationThresholds()
    public var routing = RoutingTable.seed
    public var lifetime = LifetimeValueSettings()
    public var loyalty = LoyaltySettings()
    public var actionPlan = ActionPlanSettings()
    /// Things in the file worth a look that break no rule (printed as warnings): a segment rule
    /// that can never match, a segment id one letter away from a seed id.
    public var warnings: [String] = []
    /// The one of `warnings` that asks for targets of the cadence's period (a quarter's, a week's)
    /// where the seed's monthly ones are kept: dropped for a ledger, whose snapshots are month ends
    /// whatever the cadence, so that a month's targets are right for it.
    public var monthlyTargetsWarning: String?
    /// The text of the file the config was read from (nil: the defaults): what the build cache keys
    /// the site by, as it was parsed, not read a second time.
    public var sourceText: String?

    public init() {}
}
