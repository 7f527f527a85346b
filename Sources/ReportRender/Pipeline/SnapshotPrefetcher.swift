import Dispatch
import ReportModel
import Synchronization

/// Reads the snapshots of a source in order on a thread of its own, ahead of the figures: while
/// snapshot k is computed, snapshot k + 1 is read (reading is about a fifth of a build's CPU time).
///
/// The reader owns the source and the customer index; each snapshot comes with the ids interned so
/// far (a view of the index's append-only id store, so nothing is copied). Reading snapshot k + 2
/// starts once snapshot k is done with (when k + 1 is asked for, after k's table came back), which
/// bounds the extra memory to one snapshot table; a source that does not benefit from reading
/// ahead (`SnapshotSource.benefitsFromReadAhead`) is read only when asked.
///
/// A table handed back with `recycle` is read into again (see `SnapshotTable.init(reusing:)`).
///
/// The last snapshot can be taken as soon as it is read (`nextAsRead`), its routing and prediction
/// waited for later: its figures that need neither start while it is fitted.
///
/// Work that depends on the snapshot alone is done here too, off the thread that computes the
/// figures: the feedback routing (on a task of its own, beside the fit) and,
/// given a predictor, the predictive-value fit (which depends on the earlier snapshots only through
/// the predictor's state: 6.2 of the 8.6 s of figures of a 63-month-end ledger). The fits run on a
/// thread of their own, in order, so that snapshot k + 2 is read while k + 1 is fitted: read and
/// fit back to back on one thread were the step the others waited for.
final class SnapshotPrefetcher: @unchecked Sendable {
    /// One snapshot as read: the outcome, the ids known after it, the time the read took, its
    /// feedback routing and its predictive-value outcome (nil when the snapshot has errors, or
    /// without a predictor).
    struct Snapshot {
        var outcome: SnapshotOutcome
        var customers: CustomerIDs
        var seconds: Double
        var feedback: FeedbackRouting?
        var lifetime: LifetimePrediction?

        /// Takes in the routing and prediction that `rest` waits for (`nextAsRead`; nothing to wait
        /// for without it) and returns them, as `ReportEngine.process(awaiting:)` asks for them.
        mutating func complete(with rest: Rest?) -> (feedback: FeedbackRouting?, lifetime: LifetimePrediction?) {
            if let rest { (feedback, lifetime) = rest() }
            return (feedback, lifetime)
        }
    }

    private var source: any SnapshotSource
    private var customers: CustomerIndex
    /// The snapshots, in as-of order.
    let periods: [SnapshotPeriod]
    /// The source's warnings about its input.
    let warnings: [String]
    /// The source's digest of each snapshot (`SnapshotSource.periodDigests`), when it has them.
    private(set) var periodDigests: [String]?
    private let count: Int
    private let readAhead: Bool
    private let router: FeedbackRouter
    /// Used on the fit thread only.
    private var predictor: LifetimePredictor?
    /// The feedback routing of the leading snapshots whose pages are reused, known from the site
    /// being replaced: they are neither routed again nor predicted (`LifetimePredictor.skip`).
    /// Set before `start()`.
    var reusedFeedback: [FeedbackRouting] = []
    private let queue = DispatchQueue(label: "fidelis-report.read", qos: .userInitiated)
    /// The fits and routings, in snapshot order.
    private let fitQueue = DispatchQueue(label: "fidelis-report.fit", qos: .userInitiated)
    /// A snapshot on its way: read, then fitted and routed.
    private final class Pending: @unchecked Sendable {
        let group = DispatchGroup()
        /// Left once the snapshot is read (before its fit and routing).
        let readGroup = DispatchGroup()
        /// Written by the fit job, read by `next()` only after `group.wait()`.
        var snapshot: Snapshot?
        /// Written by the read job, read by `nextAsRead()` only after `readGroup.wait()`: the snapshot
        /// as read, without its routing and prediction.
        var read: Snapshot?
    }
    /// The snapshots started and not yet handed out, in order (used by `next()` only).
    private var pending: [Pending] = []
    private var nextIndex = 0
    /// A table no longer needed, whose storage the next read reuses.
    private let spare = Mutex<SnapshotTable?>(nil)
    /// Likewise a prediction, whose arrays the next prediction reuses.
    private let sparePrediction = Mutex<LifetimePrediction?>(nil)
    /// Cleared once an input error makes the run fail (`stopPredicting`): the later snapshots are
    /// still read, so that every file's errors are said, but neither routed nor fitted.
    private let predicting = Atomic<Bool>(true)

    /// Takes the source over (it must be its only owner: reading mutates it, and a second owner
    /// would make it copy its per-customer state). Nothing is read before `start()`.
    init(source: consuming any SnapshotSource, customers: CustomerIndex, router: FeedbackRouter, predictor: LifetimePredictor? = nil) {
        periods = source.periods
        warnings = source.warnings
        count = periods.count
        readAhead = source.benefitsFromReadAhead
        self.source = source
        self.customers = customers
        self.router = router
        self.predictor = predictor
        periodDigests = self.source.periodDigests()
    }

    /// Starts reading the first snapshot ahead of the first `next()` (once: later calls do nothing).
    func start() {
        if readAhead && nextIndex == 0 { startReading() }
    }

    /// The next snapshot, in as-of order (nil after the last); the one after it starts reading at
    /// once (the snapshot before this one is done with: its table came back).
    func next() -> Snapshot? {
        if pending.isEmpty { startReading() }
        if readAhead { startReading() }
        guard !pending.isEmpty else { return nil }
        let first = pending.removeFirst()
        first.group.wait()
        return first.snapshot
    }

    /// Waits for a snapshot's routing and prediction (`nextAsRead`).
    typealias Rest = () -> (feedback: FeedbackRouting?, lifetime: LifetimePrediction?)

    /// The next snapshot as soon as it is read, without waiting for its fit and routing: `rest` waits
    /// for them (call it once). Nil after the last. For the last snapshot, whose figures would
    /// otherwise wait for its fit and then run alone (`ReportEngine.process(awaiting:)`); the table is
    /// then shared with the fit thread until `rest` returns, so reading the snapshot after it (none
    /// for the last) would not reuse its storage.
    func nextAsRead() -> (snapshot: Snapshot, rest: Rest)? {
        if pending.isEmpty { startReading() }
        if readAhead { startReading() }
        guard !pending.isEmpty else { return nil }
        let first = pending.removeFirst()
        first.readGroup.wait()
        return (first.read!, {
            first.group.wait()
            let done = first.snapshot!
            return (done.feedback, done.lifetime)
        })
    }

    /// `nextAsRead()` when `asRead`, else `next()` with nothing left to wait for.
    func next(asRead: Bool) -> (snapshot: Snapshot, rest: Rest?)? {
        asRead ? nextAsRead().map { ($0.snapshot, $0.rest) } : next().map { ($0, nil) }
    }

    /// Hands back a snapshot's table, and its prediction when it had one, once nothing needs them:
    /// the next read builds its table in this one's storage, the next prediction its arrays. Pass
    /// the last references (`consume`, `Optional.take()`): shared storage is not reused.
    func recycle(_ table: consuming SnapshotTable, prediction: consuming LifetimePrediction? = nil) {
        let table = consume table
        spare.withLock { $0 = consume table }
        if let prediction = prediction.take() { sparePrediction.withLock { $0 = prediction } }
    }

    /// Stops routing and fitting the snapshots read from here on: an input error has made the run
    /// fail, and their figures would be thrown away (a 12-file build whose first file was bad waited
    /// for the eleven others' fits).
    func stopPredicting() {
        predicting.store(false, ordering: .relaxed)
    }

    /// Starts reading the next snapshot (when there is one): read on the reader thread, then fitted
    /// and routed on the fit thread.
    private func startReading() {
        guard nextIndex < count else { return }
        let index = nextIndex
        nextIndex += 1
        let slot = Pending()
        pending.append(slot)
        slot.group.enter()
        slot.readGroup.enter()
        queue.async { [self] in
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome = source.read(index, customers: &customers, reusing: spare.withLock { $0.take() })
            let ids = customers.ids
            // No id is looked up after the last file: its table (made where rows came in no order,
            // 25 MB at 1 M customers) would stay to the end of the build, where memory peaks.
            if index == count - 1 { customers.releaseTable() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let reused = index < reusedFeedback.count
            // The routing runs on a thread of its own while the fit runs (reads and fits back to back,
            // the thread computing the figures waited for them 2.0 of a 3.1 s 1 M × 12 build).
            // 1 M × 12 builds, alternating runs: 3.07–3.13 → 2.99–3.11 s, lower or equal in 8 pairs of 8.
            let routing = !predicting.load(ordering: .relaxed) ? nil : outcome.table.map { table in
                reused ? BackgroundTask(value: reusedFeedback[index]) : BackgroundTask { [router] in router.routing(of: table, customers: ids) }
            }
            slot.read = Snapshot(outcome: outcome, customers: ids, seconds: seconds)
            slot.readGroup.leave()
            let read = ThreadHandoff(value: outcome)
            fitQueue.async { [self] in
                let outcome = read.value
                let lifetime = !predicting.load(ordering: .relaxed) ? nil : outcome.table.flatMap { table in
                    reused ? predictor?.skip(table, customerCount: ids.count)
                        : predictor?.predict(table, customerCount: ids.count, reusing: sparePrediction.withLock { $0.take() })
                }
                slot.snapshot = Snapshot(outcome: outcome, customers: ids, seconds: seconds, feedback: routing?.wait(), lifetime: lifetime)
                slot.group.leave()
            }
        }
    }
}
