/// Which snapshot a file holds: its label (from the file name) and its as-of date.
public struct SnapshotPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `2026-10` or `2026-10-15`.
    public var label: String
    /// The date the snapshot describes.
    public var asOf: Day

    public init(label: String, asOf: Day) {
        self.label = label
        self.asOf = asOf
    }

    /// A month-end snapshot labelled `YYYY-MM`.
    public init(monthEnd month: Month) {
        self.init(label: month.description, asOf: month.lastDay)
    }

    /// The period of a snapshot taken on `day`: `YYYY-MM` for a month end, `YYYY-MM-DD` otherwise.
    public init(asOf day: Day) {
        let c = day.civil
        if c.day == Day.daysInMonth(year: c.year, month: c.month) {
            self.init(monthEnd: day.month)
        } else {
            self.init(label: day.description, asOf: day)
        }
    }

    /// Parses a snapshot file name (`2026-10.csv`, `2026-10-15.csv`); nil when it is not one.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        guard lower.hasSuffix(".csv") else { return nil }
        let stem = String(fileName.dropLast(4))
        let bytes = Array(stem.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                let d = Int(bytes[k]) - 48
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        if bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let y = digits(0..<4), let m = digits(5..<7), (1...12).contains(m), y >= 1 {
            self.init(monthEnd: Month(year: y, month: m))
        } else if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), let day = Day(year: y, month: m, day: d) {
            self.init(label: stem, asOf: day)
        } else {
            return nil
        }
    }

    public static func < (lhs: SnapshotPeriod, rhs: SnapshotPeriod) -> Bool { lhs.asOf < rhs.asOf }
    public var description: String { label }
}
