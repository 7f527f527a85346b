/// Day arithmetic for the sample generator (days since 1970-01-01), on top of `Day` and `Month`.
enum SampleCalendar {
    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int { Day.daysFromCivil(year, month, day) }

    /// Civil date of a day number.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) { Day(ordinal: Int32(days)).civil }

    static func daysInMonth(year: Int, month: Int) -> Int { Day.daysInMonth(year: year, month: month) }

    /// First day of the month with index `year * 12 + month - 1`.
    static func firstDay(monthIndex: Int) -> Int { Int(Month(index: monthIndex).firstDay.ordinal) }

    /// Last day of the month with index `year * 12 + month - 1`.
    static func lastDay(monthIndex: Int) -> Int { Int(Month(index: monthIndex).lastDay.ordinal) }

    /// `YYYY-MM` label of a month index.
    static func label(monthIndex: Int) -> String { Month(index: monthIndex).description }
}
