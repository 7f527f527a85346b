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

    /// The day, or nil when it does not exist; years outside the table go to `Day(year:month:day:)`.
    @inline(__always)
    static func day(year: Int, month: Int, day: Int) -> Day? {
        let y = year &- firstYear
        guard y >= 0 && y < yearCount else { return Day(year: year, month: month, day: day) }
        guard month >= 1 && month <= 12 else { return nil }
        let entry = table.withUnsafeBufferPointer { $0[y &* 12 &+ month &- 1] }
        guard day >= 1 && Int64(day) <= entry & 0xFF else { return nil }
        return Day(ordinal: Int32(truncatingIfNeeded: entry >> 8) &+ Int32(truncatingIfNeeded: day) &- 1)
    }
}
