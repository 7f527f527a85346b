import Dispatch
import ReportModel

/// The feedback routing of one snapshot, started on a thread of its own at once and awaited with
/// `wait()` (internal to `SnapshotPrefetcher`, which fits the predictive-value models meanwhile).
final class RoutingTask: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, by the job or the initializer, read only after `group.wait()`.
    private var routing: FeedbackRouting?

    /// Starts routing `table`'s feedback.
    init(router: FeedbackRouter, table: SnapshotTable, customers: CustomerIDs) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            routing = router.routing(of: table, customers: customers)
        }
    }

    /// A routing known already (a snapshot whose pages are reused).
    init(_ known: FeedbackRouting) {
        routing = known
    }

    /// Waits for the routing.
    func wait() -> FeedbackRouting {
        group.wait()
        return routing!
    }
}
