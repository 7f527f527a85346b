import Testing
@testable import ReportModel

/// Checks that a model's likelihood tends to its limit's: `value(K)` for K = 1e2, 1e3, 1e4, 1e5 (the
/// parameter running to ∞) comes at least five times closer to `limit` at each step and ends within
/// `tolerance` of it.
func expectTendsToLimit(
    _ limit: Double, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation, _ value: (Double) -> Double
) {
    var gap = Double.infinity
    for k in [1.0e2, 1.0e3, 1.0e4, 1.0e5] {
        let v = value(k)
        #expect(abs(v - limit) < gap / 5, "K = \(k): \(v) vs limit \(limit)", sourceLocation: sourceLocation)
        gap = abs(v - limit)
    }
    #expect(gap < tolerance, sourceLocation: sourceLocation)
}

/// Three repeat buyers (x, m) whose Gamma-Gamma likelihood the limit tests sum by hand.
enum ThreeRepeatBuyers {
    static let values: [(x: Double, m: Double)] = [(1, 20), (3, 45.5), (2, 8)]
    static var data: GammaGammaData {
        GammaGammaData(values.map { PurchaseHistory(x: $0.x, tx: $0.x, T: 5, meanRepeatSpend: $0.m) })
    }
}
