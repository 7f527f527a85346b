/// Where a ledger's lines are in its file, for the errors about the ledger as a whole (a span of
/// more than `maxMonthEnds` month ends, a gap of `gapErrorMonths` months): the line whose date is
/// likely the mistake, so that the error's `FILE:LINE:COLUMN` points at it instead of `:0:0`.
/// The columns keep no line numbers (4 bytes a line, for an error path), so the file is read again
/// for them, only when such an error is made.
extension LedgerSource {
    /// A line of the ledger by value: its customer index and day.
    typealias LineValue = (day: Int32, customer: Int32)

    /// The physical line of the date of the first row, in file order, holding each of `wanted`
    /// (customer id and date as read), or nil for one not found. `bytes` are the whole file, read with `dialect`.
    static func lineNumbers(of wanted: [LineValue], in bytes: UnsafeRawBufferPointer, lines: LedgerReader.Lines, dialect: InputDialect) -> [Int?] {
        var found = [Int?](repeating: nil, count: wanted.count)
        guard lines.idColumn >= 0, lines.dateColumn >= 0 else { return found }
        let ids = wanted.map { Array(lines.customers.id($0.customer).utf8) }
        var reader = CSVReader(bytes: bytes, delimiter: dialect.delimiter(forHeaderOf: bytes))
        var fields: [CSVField] = [], scratch: [UInt8] = []
        guard (try? reader.nextRecord(into: &fields)) == true else { return found }   // the header
        let needed = max(lines.idColumn, lines.dateColumn)
        while found.contains(where: { $0 == nil }), (try? reader.nextRecord(into: &fields)) == true {
            guard fields.count > needed,
                  let day = FieldParser.date(reader.rawBytes(fields[lines.dateColumn]), format: dialect.dateFormat)?.ordinal,
                  wanted.contains(where: { $0.day == day }) else { continue }
            let id = reader.unescapedBytes(fields[lines.idColumn], scratch: &scratch)
            for k in wanted.indices where found[k] == nil && wanted[k].day == day && ids[k] == id { found[k] = fields[lines.dateColumn].line }
        }
        return found
    }

    /// The error for an as-of date before the ledger's first purchase (`first`, its earliest line):
    /// at `:0:0`, as the date given is what is off, naming the first purchase by date, customer and
    /// line number (`bytes`, the file read with `dialect`, are read again for it).
    static func asOfBeforeFirstPurchaseError(_ lines: LedgerReader.Lines, first: LineValue, asOf: Day, file: String,
                                             bytes: UnsafeRawBufferPointer, dialect: InputDialect) -> InputError {
        let number = lineNumbers(of: [first], in: bytes, lines: lines, dialect: dialect)[0]
        let day = Day(ordinal: first.day), id = lines.customers.id(first.customer)
        return InputError(file: file, line: 0, column: 0,
                          message: bilingual("no purchase on or before the as-of date \(asOf): the first is on \(day), customer \(id)",
                                             "aucun achat au plus tard à la date --as-of \(asOf)\u{00A0}: le premier est du \(day), client \(id)")
                              + (number.map { bilingual(", line \($0)", ", ligne \($0)") } ?? ""),
                          expected: bilingual("an --as-of date on or after \(day), the first purchase", "une date --as-of au plus tôt le \(day), celle du premier achat"))
    }

    /// The middle line's day, by date (of about 65,536 lines taken evenly through the file); between
    /// the two middle lines' for an even count, so that two lines a century apart are a tie.
    static func middleDay(_ lines: LedgerReader.Lines) -> Int64? {
        let count = lines.parts.reduce(0) { $0 + $1.count }
        guard count > 0 else { return nil }
        let step = max(1, count / 65_536)
        var taken: [Int32] = []
        for part in lines.parts { taken.append(contentsOf: stride(from: 0, to: part.count, by: step).map { part.day[$0] }) }
        taken.sort()
        let half = taken.count / 2
        return taken.count % 2 == 1 ? Int64(taken[half]) : (Int64(taken[half - 1]) + Int64(taken[half])) / 2
    }

    /// The number of lines dated before `day`.
    static func linesBefore(_ day: Int32, _ lines: LedgerReader.Lines) -> Int {
        lines.parts.reduce(0) { sum, part in sum + part.day.reduce(0) { $0 + ($1 < day ? 1 : 0) } }
    }
}
