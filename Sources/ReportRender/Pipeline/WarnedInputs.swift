/// What a build has warned about already, so that a warning about the input comes once a build and
/// not once a snapshot: each unknown column, and repeat buyers without a first order date.
struct WarnedInputs {
    /// Unknown columns named so far.
    var columns = Set<String>()
    /// Whether the repeat buyers without `first_order_date` have had their warning.
    var missingFirstOrderDates = false
}
