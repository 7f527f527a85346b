import Benchmark
import Foundation
import ReportModel
import ReportRender

/// The library's steps timed in process: the parse of a snapshot folder and of a ledger (as
/// `validate --parse-only` does, every row checked and kept), and the predictive-value fit of one
/// snapshot (BG/NBD and Gamma-Gamma, then every customer's prediction). The end-to-end jobs, with
/// the process, the pages and 1 M customers, are `Benchmarks/run.sh`'s.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(20), maxIterations: 10)
    let data = BenchmarkInput.shared

    Benchmark("Parse snapshots, 100 k customers x 12 months") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ReportBuilder.parse(.snapshots(data.snapshots), config: ReportConfig()))
        }
    }
    Benchmark("Parse ledger, 100 k customers x 12 months") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ReportBuilder.parse(.transactions(data.ledger, asOf: nil), config: ReportConfig()))
        }
    }
    Benchmark("Fit BG/NBD + Gamma-Gamma, latest snapshot of 100 k customers") { benchmark in
        var source = try SnapshotFolderSource(directory: data.snapshots, dialect: InputDialect())
        var customers = CustomerIndex()
        let latest = source.read(source.periods.count - 1, customers: &customers, reusing: nil)
        guard let table = latest.table else { fatalError("the sample snapshot did not read: \(latest.errors)") }
        // The read above is set-up, not measured.
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var predictor = LifetimePredictor(settings: LifetimeValueSettings())
            blackHole(predictor.predict(table, customerCount: customers.count))
        }
    }
}
