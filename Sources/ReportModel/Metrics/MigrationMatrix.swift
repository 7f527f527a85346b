/// Customers moving between segments from the previous snapshot to this one.
///
/// Rows: each segment, then `new` (absent or prospect before). Columns: each segment, then `gone`
/// (absent or prospect now).
public struct MigrationMatrix: Sendable, Equatable {
    public static let newRow = "new"
    public static let goneColumn = "gone"
    /// How the row of customers new at a snapshot and the column of those gone from it are shown.
    public static let newRowName = LocalizedText(en: "New", fr: "Nouveaux")
    public static let goneColumnName = LocalizedText(en: "Gone", fr: "Sortis")

    public var from: [String]
    public var to: [String]
    /// counts[from][to]
    public var counts: [[Int]]

    public init(segments: [String]) {
        from = segments + [MigrationMatrix.newRow]
        to = segments + [MigrationMatrix.goneColumn]
        counts = Array(repeating: Array(repeating: 0, count: to.count), count: from.count)
    }

    public func count(from a: String, to b: String) -> Int {
        guard let i = from.firstIndex(of: a), let j = to.firstIndex(of: b) else { return 0 }
        return counts[i][j]
    }

    /// The customers in segment `id` now who were elsewhere at the previous snapshot (in another
    /// segment, or new).
    public func entered(_ id: String) -> Int {
        from.filter { $0 != id }.reduce(0) { $0 + count(from: $1, to: id) }
    }
}
