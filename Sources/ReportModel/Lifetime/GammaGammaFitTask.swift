import Dispatch

/// The Gamma-Gamma fit of a set of histories, started on a second thread at once and awaited with
/// `wait()` (internal to `LifetimeValueEstimator`, which fits BG/NBD meanwhile).
final class GammaGammaFitTask: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the background job, read only after `group.wait()`.
    private var result: Result<GammaGammaParameters, LifetimeModelError> = .failure(.didNotConverge("not run"))
    /// Written once by the background job, read only after `group.wait()`.
    private var excluded = 0

    init(_ histories: [PurchaseHistory]) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            // Grouped once, here: the spend data is a few tens of MB at 1 M buyers.
            let data = GammaGammaData(histories)
            excluded = data.excluded
            do {
                result = .success(try GammaGammaModel.fit(data))
            } catch let error as LifetimeModelError {
                result = .failure(error)
            } catch {
                result = .failure(.didNotConverge("\(error)"))
            }
        }
    }

    /// Waits for the fit and returns its outcome.
    @discardableResult
    func wait() -> Result<GammaGammaParameters, LifetimeModelError> {
        group.wait()
        return result
    }

    /// Histories left out of the fit (x = 0 or m <= 0); after `wait()`.
    var excludedCount: Int {
        group.wait()
        return excluded
    }
}
