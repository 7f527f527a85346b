import Dispatch

/// Writes one snapshot's pages on a second thread while the next snapshot is read and computed,
/// so that both cores work (the pages are about a third of a snapshot's time).
///
/// At most one snapshot's pages are pending: `submit` waits for the previous job first, which bounds
/// the extra memory to one snapshot report. The first failure is kept and rethrown by the next
/// `submit` or by `finish`.
final class BackgroundPageWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "fidelis-report.pages", qos: .userInitiated)
    private let group = DispatchGroup()
    /// Written only by the job on `queue`, read only after `group.wait()`.
    private var failure: SiteError?
    /// Warnings the jobs found (`note`), in order. Written only by the jobs, read after `finish()`.
    private(set) var notes: [String] = []

    /// Waits for the previous job, then starts `job` on the page thread.
    func submit(_ job: @escaping @Sendable () throws(SiteError) -> Void) throws(SiteError) {
        try finish()
        queue.async(group: group) { [self] in
            do throws(SiteError) { try job() } catch { failure = error }
        }
    }

    /// Keeps warnings found by a job, for the caller to read once `finish()` has returned. Only a
    /// job calls it, on the page thread.
    func note(_ warnings: [String]) { notes += warnings }

    /// Waits for the pending job and rethrows its failure, if any.
    func finish() throws(SiteError) {
        group.wait()
        if let failure { throw failure }
    }
}
