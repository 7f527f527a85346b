/// Scratch memory for summing several hypergeometric series at once without allocating
/// (`Hypergeometric.scaledIncrements(_:_:_:_:count:into:workspace:)`, the CLV horizons of one
/// customer group): one workspace per thread, reused for every group. Allocating the per-call
/// arrays was a third of the time of predicting the 60 k (x, T) groups of a ledger month end.
final class SeriesWorkspace {
    /// Largest number of series summed at once.
    let capacity: Int
    private let storage: UnsafeMutablePointer<Double>
    /// Indices of the series still being summed.
    let active: UnsafeMutablePointer<Int>
    /// The coefficients of the series summed by Horner's rule (`Hypergeometric.scaledIncrementsByHorner`).
    let coefficients: UnsafeMutablePointer<Double>
    /// The most coefficients `coefficients` holds.
    let coefficientCapacity = 4096

    /// A workspace for up to `capacity` series at once.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: 8 * self.capacity)
        storage.initialize(repeating: 0, count: 8 * self.capacity)
        active = .allocate(capacity: self.capacity)
        active.initialize(repeating: 0, count: self.capacity)
        coefficients = .allocate(capacity: coefficientCapacity)
        coefficients.initialize(repeating: 0, count: coefficientCapacity)
    }

    deinit {
        storage.deallocate()
        active.deallocate()
        coefficients.deallocate()
    }

    /// Per-series state of the summation.
    var z: UnsafeMutablePointer<Double> { storage }
    var term: UnsafeMutablePointer<Double> { storage + capacity }
    var sum: UnsafeMutablePointer<Double> { storage + 2 * capacity }
    var largest: UnsafeMutablePointer<Double> { storage + 3 * capacity }
    /// First terms, for callers that derive them from the arguments.
    var firstTerms: UnsafeMutablePointer<Double> { storage + 4 * capacity }
    /// Free for the caller: three more blocks of `capacity` values.
    var callerBlocks: UnsafeMutablePointer<Double> { storage + 5 * capacity }
}
