import Foundation

/// Deterministic sample data for `fidelis-report sample`: monthly CRM snapshots and a
/// transaction ledger drawn from one simulated purchase history, so both agree
/// (a snapshot's `orders`, `revenue`, first and last order dates equal what the
/// ledger gives up to that month end; revenue is net of refunds).
public enum SampleGenerator {
    /// Writes one snapshot CSV per month (`YYYY-MM.csv`) into `directory` (created if needed).
    /// Calls `progress(done, months)` after each file, `done` counting from 1.
    public static func writeSnapshots(
        to directory: URL,
        settings: SampleSettings,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        let history = try SampleHistory(settings: settings)
        try SampleSnapshotWriter.write(history: history, to: directory, progress: progress)
    }

    /// Writes a transaction ledger `transactions.csv` (customer_id,order_id,date,amount,quantity;
    /// some negative refund lines) covering the same history: it starts with the purchases
    /// made before the first snapshot month and ends at the last snapshot's month end.
    /// Calls `progress(done, months)` once the rows up to each snapshot month end are written.
    public static func writeLedger(
        to file: URL,
        settings: SampleSettings,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        let history = try SampleHistory(settings: settings)
        try SampleLedgerWriter.write(history: history, to: file, progress: progress)
    }
}
