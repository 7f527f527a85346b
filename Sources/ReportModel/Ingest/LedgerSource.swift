import Foundation

/// Month-end snapshots derived from a transaction ledger (input.md, kind 2).
///
/// Snapshots run from the first purchase month to the as-of date (default: the last date in the
/// ledger; later lines are ignored). Each carries first/last order date, orders and revenue, plus the
/// purchase-day detail the predictive model uses. Snapshots must be read in order.
public struct LedgerSource: SnapshotSource {
    public let periods: [SnapshotPeriod]
    /// What is worth a warning in the ledger: a long run of months without a purchase line
    /// (`longestGap`), no order column (`orderColumnWarning`), the as-of date (`trailingWarning`,
    /// `shortLastPeriodWarning`).
    public let warnings: [String]
    /// The purchase lines dated after the as-of date, read and left out.
    private let linesAfterAsOf: Int
    let name: String
    /// The ledger's path and dialect, to read it again for an error's line (`totalOverflowError`).
    let path: String
    let dialect: InputDialect
    let lines: LedgerReader.Lines
    /// The lines grouped by month end, then sorted by (customer, day), ties in file order, packed
    /// as columns (`groupedByPeriod`): customer index and whether the line starts a new order for
    /// its customer, day in the month, amount. A month end reads its own lines in one sequential
    /// pass. (Sorted by customer alone, each month end read every customer's next line where it lay
    /// among all its lines: a cache miss per customer with a purchase, 60 % of deriving the month
    /// ends, perf annotate.)
    private let lineCustomer: [UInt32]
    private let lineDayInMonth: [UInt8]
    private let lineAmount: [Int64]
    /// Start of each month end's lines in the columns (periods.count + 1 entries).
    private let periodStart: [Int]
    /// The month end of each day, and the first day of each month end's month.
    private let dayPeriods: LedgerDayPeriods
    /// The bit of `lineCustomer` that says a line starts an order.
    static let startsOrderBit: UInt32 = 1 << 31
    private let customerCount: Int
    private var state: CustomerState
    private var nextIndex = 0
    /// Set once a customer's amounts, or a month end's revenues, added up past the exact limit: the
    /// later month ends cannot be derived, and the error was said once (a ten-year ledger said it
    /// for each of its 120 month ends).
    private var failed = false
    private var digests: [String]?
    /// Month ends with fewer lines (or rows) than this are derived on one thread (tests lower it).
    var linesPerChunk = 16_384

    /// Each customer's figures so far, by customer index.
    private struct CustomerState {
        var orders: [Int32]
        var revenue: [Int64]
        var first: [Int32]
        var last: [Int32]
        var days: [Int32]
        var repeatSpend: [Int64]
        /// The customers with a purchase so far, in index order (the rows of the next month end).
        var buyers: [Int32] = []
        /// Those whose first purchase is in the month end being derived, in index order.
        var newBuyers: [Int32] = []
    }

    /// `digests`: work out `periodDigests()` (a pass over the lines, for the build cache).
    public init(path: String, asOf: Day?, dialect: InputDialect, digests: Bool = false) throws(InputErrors) {
        let display = (path as NSString).lastPathComponent
        let file: MappedFile
        do { file = try MappedFile(path: path, displayName: display) } catch let e as InputError { throw InputErrors([e]) } catch {
            throw InputErrors([InputError(file: display, line: 0, column: 0, message: SystemReason.of(error), expected: bilingual("a readable file", "un fichier lisible"))])
        }
        var parsed = try withExtendedLifetime(file) { () throws(InputErrors) -> LedgerReader.Lines in
            try LedgerReader(dialect: dialect).read(bytes: file.bytes, name: display, consumed: { file.discard(before: $0) },
                                             released: { file.discard($0) })
        }
        name = display
        self.path = path
        self.dialect = dialect
        // The earliest and latest lines, found once (a pass per part, the parts at once) for the
        // cut, the span and the gap warnings (which made four passes over 5 M lines on one thread).
        var extremes = LedgerSource.extremeLines(parsed)
        guard extremes.latest.customer >= 0 else {
            throw InputErrors([InputError(file: display, line: 2, column: 0, message: bilingual("the ledger has no purchase line", "le journal n'a aucune ligne d'achat"), expected: bilingual("at least one row after the header", "au moins une ligne après l'en-tête"))])
        }
        let cut = asOf ?? Day(ordinal: extremes.latest.day)
        // Lines after the as-of date are ignored (that is how a calibration period is cut).
        if extremes.latest.day > cut.ordinal {
            let first = extremes.earliest
            parsed.parts = parsed.parts.map { $0.through(cut.ordinal) }
            extremes = LedgerSource.extremeLines(parsed)
            guard extremes.earliest.customer >= 0 else {
                throw InputErrors([withExtendedLifetime(file) {
                    LedgerSource.asOfBeforeFirstPurchaseError(parsed, first: first, asOf: cut, file: display, bytes: file.bytes, dialect: dialect)
                }])
            }
        }
        linesAfterAsOf = parsed.lineCount - parsed.parts.reduce(0) { $0 + $1.count }
        let firstMonth = Day(ordinal: extremes.earliest.day).month
        let monthEnds = cut.month.index - firstMonth.index + 1
        if monthEnds > LedgerSource.maxMonthEnds {
            throw InputErrors([withExtendedLifetime(file) {
                LedgerSource.spanError(parsed, file: display, monthEnds: monthEnds, extremes: extremes, asOf: asOf, bytes: file.bytes, dialect: dialect)
            }])
        }
        let dayPeriods = LedgerDayPeriods(from: firstMonth, through: cut)
        self.dayPeriods = dayPeriods
        let gap = monthEnds > LedgerSource.gapWarningMonths
            ? LedgerSource.longestGap(parsed, days: dayPeriods, from: firstMonth, to: cut.month, extremes: extremes) : nil
        if let gap, gap.count >= LedgerSource.gapErrorMonths {
            throw InputErrors([withExtendedLifetime(file) {
                LedgerSource.gapError(gap, lines: parsed, file: display, from: firstMonth, to: cut.month, bytes: file.bytes, dialect: dialect)
            }])
        }
        let gapWarning = gap.flatMap { gap in
            gap.count >= LedgerSource.gapWarningMonths
                ? "\(display): " + LedgerSource.gapText(gap, lines: parsed, from: firstMonth, to: cut.month,
                                                         around: LedgerSource.linesAround(parsed, gap: gap, from: firstMonth)) + bilingual(": check for a mistyped date", "\u{00A0}: vérifiez s'il y a une date mal saisie") : nil
        }
        warnings = [gapWarning, LedgerSource.orderColumnWarning(file: display, lines: parsed),
                    LedgerSource.trailingWarning(file: display, lastLine: Day(ordinal: extremes.latest.day), asOf: cut),
                    asOf == nil && monthEnds > 1 ? LedgerSource.shortLastPeriodWarning(file: display, asOf: cut) : nil].compactMap { $0 }
        let customerCount = parsed.customers.count
        var sorted = LedgerSource.sortedByCustomer(&parsed.parts, customers: customerCount, hasOrderID: parsed.hasOrderID)
        // Every id is interned: month ends go by customer index (26 MB less at 1 M customers, through
        // the last month ends where a ledger build's memory peaks).
        parsed.customers.releaseTable()
        lines = parsed
        self.customerCount = customerCount
        state = CustomerState(orders: .init(repeating: 0, count: customerCount), revenue: .init(repeating: 0, count: customerCount),
                              first: .init(repeating: SnapshotTable.missingDay, count: customerCount),
                              last: .init(repeating: SnapshotTable.missingDay, count: customerCount), days: .init(repeating: 0, count: customerCount),
                              repeatSpend: .init(repeating: 0, count: customerCount))
        // Month ends from the first purchase month, then the as-of date itself.
        var list: [SnapshotPeriod] = []
        var month = firstMonth
        while month.lastDay < cut {
            list.append(SnapshotPeriod(monthEnd: month))
            month = Month(index: month.index + 1)
        }
        list.append(SnapshotPeriod(asOf: cut))
        periods = list
        if digests {
            self.digests = LedgerSource.digests(periods: list, periodOfDay: dayPeriods, customers: parsed.customers.ids, start: sorted.start,
                                                day: sorted.day, amount: sorted.amount, order: sorted.order)
        }
        let grouped = LedgerSource.groupedByPeriod(&sorted, periodOfDay: dayPeriods, periods: list.count)
        (lineCustomer, lineDayInMonth, lineAmount, periodStart) = (grouped.customer, grouped.dayInMonth, grouped.amount, grouped.start)
    }

    /// The digest of each snapshot's lines, when asked for at `init`.
    public func periodDigests() -> [String]? { digests }

    /// A digest of each snapshot's lines (those of its month; for the last, up to the as-of date):
    /// the multiset of (customer id, day, amount, order id) and their count, whatever the lines'
    /// order in the file. A month end is derived from the lines up to it alone, so a ledger that
    /// grows by a month keeps the digests of the months before it. `order` is empty without an
    /// `order_id` column (every line is then an order).
    /// `chunks`: how many chunks of customers are digested at once (tests vary it).
    static func digests(periods: [SnapshotPeriod], periodOfDay: LedgerDayPeriods, customers ids: CustomerIDs, start: [Int], day: [Int32], amount: [Int64], order: [Int64],
                        chunks requested: Int = ParallelChunks.count) -> [String] {
        @inline(__always) func mix(_ x: UInt64) -> UInt64 { SampleRandom.mix(x &+ 0x9E37_79B9_7F4A_7C15) }
        // Sums, so chunks of customers are digested at once and their sums added.
        let chunks = ParallelChunks.bounds(start.count - 1, parts: requested) { start[$0] }
        var sums = [(a: [UInt64], b: [UInt64], count: [Int])](repeating: ([], [], []), count: chunks.count - 1)
        sums.withUnsafeMutableBufferPointer { sums in
            ParallelChunks.run(chunks.count - 1) { j in
                var sumA = [UInt64](repeating: 0, count: periods.count), sumB = sumA, count = [Int](repeating: 0, count: periods.count)
                for c in chunks[j]..<chunks[j + 1] {
                    var idHash = ContentHash()
                    ids.withBytes(Int32(c)) { idHash.update($0) }
                    let (ia, ib) = idHash.words
                    for k in start[c]..<start[c + 1] {
                        let p = periodOfDay[day[k]]
                        let d = UInt64(bitPattern: Int64(day[k])), m = UInt64(bitPattern: amount[k])
                        let o = order.isEmpty ? 0 : UInt64(bitPattern: order[k])
                        sumA[p] &+= mix(mix(mix(mix(ia) &+ d) &+ m) &+ o)
                        sumB[p] &+= mix(mix(mix(mix(ib ^ 0x5851_F42D_4C95_7F2D) ^ (d &* 0xD6E8_FEB8_6659_FD93)) ^ (m &* 0xA076_1D64_78BD_642F)) ^ (o &* 0xE703_7ED1_A0B4_28DB))
                        count[p] += 1
                    }
                }
                sums[j] = (sumA, sumB, count)
            }
        }
        return periods.indices.map { p in
            let a = sums.reduce(0 as UInt64) { $0 &+ $1.a[p] }, b = sums.reduce(0 as UInt64) { $0 &+ $1.b[p] }
            return ContentHash.hex(a) + ContentHash.hex(b) + "-" + String(sums.reduce(0) { $0 + $1.count[p] })
        }
    }

    /// Most month ends a ledger may span (100 years): more is a mistyped or placeholder date (a
    /// 9999-12-31 line in a 2024 ledger would make 95,700 month ends: hours of work, tens of GB of site).
    static let maxMonthEnds = 1_200

    /// The earliest and the latest line, by day and customer (ties: the first in file order); customer
    /// −1 when there is no line. The parts are gone through at once. Only lines after day
    /// `earliestAfter` may be the earliest, and before day `latestBefore` the latest (the lines on
    /// either side of a gap, `linesAround`).
    static func extremeLines(_ lines: LedgerReader.Lines, earliestAfter: Int32 = .min, latestBefore: Int32 = .max) -> Extremes {
        var found = [Extremes](repeating: Extremes(), count: lines.parts.count)
        found.withUnsafeMutableBufferPointer { found in
            ParallelChunks.run(lines.parts.count) { k in
                var own = Extremes()
                lines.parts[k].day.withUnsafeBufferPointer { days in
                    lines.parts[k].customer.withUnsafeBufferPointer { customers in
                        for (i, day) in days.enumerated() {
                            if day < own.earliest.day && day > earliestAfter { own.earliest = (day, customers[i]) }
                            if day > own.latest.day && day < latestBefore { own.latest = (day, customers[i]) }
                        }
                    }
                }
                found[k] = own
            }
        }
        var all = Extremes()
        for own in found {
            if own.earliest.day < all.earliest.day { all.earliest = own.earliest }
            if own.latest.day > all.latest.day { all.latest = own.latest }
        }
        return all
    }

    /// A ledger's earliest and latest lines (see `extremeLines`).
    struct Extremes {
        var earliest = (day: Int32.max, customer: Int32(-1))
        var latest = (day: Int32.min, customer: Int32(-1))
    }

    /// The error for a ledger spanning more than `maxMonthEnds` month ends, naming its earliest and
    /// latest lines (on or before the as-of date, `extremes`) by date, customer and line number.
    /// It points at the line whose date is likely the mistake: of the earliest line and the
    /// span's far end (the latest line, or `asOf` when one was given), the farther from the middle
    /// line's date; `:0:0` when that is the given as-of date. `bytes` (the file, read with
    /// `dialect`) are read again for the line numbers.
    static func spanError(_ lines: LedgerReader.Lines, file: String, monthEnds: Int, extremes: Extremes, asOf: Day?,
                          bytes: UnsafeRawBufferPointer, dialect: InputDialect) -> InputError {
        let (earliest, latest) = (extremes.earliest, extremes.latest)
        let numbers = lineNumbers(of: [earliest, latest], in: bytes, lines: lines, dialect: dialect)
        func describe(_ line: LineValue, _ number: Int?) -> String {
            bilingual("\(Day(ordinal: line.day)), customer \(lines.customers.id(line.customer))", "\(Day(ordinal: line.day)), client \(lines.customers.id(line.customer))") + (number.map { bilingual(", line \($0)", ", ligne \($0)") } ?? "")
        }
        let middle = middleDay(lines) ?? Int64(latest.day)
        let farEnd = Int64(asOf?.ordinal ?? latest.day)
        let suspect: Int? = middle - Int64(earliest.day) > farEnd - middle ? numbers[0] : (asOf == nil ? numbers[1] : nil)
        return InputError(file: file, line: suspect ?? 0, column: suspect == nil ? 0 : lines.dateColumn + 1,
                          message: bilingual("the ledger spans \(monthEnds) month ends, from its earliest line (\(describe(earliest, numbers[0]))) to ",
                                            "le journal couvre \(monthEnds) fins de mois, de sa ligne la plus ancienne (\(describe(earliest, numbers[0]))) ")
                              + (asOf.map { bilingual("the as-of date \($0) given; latest line: \(describe(latest, numbers[1]))", "à la date --as-of \($0) donnée\u{202F}; ligne la plus récente\u{00A0}: \(describe(latest, numbers[1]))") }
                                 ?? bilingual("its latest line (\(describe(latest, numbers[1])))", "à sa ligne la plus récente (\(describe(latest, numbers[1])))")),
                          expected: bilingual("at most \(maxMonthEnds) month ends (100 years): check for a mistyped or placeholder date, or cut the ledger with --as-of",
                                              "au plus \(maxMonthEnds) fins de mois (100 ans)\u{00A0}: vérifiez s'il y a une date mal saisie ou factice, ou coupez le journal avec --as-of"))
    }

    /// Months in a row without a purchase line from which a ledger is worth a warning.
    static let gapWarningMonths = 12

    /// Months in a row without a purchase line from which a ledger is refused: ten years are a
    /// mistyped year (2124 for 2024), whose month ends (each a snapshot, every one of them written)
    /// made a four-line ledger build for minutes into an 860 MB site.
    static let gapErrorMonths = 120

    /// The longest run of months without a purchase line, between `first` and the as-of month
    /// `last` (its first month's index from `first`, and its length); nil when every month has one.
    /// Every line lies between `first` and `last` (the ledger is cut at the as-of date), whose month
    /// ends `days` gives.
    static func longestGap(_ lines: LedgerReader.Lines, days: LedgerDayPeriods, from first: Month, to last: Month, extremes: Extremes) -> (start: Int, count: Int)? {
        let span = last.index - first.index + 1
        // The months with a line, per part (the parts at once), then together.
        var boughtByPart = [[Bool]](repeating: [], count: lines.parts.count)
        boughtByPart.withUnsafeMutableBufferPointer { boughtByPart in
            ParallelChunks.run(lines.parts.count) { k in
                var own = [Bool](repeating: false, count: span)
                own.withUnsafeMutableBufferPointer { own in
                    lines.parts[k].day.withUnsafeBufferPointer { partDays in for day in partDays { own[days[day]] = true } }
                }
                boughtByPart[k] = own
            }
        }
        let bought = (0..<span).map { m in boughtByPart.contains { $0[m] } }
        let lastLine = Day(ordinal: extremes.latest.day)
        var longest = (start: 0, count: 0), run = 0
        for m in 0...(lastLine.month.index - first.index) {
            run = bought[m] ? 0 : run + 1
            if run > longest.count { longest = (m - run + 1, run) }
        }
        return longest.count > 0 ? longest : nil
    }

    /// The error for a gap of `gapErrorMonths` months or more (`longestGap`): it points at the line
    /// next to the gap on its side with fewer lines, where the mistyped date likely is, and names
    /// the lines on either side by number (`bytes`, the file read with `dialect`, are read again).
    static func gapError(_ gap: (start: Int, count: Int), lines: LedgerReader.Lines, file: String, from first: Month, to last: Month,
                         bytes: UnsafeRawBufferPointer, dialect: InputDialect) -> InputError {
        let around = linesAround(lines, gap: gap, from: first)
        let numbers = lineNumbers(of: [around.before, around.after], in: bytes, lines: lines, dialect: dialect)
        let before = linesBefore(gapMonths(gap, from: first).first.firstDay.ordinal, lines), after = lines.parts.reduce(0) { $0 + $1.count } - before
        let suspect = before < after ? numbers[0] : numbers[1]
        let lastBefore = Month(index: first.index + gap.start - 1).lastDay
        return InputError(file: file, line: suspect ?? 0, column: suspect == nil ? 0 : lines.dateColumn + 1,
            message: gapText(gap, lines: lines, from: first, to: last, around: around, lineNumbers: (numbers[0], numbers[1])),
            expected: bilingual("at most \(gapErrorMonths - 1) months in a row without a purchase line: correct the mistyped date "
                + "(or, if the lines after the gap are the mistake, leave them out with --as-of \(lastBefore))",
                "au plus \(gapErrorMonths - 1) mois d'affilée sans ligne d'achat\u{00A0}: corrigez la date mal saisie "
                + "(ou, si l'erreur est dans les lignes après le trou, écartez-les avec --as-of \(lastBefore))"))
    }

    /// A gap of months without a purchase line (`longestGap`) in words, naming the lines on either
    /// side of it (`around`, from `linesAround`) by date and customer, and by line number when
    /// known (`lineNumbers`: the error reads the file again for them): every one of those months
    /// still gets a month end (input.md), so one mistyped year (1990 or 2124 for 2024) makes
    /// hundreds of empty-looking snapshots, and either side may hold the mistake.
    static func gapText(_ gap: (start: Int, count: Int), lines: LedgerReader.Lines, from first: Month, to last: Month,
                        around: (before: LineValue, after: LineValue), lineNumbers: (before: Int?, after: Int?) = (nil, nil)) -> String {
        let span = last.index - first.index + 1
        let (gapFirst, gapLast) = gapMonths(gap, from: first)
        func describe(_ line: LineValue, _ number: Int?) -> String {
            bilingual("\(Day(ordinal: line.day)) (customer \(lines.customers.id(line.customer))", "\(Day(ordinal: line.day)) (client \(lines.customers.id(line.customer))") + (number.map { bilingual(", line \($0)", ", ligne \($0)") } ?? "") + ")"
        }
        return bilingual("\(gap.count) months without a purchase line (\(gapFirst) to \(gapLast)) each get a month end, "
            + "\(span) in all from \(first); the last line before them is dated \(describe(around.before, lineNumbers.before)), "
            + "the first after them \(describe(around.after, lineNumbers.after))",
            "\(gap.count) mois sans ligne d'achat (\(gapFirst) à \(gapLast)) ont chacun une fin de mois, "
            + "\(span) en tout depuis \(first)\u{202F}; la dernière ligne avant eux est datée du \(describe(around.before, lineNumbers.before)), "
            + "la première après eux du \(describe(around.after, lineNumbers.after))")
    }

    /// The first and the last month of a gap (`longestGap`) of a ledger whose first month is `first`.
    static func gapMonths(_ gap: (start: Int, count: Int), from first: Month) -> (first: Month, last: Month) {
        (Month(index: first.index + gap.start), Month(index: first.index + gap.start + gap.count - 1))
    }

    /// The latest line before a gap and the earliest after it (ties: the first in file order).
    /// Both exist for a gap between lines.
    static func linesAround(_ lines: LedgerReader.Lines, gap: (start: Int, count: Int), from first: Month) -> (before: LineValue, after: LineValue) {
        let months = gapMonths(gap, from: first)
        let found = extremeLines(lines, earliestAfter: months.last.lastDay.ordinal, latestBefore: months.first.firstDay.ordinal)
        return (found.latest, found.earliest)
    }

    /// The warning for a ledger without an `order_id` column that has a column named as order
    /// numbers are (`order_ref`, `InvoiceNo`, `N° commande`): every line then counts as an order, so
    /// an order of three lines counts three times in the frequency and the repeat purchase rate
    /// (only the unknown-column warning said so, in passing). Nil otherwise: a ledger of one line
    /// per order needs no order column.
    static func orderColumnWarning(file: String, lines: LedgerReader.Lines) -> String? {
        guard !lines.hasOrderID, let alike = HeaderSynonyms.candidate(for: "order_id", among: lines.unknownColumns) else { return nil }
        let entry = HeaderSynonyms.columnsEntry([(alike, "order_id")])
        return bilingual("\(file): the ledger has no order_id column, so every line counts as one order; \"\(alike)\" may be it: "
            + "map it in fidelis.yml with \(entry)",
            "\(file): le journal n'a pas de colonne order_id, donc chaque ligne compte pour une commande\u{202F}; ce pourrait être \"\(alike)\"\u{00A0}: "
            + "associez-le dans fidelis.yml avec \(entry)")
    }

    /// Month ends after the last line from which an as-of date is worth a warning: each is a
    /// snapshot in which every customer looks one month older, so retention falls for no reason
    /// in the data (a mistyped year makes hundreds).
    static let trailingWarningMonths = 3

    /// The warning for an as-of date `trailingWarningMonths` or more month ends after the ledger's
    /// last line, or nil.
    static func trailingWarning(file: String, lastLine: Day, asOf: Day) -> String? {
        let trailing = asOf.month.index - lastLine.month.index
        guard trailing >= trailingWarningMonths else { return nil }
        return bilingual("\(file): the latest purchase is dated \(lastLine), and the as-of date \(asOf) adds \(trailing) snapshot(s) after its month "
            + "without any purchase line: check --as-of",
            "\(file): le dernier achat est daté du \(lastLine), et la date --as-of \(asOf) ajoute \(trailing) relevé(s) après son mois "
            + "sans aucune ligne d'achat\u{00A0}: vérifiez --as-of")
    }

    /// The days of a month from which a last snapshot is a month's worth (not warned about).
    static let shortPeriodDays = 7

    /// The warning for a default as-of date (the latest line's) a few days into its month: the
    /// last snapshot then compares those days with a whole month (an export run on 2 November
    /// that holds one order of the 1st made a `2026-11-01` snapshot), or nil.
    static func shortLastPeriodWarning(file: String, asOf: Day) -> String? {
        let day = asOf.civil.day
        guard day < shortPeriodDays, asOf != asOf.month.lastDay else { return nil }
        let previousEnd = Month(index: asOf.month.index - 1).lastDay
        return bilingual("\(file): the latest line is dated \(asOf), so the last snapshot covers only \(day) day(s) of \(asOf.month): "
            + "pass --as-of \(previousEnd) to end at the last full month",
            "\(file): la dernière ligne est datée du \(asOf), donc le dernier relevé ne couvre que \(day) jour(s) de \(asOf.month)\u{00A0}: "
            + "passez --as-of \(previousEnd) pour finir au dernier mois complet")
    }

    /// A derived snapshot is a pass over lines already in memory, but a pass over every customer:
    /// 63 month ends of 500 k customers took 1.4 s of CPU on the thread that computes the figures,
    /// the critical path of a ledger build (read ahead: 16.5–17.6 → 14.2–14.7 s, peak 270 → 294 MB).
    /// The extra table grows with customers, so beyond `readAheadCustomers` month ends are derived
    /// when asked (a 1 M-customer ledger read ahead peaked at 434 MB instead of 353 MB).
    public var benefitsFromReadAhead: Bool { customerCount <= LedgerSource.readAheadCustomers }

    /// The most customers for which month ends are derived ahead (see `benefitsFromReadAhead`).
    public static let readAheadCustomers = 600_000

    public mutating func read(_ index: Int, customers: inout CustomerIndex, reusing spare: consuming SnapshotTable?) -> SnapshotOutcome {
        precondition(index == nextIndex, "ledger snapshots are derived in order")
        nextIndex += 1
        if index == 0 { customers = lines.customers }
        let period = periods[index]
        // After an overflow no later month end can be derived; its error is not repeated for each.
        guard !failed else { return SnapshotOutcome(name: name, table: nil, errors: InputErrors(), unknownColumns: [], byteCount: 0) }
        // No status, vip, survey, complaint, refund or points columns: left empty (see `SnapshotTable`).
        var table = SnapshotTable(period: period, columns: [.customerID, .firstOrderDate, .lastOrderDate, .orders, .revenue], capacity: 0, reusing: spare)
        table.derivedFromLedger = true
        if let overflowed = applyLines(of: index) {
            failed = true
            return SnapshotOutcome(name: name, table: nil, errors: InputErrors([totalOverflowError(customer: customers.id(overflowed), period: period)]),
                                   unknownColumns: [], byteCount: 0)
        }
        // The rows: the customers with a purchase so far, in index order. Customers are indexed in
        // the order the ledger first names them, so in a ledger in date order they are the first
        // indices, and each column is one copy of the start of the state's.
        let rowCount = state.buyers.count
        let isPrefix = rowCount == 0 || Int(state.buyers[rowCount - 1]) == rowCount - 1
        func gather<T: BitwiseCopyable>(_ column: [T], into out: inout [T]) {
            column.withUnsafeBufferPointer { column in
                if isPrefix {
                    out.removeAll(keepingCapacityFor: rowCount)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: column[0..<rowCount]))
                    return
                }
                state.buyers.withUnsafeBufferPointer { rows in out.refill(gathering: column, at: rows) }
            }
        }
        // The columns are filled on two threads at once for large tables (a copy of every row's six
        // figures per month end: the other half of deriving month ends), each column by one of them:
        // taken out of the table first, so that each is the only reference to its storage.
        var (first, last, orders, revenue, days, repeatSpend, buyers) =
            (table.firstOrder, table.lastOrder, table.orders, table.revenue, table.purchaseDays, table.repeatSpend, table.customer)
        (table.firstOrder, table.lastOrder, table.orders, table.revenue, table.purchaseDays, table.repeatSpend, table.customer) = ([], [], [], [], [], [], [])
        var revenueExact = true
        // Two parts (or one, doing both, for a small table or a single core): the first three columns and the
        // ids, then the other three and the revenue check.
        let parts = rowCount >= linesPerChunk && ParallelChunks.count > 1 ? 2 : 1
        ParallelChunks.run(parts) { part in
            if part == 0 {
                gather(state.first, into: &first)
                gather(state.last, into: &last)
                gather(state.orders, into: &orders)
                buyers.removeAll(keepingCapacityFor: rowCount)
                buyers.append(contentsOf: state.buyers)
            }
            if part == parts - 1 {
                gather(state.revenue, into: &revenue)
                gather(state.days, into: &days)
                gather(state.repeatSpend, into: &repeatSpend)
                // The revenues summed in row order must stay exact.
                var total: Int64 = 0
                for r in revenue {
                    let (sum, overflow) = total.addingReportingOverflow(r)
                    if overflow || abs(sum) > Money.maxTotal { revenueExact = false; break }
                    total = sum
                }
            }
        }
        (table.firstOrder, table.lastOrder, table.orders, table.revenue, table.purchaseDays, table.repeatSpend, table.customer) =
            (first, last, orders, revenue, days, repeatSpend, buyers)
        guard revenueExact else {
            failed = true
            return SnapshotOutcome(name: name, table: nil, errors: InputErrors([totalOverflowError(customer: nil, period: period)]),
                                   unknownColumns: [], byteCount: 0)
        }
        var outcome = SnapshotOutcome(name: name, table: table, errors: InputErrors(), unknownColumns: index == 0 ? lines.unknownColumns : [],
                                      byteCount: index == 0 ? lines.byteCount : 0, rowCount: index == 0 ? lines.lineCount : 0)
        outcome.rowsLeftOut = index == 0 ? linesAfterAsOf : 0
        return outcome
    }

    /// Adds the lines of month end `index` to each customer's figures, in one pass over its lines
    /// (by customer, then day), and its new buyers to `state.buyers`. Returns the customer whose
    /// amounts add up past the exact limit, if one does (the first in index order).
    ///
    /// The lines are split into chunks of whole customers, applied at once, one per core (each
    /// customer's figures are written by one chunk only; the chunks' new buyers, in index order
    /// within each, follow one another in index order), and `read` fills the table's columns on two
    /// threads. One thread did both with the other core idle: deriving the 500 k-customer sample
    /// ledger's 63 month ends took 0.073–0.083 s, now 0.050–0.057 s (perf, three runs each); its
    /// `validate --parse-only`, 24 alternating pairs, mean 0.469 → 0.451 s; the 1 M-customer
    /// ledger's (12 month ends), 16 pairs, 0.553 → 0.518 s.
    private mutating func applyLines(of index: Int) -> Int32? {
        let lines = periodStart[index]..<periodStart[index + 1]
        let missing = SnapshotTable.missingDay
        let bounds = LedgerSource.customerChunks(of: lines, customers: lineCustomer,
                                                 parts: lines.count >= linesPerChunk ? ParallelChunks.count : 1)
        let chunkCount = bounds.count - 1
        var chunkNewBuyers = [[Int32]](repeating: [], count: chunkCount)
        var chunkOverflowed = [Int32?](repeating: nil, count: chunkCount)
        // The first chunk's new buyers go into the storage kept from the month end before.
        swap(&chunkNewBuyers[0], &state.newBuyers)
        chunkNewBuyers[0].removeAll(keepingCapacity: true)
        // Through buffer pointers: the loop writes six arrays of `self` for every line, each write
        // through an array subscript a uniqueness and a bounds check.
        state.orders.withUnsafeMutableBufferPointer { orders in
        state.revenue.withUnsafeMutableBufferPointer { revenue in
        state.first.withUnsafeMutableBufferPointer { first in
        state.last.withUnsafeMutableBufferPointer { last in
        state.days.withUnsafeMutableBufferPointer { days in
        state.repeatSpend.withUnsafeMutableBufferPointer { repeatSpend in
        chunkNewBuyers.withUnsafeMutableBufferPointer { chunkNewBuyers in
        chunkOverflowed.withUnsafeMutableBufferPointer { chunkOverflowed in
            lineCustomer.withUnsafeBufferPointer { lineCustomer in
            lineDayInMonth.withUnsafeBufferPointer { lineDayInMonth in
            lineAmount.withUnsafeBufferPointer { lineAmount in
                let firstDay = dayPeriods.firstOrdinal(ofPeriod: index)
                ParallelChunks.run(chunkCount) { j in
                    // Moved out and back, so that the chunk's array is not shared while it grows.
                    var newBuyers: [Int32] = []
                    swap(&newBuyers, &chunkNewBuyers[j])
                    defer { swap(&newBuyers, &chunkNewBuyers[j]) }
                    for k in bounds[j]..<bounds[j + 1] {
                        let packed = lineCustomer[k], day = firstDay + Int32(lineDayInMonth[k]), amount = lineAmount[k]
                        let c = Int(packed & ~LedgerSource.startsOrderBit)
                        if packed & LedgerSource.startsOrderBit != 0 { orders[c] += 1 }
                        let (sum, overflow) = revenue[c].addingReportingOverflow(amount)
                        if overflow || abs(sum) > Money.maxTotal { chunkOverflowed[j] = Int32(c); return }
                        revenue[c] = sum
                        if first[c] == missing { first[c] = day; newBuyers.append(Int32(c)) }
                        if day != last[c] { days[c] += 1 }
                        if day != first[c] { repeatSpend[c] += amount }
                        last[c] = day
                    }
                }
            }}}
        }}}}}}}}
        var newBuyers: [Int32] = []
        swap(&newBuyers, &chunkNewBuyers[0])
        for j in 1..<chunkCount { newBuyers.append(contentsOf: chunkNewBuyers[j]) }
        let overflowed = chunkOverflowed.lazy.compactMap { $0 }.first
        // Merged into the buyers so far; in a ledger in date order they all come after them.
        if let firstNew = newBuyers.first, let lastKnown = state.buyers.last, firstNew < lastKnown {
            var merged: [Int32] = []
            merged.reserveCapacity(state.buyers.count + newBuyers.count)
            var i = 0, j = 0
            while i < state.buyers.count || j < newBuyers.count {
                if j == newBuyers.count || (i < state.buyers.count && state.buyers[i] < newBuyers[j]) {
                    merged.append(state.buyers[i]); i += 1
                } else {
                    merged.append(newBuyers[j]); j += 1
                }
            }
            state.buyers = merged
        } else {
            state.buyers.append(contentsOf: newBuyers)
        }
        state.newBuyers = newBuyers
        return overflowed
    }

    /// `parts` + 1 ascending bounds splitting `lines` (sorted by customer) into about equal ranges
    /// that never split a customer's lines (fewer ranges when a customer's lines span a bound).
    static func customerChunks(of lines: Range<Int>, customers: [UInt32], parts: Int) -> [Int] {
        var bounds = [lines.lowerBound]
        for j in 1..<max(parts, 1) {
            var b = max(lines.lowerBound + lines.count * j / parts, bounds[bounds.count - 1])
            // Moved on to the first line of the next customer.
            while b > lines.lowerBound && b < lines.upperBound
                    && customers[b] & ~startsOrderBit == customers[b - 1] & ~startsOrderBit { b += 1 }
            if b > bounds[bounds.count - 1] && b < lines.upperBound { bounds.append(b) }
        }
        bounds.append(lines.upperBound)
        return bounds
    }
}
