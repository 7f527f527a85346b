/// Proleptic Gregorian day arithmetic for the sample generator (days since 1970-01-01).
enum SampleCalendar {
    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date of a day number (civil_from_days).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// First day of the month with index `year * 12 + month - 1`.
    static func firstDay(monthIndex: Int) -> Int {
        days(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1)
    }

    /// Last day of the month with index `year * 12 + month - 1`.
    static func lastDay(monthIndex: Int) -> Int {
        let year = monthIndex / 12, month = monthIndex % 12 + 1
        return days(year: year, month: month, day: daysInMonth(year: year, month: month))
    }

    /// `YYYY-MM` label of a month index.
    static func label(monthIndex: Int) -> String {
        let year = monthIndex / 12, month = monthIndex % 12 + 1
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" : "") + m
    }
}
