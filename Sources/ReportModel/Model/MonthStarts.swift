/// The day ordinal of the first of every month from 1900 to 2155, and each month's length: a date
/// in those years is then a table load and an add. (The civil-date arithmetic of `Day(year:month:day:)`
/// was 7 % of parsing the 1 M × 12 sample snapshots, two dates a row.) The table is made with
/// `Day(year:month:day:)` itself, so both give the same ordinal for every date.
enum MonthStarts {
    static let firstYear = 1900
    static let yearCount = 256

    /// (ordinal of the 1st) << 8 | month length, by (year − firstYear) * 12 + month − 1.
    static let table: [Int64] = {
        var table: [Int64] = []
        table.reserveCapacity(yearCount * 12)
        for year in firstYear..<(firstYear + yearCount) {
            for month in 1...12 {
                table.append(Int64(Day(year: year, month: month, day: 1)!.ordinal) << 8 | Int64(Day.daysInMonth(year: year, month: month)))
            }
        }
        return table
    }()

    /// `table`'s entries in memory that is never freed: a hot loop takes this pointer once (each
    /// read of a global runs its lazy-initialisation check, a `swift_once` call: 1 % of a parse
    /// with two dates per row). Never written after it is made, so it is safe to share.
    nonisolated(unsafe) static let entries: UnsafePointer<Int64> = {
        let copy = UnsafeMutablePointer<Int64>.allocate(capacity: table.count)
        copy.initialize(from: table, count: table.count)
        return UnsafePointer(copy)
    }()

    /// The day, or nil when it does not exist; years outside the table go to `Day(year:month:day:)`.
    @inline(__always)
    static func day(year: Int, month: Int, day: Int) -> Day? {
        self.day(year: year, month: month, day: day, entries: entries)
    }

    /// As `day(year:month:day:)`, with `entries` taken beforehand.
    @inline(__always)
    static func day(year: Int, month: Int, day: Int, entries: UnsafePointer<Int64>) -> Day? {
        let y = year &- firstYear
        guard y >= 0 && y < yearCount else { return Day(year: year, month: month, day: day) }
        guard month >= 1 && month <= 12 else { return nil }
        let entry = entries[y &* 12 &+ month &- 1]
        guard day >= 1 && Int64(day) <= entry & 0xFF else { return nil }
        return Day(ordinal: Int32(truncatingIfNeeded: entry >> 8) &+ Int32(truncatingIfNeeded: day) &- 1)
    }
}
