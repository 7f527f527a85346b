/// The month end (period index) of each day of a ledger's span, worked out once per day rather than
/// once per line.
struct LedgerDayPeriods {
    /// The ordinal of the first period's first day.
    let firstOrdinal: Int32
    private let period: [Int32]
    /// The ordinal of the first day of each period's month.
    private let periodFirst: [Int32]

    /// Days from the first day of `first` through `last`; period 0 is `first`'s month end.
    init(from first: Month, through last: Day) {
        firstOrdinal = first.firstDay.ordinal
        period = (0...Int(last.ordinal - first.firstDay.ordinal)).map { offset in
            Int32(Day(ordinal: first.firstDay.ordinal + Int32(offset)).month.index - first.index)
        }
        periodFirst = (0...(last.month.index - first.index)).map { Month(index: first.index + $0).firstDay.ordinal }
    }

    /// The ordinal of the first day of period `p`'s month.
    @inline(__always) func firstOrdinal(ofPeriod p: Int) -> Int32 { periodFirst[p] }

    /// The period of `day` (which must lie within the span).
    @inline(__always) subscript(day: Int32) -> Int { Int(period[Int(day - firstOrdinal)]) }
}
