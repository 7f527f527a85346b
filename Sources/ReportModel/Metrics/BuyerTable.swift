/// Per-buyer RFM figures of one snapshot (the rows of `segments.csv`), column by column, sorted by customer id.
public struct BuyerTable: Sendable {
    public var customer: [Int32] = []
    public var recencyDays: [Int32] = []
    public var frequency: [Int32] = []
    /// Revenue in `Money` units.
    public var monetary: [Int64] = []
    /// Scores packed as r * 100 + f * 10 + m.
    public var scores: [UInt16] = []
    /// Index into the report's segment list.
    public var segment: [UInt8] = []
    /// Probability alive, NaN when not computed.
    public var probabilityAlive: [Double] = []
    /// Predicted CLV, NaN when not computed.
    public var predictedCLV: [Double] = []

    public init() {}

    public var count: Int { customer.count }

    /// Empties every column and keeps its storage, so that a later snapshot's buyers can be written
    /// into memory already mapped (`ReportEngine.process(reusingBuyers:)`).
    public mutating func removeAll() {
        customer.removeAll(keepingCapacity: true)
        recencyDays.removeAll(keepingCapacity: true)
        frequency.removeAll(keepingCapacity: true)
        monetary.removeAll(keepingCapacity: true)
        scores.removeAll(keepingCapacity: true)
        segment.removeAll(keepingCapacity: true)
        probabilityAlive.removeAll(keepingCapacity: true)
        predictedCLV.removeAll(keepingCapacity: true)
    }

    // Inlinable: `segments.csv` reads them for every buyer from another module, where a plain
    // public function was a call each.
    @inlinable public func r(_ i: Int) -> Int { Int(scores[i]) / 100 }
    @inlinable public func f(_ i: Int) -> Int { Int(scores[i]) / 10 % 10 }
    @inlinable public func m(_ i: Int) -> Int { Int(scores[i]) % 10 }
}
