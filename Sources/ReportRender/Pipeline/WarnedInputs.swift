import ReportModel

/// What a build has warned about already, so that a warning about the input comes once a build and
/// not once a snapshot: each unknown column, and repeat buyers without a first order date; and the
/// previous snapshot's columns, to say which ones a snapshot no longer has.
struct WarnedInputs {
    /// Unknown columns named so far.
    var columns = Set<String>()
    /// Whether the repeat buyers without `first_order_date` have had their warning.
    var missingFirstOrderDates = false
    /// The name and columns of the snapshot before (nil before the first).
    var previousColumns: (name: String, columns: Set<SnapshotColumn>)?
}
