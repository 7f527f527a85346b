import Foundation

/// Where the amounts that add up past `Money.maxTotal` are in a ledger's file, for the errors of a
/// customer's total and of a month end's total: the line with the largest amount, so that the
/// error's `FILE:LINE:COLUMN` points at it instead of `:0:0`. The file is read again (by path, as
/// the month ends are derived after it was let go), only when such an error is made.
extension LedgerSource {
    /// A line found by `largestAmountLine`: its physical line, the amount as written, and whether
    /// it is a refund (the rows' total being negative).
    struct AmountLine: Equatable {
        var line: Int
        var text: String
        var isRefund = false
    }

    /// The line whose amount goes furthest the way the rows' total does (the largest amount when
    /// the total is positive, the largest refund when it is negative; the first of equal ones, in
    /// file order) among the rows dated up to `day` and, when `customerID` is given, of that
    /// customer. `columns` are the header's positions. Nil when the file cannot be read again as a
    /// file (a pipe is read once) or no longer holds such a row.
    static func largestAmountLine(path: String, customerID: String?, through day: Int32,
                                  columns: (id: Int, date: Int, amount: Int), dialect: InputDialect) -> AmountLine? {
        guard columns.id >= 0, columns.date >= 0, columns.amount >= 0,
              let file = try? MappedFile(path: path, displayName: path, acceptsStreams: false) else { return nil }
        return withExtendedLifetime(file) {
            let bytes = file.bytes
            let delimiter = dialect.delimiter(forHeaderOf: bytes)
            let decimalComma = delimiter == UInt8(ascii: ";")
            let wantedID = customerID.map { Array($0.utf8) }
            var reader = CSVReader(bytes: bytes, delimiter: delimiter)
            var fields: [CSVField] = [], scratch: [UInt8] = []
            guard (try? reader.nextRecord(into: &fields)) == true else { return nil }   // the header
            let needed = max(columns.id, columns.date, columns.amount)
            // The largest amount and the largest refund; the total (in Double: only its sign is used).
            var largest: (amount: Int64, found: AmountLine)?, largestRefund: (amount: Int64, found: AmountLine)?
            var total = 0.0
            while (try? reader.nextRecord(into: &fields)) == true {
                guard fields.count > needed,
                      let date = FieldParser.date(reader.rawBytes(fields[columns.date]), format: dialect.dateFormat), date.ordinal <= day,
                      let amount = Money.parse(reader.rawBytes(fields[columns.amount]), decimalComma: decimalComma, allowNegative: true) else { continue }
                if let wantedID, reader.unescapedBytes(fields[columns.id], scratch: &scratch) != wantedID { continue }
                total += Double(amount)
                let isLarger = amount > (largest?.amount ?? 0), isLargerRefund = amount < (largestRefund?.amount ?? 0)
                guard isLarger || isLargerRefund else { continue }
                let text = String(decoding: FieldParser.trimmed(reader.rawBytes(fields[columns.amount])).prefix(40), as: UTF8.self)
                let found = AmountLine(line: fields[columns.amount].line, text: text, isRefund: amount < 0)
                if isLarger { largest = (amount, found) } else { largestRefund = (amount, found) }
            }
            return (total < 0 ? largestRefund : largest)?.found
        }
    }

    /// The error for amounts adding up past `Money.maxTotal` up to month end `period`: those of
    /// `customer` (its id) when given, else those of all customers. At the largest such amount's
    /// line and column (`largestAmountLine`), `:0:0` when the file cannot be read again.
    func totalOverflowError(customer: String?, period: SnapshotPeriod) -> InputError {
        let limit = Money.maxTotal / Money.scale
        var message = customer.map {
            bilingual("the amounts of customer \($0) add up past \(limit) currency units", "les montants du client \($0) dépassent au total \(limit) unités monétaires")
        } ?? bilingual("the amounts up to \(period.asOf) add up past \(limit) currency units", "les montants jusqu'au \(period.asOf) dépassent au total \(limit) unités monétaires")
        let expected = bilingual("amounts a report can sum exactly", "des montants qu'un rapport peut additionner exactement")
        guard let found = LedgerSource.largestAmountLine(path: path, customerID: customer, through: period.asOf.ordinal,
                                                         columns: (lines.idColumn, lines.dateColumn, lines.amountColumn), dialect: dialect) else {
            return InputError(file: name, line: 0, column: 0, message: message, expected: expected)
        }
        message += found.isRefund
            ? bilingual("; the largest refund, \(found.text), is on this line", "\u{202F}; le plus grand remboursement, \(found.text), est sur cette ligne")
            : bilingual("; the largest amount, \(found.text), is on this line", "\u{202F}; le plus grand montant, \(found.text), est sur cette ligne")
        return InputError(file: name, line: found.line, column: lines.amountColumn + 1, message: message,
                          expected: expected + bilingual(": check this amount", "\u{00A0}: vérifiez ce montant"))
    }
}
