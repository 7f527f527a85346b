import Testing
@testable import ReportModel

/// The month table gives the same day as the civil-date arithmetic, for every date it covers and
/// around it, and refuses the same impossible dates.
@Suite struct MonthStartsTests {
    @Test func everyDateAgreesWithTheCivilArithmetic() {
        var disagreements: [String] = []
        for year in [1, 1899] + Array(1900...2155) + [2156, 9999] {
            for month in 0...13 {
                for day in 0...32 {
                    let table = MonthStarts.day(year: year, month: month, day: day)
                    let civil = (1...12).contains(month) ? Day(year: year, month: month, day: day) : nil
                    if table != civil { disagreements.append("\(year)-\(month)-\(day): \(String(describing: table)) vs \(String(describing: civil))") }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func leapDaysAndMonthEnds() {
        #expect(MonthStarts.day(year: 2024, month: 2, day: 29) == Day(year: 2024, month: 2, day: 29))
        #expect(MonthStarts.day(year: 2026, month: 2, day: 29) == nil)
        #expect(MonthStarts.day(year: 1900, month: 2, day: 29) == nil)
        #expect(MonthStarts.day(year: 2000, month: 2, day: 29) != nil)
        #expect(MonthStarts.day(year: 2026, month: 4, day: 31) == nil)
        #expect(MonthStarts.day(year: 1970, month: 1, day: 1)?.ordinal == 0)
    }
}
