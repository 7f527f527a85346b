/// The Gamma-Gamma fit of a set of histories, started on a second thread at once and awaited with
/// `wait()` (internal to `LifetimeValueEstimator`, which fits BG/NBD meanwhile).
final class GammaGammaFitTask: Sendable {
    private let task: BackgroundTask<(result: Result<GammaGammaParameters, LifetimeModelError>, excluded: Int)>

    init<Histories: RandomAccessCollection<PurchaseHistory> & Sendable>(_ histories: Histories) {
        task = BackgroundTask {
            // Grouped once, here: the spend data is a few tens of MB at 1 M buyers.
            let data = GammaGammaData(histories)
            do {
                return (.success(try GammaGammaModel.fit(data)), data.excluded)
            } catch let error as LifetimeModelError {
                return (.failure(error), data.excluded)
            } catch {
                return (.failure(.didNotConverge("\(error)")), data.excluded)
            }
        }
    }

    /// Waits for the fit and returns its outcome.
    @discardableResult
    func wait() -> Result<GammaGammaParameters, LifetimeModelError> { task.wait().result }

    /// Histories left out of the fit (x = 0 or m <= 0); after `wait()`.
    var excludedCount: Int { task.wait().excluded }
}
