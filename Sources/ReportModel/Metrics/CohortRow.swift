/// One row of the cohort retention matrix: customers whose first purchase fell in `cohort`.
public struct CohortRow: Sendable, Equatable {
    public var cohort: Month
    public var size: Int
    /// retention[k] = share of the cohort active at the snapshot in month cohort + k; nil without one.
    public var retention: [Double?]

    public init(cohort: Month, size: Int, retention: [Double?]) {
        self.cohort = cohort
        self.size = size
        self.retention = retention
    }
}
