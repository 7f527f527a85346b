import Foundation
import ReportModel

/// The generated input of the benchmarks: `fidelis-report sample`'s data, written once into the
/// repository's `bench-data/` (git-ignored) and reused, as `Benchmarks/run.sh` does.
struct BenchmarkInput: Sendable {
    static let shared = BenchmarkInput()

    /// A folder of 12 monthly snapshots of 100 k customers.
    let snapshots: String
    /// The same purchases as a ledger (its 12 months and the year before them).
    let ledger: String

    init() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("bench-data/in-process-100000")
        let settings = SampleSettings(customers: 100_000, months: 12)
        let snapshots = folder.appendingPathComponent("snapshots"), ledger = folder.appendingPathComponent("ledger/transactions.csv")
        do {
            if !FileManager.default.fileExists(atPath: snapshots.appendingPathComponent("2026-10.csv").path) {
                try SampleGenerator.writeSnapshots(to: snapshots, settings: settings)
            }
            if !FileManager.default.fileExists(atPath: ledger.path) {
                try FileManager.default.createDirectory(at: ledger.deletingLastPathComponent(), withIntermediateDirectories: true)
                try SampleGenerator.writeLedger(to: ledger, settings: settings)
            }
        } catch {
            fatalError("cannot write the benchmark input under \(folder.path): \(error)")
        }
        self.snapshots = snapshots.path
        self.ledger = ledger.path
    }
}
