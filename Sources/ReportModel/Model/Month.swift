/// A calendar month, used for cohorts and snapshot labels.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since year 0: `year * 12 + (month - 1)`.
    public var index: Int

    public init(year: Int, month: Int) { index = year * 12 + (month - 1) }
    public init(index: Int) { self.index = index }

    public var year: Int { index / 12 }
    public var number: Int { index % 12 + 1 }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }

    /// The last day of the month.
    public var lastDay: Day { Day(year: year, month: number, day: Day.daysInMonth(year: year, month: number))! }
    /// The first day of the month.
    public var firstDay: Day { Day(year: year, month: number, day: 1)! }

    /// `YYYY-MM`.
    public var description: String { "\(Day.pad(year, 4))-\(Day.pad(number, 2))" }
}
