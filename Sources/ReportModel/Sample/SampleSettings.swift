/// Settings of the deterministic sample-data generator (`fidelis-report sample`).
///
/// The same settings always produce byte-identical files.
public struct SampleSettings: Sendable, Equatable {
    /// Customers in the CRM at the last snapshot, prospects included.
    public var customers: Int = 2000
    /// Number of monthly snapshots, ending at `endYear`-`endMonth`.
    public var months: Int = 12
    /// Seed of the pseudo-random generator.
    public var seed: UInt64 = 42
    /// Year of the last snapshot month.
    public var endYear: Int = 2026
    /// Month (1...12) of the last snapshot month; snapshots are the `months` month ends ending there.
    public var endMonth: Int = 10
    /// When true, files are written as French Excel does: `;` delimiter, decimal commas,
    /// CRLF line ends and a UTF-8 byte-order mark.
    public var semicolonDelimited: Bool = false

    public init(
        customers: Int = 2000,
        months: Int = 12,
        seed: UInt64 = 42,
        endYear: Int = 2026,
        endMonth: Int = 10,
        semicolonDelimited: Bool = false
    ) {
        self.customers = customers
        self.months = months
        self.seed = seed
        self.endYear = endYear
        self.endMonth = endMonth
        self.semicolonDelimited = semicolonDelimited
    }

    /// Months of history simulated before the first snapshot month (early customers).
    static let historyMonthsBeforeFirstSnapshot = 12

    /// Index (`year * 12 + month - 1`) of the last snapshot month.
    var endMonthIndex: Int { endYear * 12 + endMonth - 1 }

    /// Index of the first snapshot month.
    var firstSnapshotMonthIndex: Int { endMonthIndex - months + 1 }

    /// Throws a `SampleError` when the settings cannot be generated. At least one customer: with
    /// none, the files would hold a header row and no customer, nothing to report on.
    public func validate() throws(SampleError) {
        guard customers >= 1 else { throw SampleError(setting: "customers", requirement: bilingual("at least 1", "au moins 1"), got: customers) }
        guard customers <= 50_000_000 else { throw SampleError(setting: "customers", requirement: bilingual("at most 50000000", "au plus 50000000"), got: customers) }
        guard (1...600).contains(months) else { throw SampleError(setting: "months", requirement: bilingual("between 1 and 600", "entre 1 et 600"), got: months) }
        guard (1...12).contains(endMonth) else { throw SampleError(bilingual("end month must be 1...12 (got \(endMonth))", "le mois de fin doit être entre 1 et 12 (reçu\u{00A0}: \(endMonth))")) }
        guard (1900...9999).contains(endYear) else { throw SampleError(bilingual("end year must be 1900...9999 (got \(endYear))", "l'année de fin doit être entre 1900 et 9999 (reçue\u{00A0}: \(endYear))")) }
        guard firstSnapshotMonthIndex - SampleSettings.historyMonthsBeforeFirstSnapshot >= 1000 * 12 else {
            throw SampleError(bilingual("the simulated history would start before year 1000; use fewer months or a later end", "l'historique simulé commencerait avant l'an 1000\u{202F}; utilisez moins de mois ou une fin plus tardive"))
        }
    }
}
