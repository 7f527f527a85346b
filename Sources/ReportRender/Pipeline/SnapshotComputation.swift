import Dispatch
import ReportModel

/// The figures of an input's snapshots, one after the other, as `build` and `validate` compute
/// them: each snapshot taken from the reader (read, routed and fitted ahead on its threads), counted,
/// checked for the input's warnings, computed by the engine, its table handed back to the reader.
/// After an input error the later snapshots are still read, so that every file's errors are said,
/// but neither fitted nor computed.
struct SnapshotComputation {
    /// One snapshot computed.
    struct Computed {
        /// The snapshot's figures, with its buyers.
        var report: SnapshotReport
        var outcome: SnapshotOutcome
        /// The ids interned up to this snapshot.
        var customers: CustomerIDs
        /// The read, on the reader thread.
        var readSeconds: Double
        /// The figures, without the time they waited for the snapshot's fit.
        var figuresSeconds: Double
        /// The input's warnings found at this snapshot, and those of how its customers follow on
        /// from the previous snapshot's (`SnapshotCounts.exportWarnings`).
        var warnings: [String]
    }

    /// What `next` gives.
    enum Step {
        case computed(Computed)
        /// A snapshot with errors, or one after them: not computed.
        case failed
        /// No snapshot left.
        case done
    }

    private let reader: SnapshotPrefetcher
    private var engine: ReportEngine
    private let readsLedger: Bool
    private var inputWarnings = SnapshotInputWarnings()
    /// The previous snapshot computed: its file and as-of date.
    private var previous: (file: String, asOf: Day)?
    private var taken = 0
    /// The errors of the input so far.
    private(set) var errors = InputErrors()
    /// Bytes, rows and rows left out (a ledger's lines after `--as-of`) read so far.
    private(set) var bytes = 0, rows = 0, rowsLeftOut = 0

    /// Computes the snapshots `reader` reads (started or not) with `config`'s engine; `readsLedger`:
    /// the reports name a ledger as their source.
    init(reader: SnapshotPrefetcher, config: ReportConfig, readsLedger: Bool) {
        self.reader = reader
        self.engine = ReportEngine(config: config)
        self.readsLedger = readsLedger
    }

    /// The wall time of the last snapshot's predictive-value fit.
    var lastLifetimeSeconds: Double { engine.lastLifetimeSeconds }

    /// The next snapshot's figures, its buyers written into `spareBuyers` (an earlier report's,
    /// done with). The last snapshot is taken as soon as it is read: its figures that need neither
    /// its routing nor its fit are computed while the fit runs.
    mutating func next(reusingBuyers spareBuyers: consuming BuyerTable?) -> Step {
        guard let (arrived, rest) = reader.next(asRead: taken == reader.periods.count - 1) else { return .done }
        var snapshot = arrived
        taken += 1
        bytes += snapshot.outcome.byteCount
        // The table is taken out of the snapshot so that, once computed, it can be handed back to
        // the reader as its only reference (`recycle`).
        guard errors.isEmpty, let table = snapshot.outcome.table.take() else {
            errors.append(contentsOf: snapshot.outcome.errors)
            reader.stopPredicting()
            return .failed
        }
        let outcome = snapshot.outcome
        rows += outcome.rowCount
        rowsLeftOut += outcome.rowsLeftOut
        var warnings = inputWarnings.warnings(for: outcome, table: table)
        let start = DispatchTime.now().uptimeNanoseconds
        // The last snapshot's figures wait for its fit part of the way: that wait is not theirs.
        var waited: UInt64 = 0
        var report = engine.process(table, customers: snapshot.customers, unknownColumns: outcome.unknownColumns, reusingBuyers: spareBuyers) {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { waited = DispatchTime.now().uptimeNanoseconds - start }
            return snapshot.complete(with: rest)
        }
        report.source = ReportSource(file: outcome.name, rows: outcome.rowCount, fromLedger: readsLedger)
        if let previous {
            warnings += report.counts.exportWarnings(file: outcome.name, previousFile: previous.file, previousAsOf: previous.asOf)
        }
        previous = (outcome.name, report.period.asOf)
        reader.recycle(consume table, prediction: snapshot.lifetime.take())
        let figures = Double(DispatchTime.now().uptimeNanoseconds - start - waited) / 1e9
        return .computed(Computed(report: report, outcome: outcome, customers: snapshot.customers, readSeconds: snapshot.seconds,
                                  figuresSeconds: figures, warnings: warnings))
    }
}
