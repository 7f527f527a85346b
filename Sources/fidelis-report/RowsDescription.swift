import ReportRender

extension ReportBuilder.Result {
    /// The rows read, for the summaries of `build` and `validate`, with those left out (a ledger's
    /// lines dated after `--as-of`): "2465 rows (772 dated after --as-of, left out)".
    var rowsDescription: String { RunWording().rows(rowsRead, leftOut: rowsLeftOut) }
}
