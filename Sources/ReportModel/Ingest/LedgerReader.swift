/// Reads a transaction ledger (input.md, kind 2) into columns, checking every value.
public struct LedgerReader {
    public var dialect: InputDialect
    /// Whether plainly valid rows take `LedgerRowDecoder`'s one-pass path (tests compare both).
    var decodesPlainRows = true
    /// Files with at least this many bytes after the header are read in two halves at once, when
    /// the process can use two cores or more (tests lower it to split small files).
    var splitsFrom = ParallelChunks.count > 1 ? 8 << 20 : .max

    public init(dialect: InputDialect) { self.dialect = dialect }

    /// The parsed purchase lines.
    public struct Lines: Sendable {
        public var customers = CustomerIndex(capacity: 1 << 10)
        /// The lines in file order, in one part or in the parts read at once (see `LedgerTailReader`).
        public var parts: [LedgerLineColumns] = []
        public var hasOrderID = false
        public var byteCount = 0
        /// The purchase lines read (those after an as-of date included).
        public var lineCount = 0
        public var unknownColumns: [String] = []
        /// The positions of the `customer_id`, `date` and `amount` columns in a row (-1 before the
        /// header is read).
        public var idColumn = -1, dateColumn = -1, amountColumn = -1

        /// All lines' customers, in file order (a copy).
        public var customer: [Int32] { parts.flatMap(\.customer) }
        /// All lines' days, in file order (a copy).
        public var day: [Int32] { parts.flatMap(\.day) }
        /// All lines' amounts, in file order (a copy).
        public var amount: [Int64] { parts.flatMap(\.amount) }
        /// All lines' order id hashes, in file order (a copy; empty without an `order_id` column).
        public var order: [Int64] { parts.flatMap(\.order) }
    }

    /// Reads `bytes` (shown as `name` in messages).
    /// `consumed` is told, every few megabytes, the offset before which no byte of the first half is
    /// needed any more; `released` (from a second thread, see `LedgerTailReader`) ranges of the
    /// second half read and no longer needed.
    public func read(
        bytes: UnsafeRawBufferPointer, name: String, consumed: (Int) -> Void = { _ in },
        released: @escaping @Sendable (Range<Int>) -> Void = { _ in }
    ) throws(InputErrors) -> Lines {
        var errors = InputErrors()
        let delimiter = dialect.delimiter(forHeaderOf: bytes)
        let decimalComma = delimiter == UInt8(ascii: ";")
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        var fields: [CSVField] = []
        var lines = Lines()
        lines.byteCount = bytes.count
        if let notText = CSVReader.notText(bytes) { throw InputErrors([notText.located(in: name)]) }
        let hasHeader: Bool
        do { hasHeader = try reader.nextRecord(into: &fields) } catch { throw InputErrors([error.located(in: name)]) }
        guard hasHeader else {
            throw InputErrors([InputError(file: name, line: 1, column: 0, message: bilingual("the file is empty", "le fichier est vide"), expected: bilingual("a header row naming the columns", "une ligne d'en-tête qui nomme les colonnes"))])
        }
        let header = HeaderMap<LedgerColumn>(fields: fields, reader: reader, file: name, dialect: dialect, required: LedgerColumn.required, errors: &errors)
        guard errors.isEmpty else { throw errors }
        lines.unknownColumns = header.unknown
        let width = fields.count
        let cID = header.position[.customerID]!, cDate = header.position[.date]!, cAmount = header.position[.amount]!
        let cOrder = header.position[.orderID] ?? -1, cQuantity = header.position[.quantity] ?? -1
        lines.hasOrderID = cOrder >= 0
        (lines.idColumn, lines.dateColumn, lines.amountColumn) = (cID, cDate, cAmount)
        var scratch: [UInt8] = []
        func shown(_ f: CSVField) -> String { "\"" + String(decoding: reader.rawBytes(f).prefix(40), as: UTF8.self) + "\"" }
        // Plainly valid rows are decoded in one pass; the others take the general path below.
        let decoder = LedgerRowDecoder(positions: header.position, width: width, delimiter: delimiter, format: dialect.dateFormat)
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // The second half is read on a second thread (see `LedgerTailReader`): the file is split at
        // the first line start after its middle.
        var tail: LedgerTailReader?
        if decodesPlainRows, let base, bytes.count - reader.offset >= splitsFrom {
            var split = reader.offset + (bytes.count - reader.offset) / 2
            while split < bytes.count && base[split - 1] != UInt8(ascii: "\n") { split += 1 }
            if split < bytes.count {
                tail = LedgerTailReader(decoder: decoder, bytes: bytes, from: split, hasOrderID: cOrder >= 0, release: released)
            }
        }
        defer { _ = tail?.wait() }   // its bytes must stay mapped while it reads
        // The first half's id table takes the second half's ids too (`LedgerLinesBuilder.append`):
        // it is sized for the whole file's, so that they are not rehashed there, on one thread
        // (a 1 M-customer ledger's table grew at that point: 7 % of its read).
        var builder = LedgerLinesBuilder(hasOrderID: cOrder >= 0, expectedLines: LedgerLinesBuilder.expectedLines(bytes: (tail?.start ?? bytes.count) - reader.offset),
                                         tableLines: LedgerLinesBuilder.expectedLines(bytes: bytes.count - reader.offset))
        var lastConsumed = 0
        while true {
            if let next = tail, reader.offset >= next.start {
                // The first half ends where the tail begins: its lines follow. (Past it, a record
                // spanned the split and the tail's lines are not used.)
                tail = nil
                let (tailLines, reached, rows) = next.wait()
                if reader.offset == next.start {
                    if errors.isEmpty { builder.append(tailLines) }
                    reader.skipLines(to: reached, count: rows)
                }
            }
            if reader.offset - lastConsumed >= 16 << 20 { builder.flush(); lastConsumed = reader.offset; consumed(max(0, lastConsumed - 1)) }
            if decodesPlainRows, let base {
                let limit = min(tail?.start ?? bytes.count, lastConsumed + (16 << 20))
                let (next, rows) = builder.decodePlainRows(decoder, base, from: reader.offset, count: bytes.count, limit: limit, keep: errors.isEmpty)
                if rows > 0 {
                    reader.skipLines(to: next, count: rows)
                    continue
                }
            }
            let more: Bool
            do { more = try reader.nextRecord(into: &fields) } catch { errors.append(error.located(in: name)); break }
            guard more else { break }
            let line = fields[0].line
            guard fields.count == width else {
                errors.append(InputError(file: name, line: line, column: min(fields.count, width) + 1, message: bilingual("the row has \(fields.count) field(s)", "la ligne a \(fields.count) champ(s)"), expected: bilingual("\(width) fields as in the header row", "\(width) champs comme la ligne d'en-tête")))
                continue
            }
            var ok = true
            func fail(_ column: Int, _ message: String, _ expected: String) {
                errors.append(InputError(file: name, line: fields[column].line, column: column + 1, message: message, expected: expected))
                ok = false
            }
            let idField = fields[cID]
            let idBytes = reader.unescapedBytes(idField, scratch: &scratch)
            var customer: Int32 = -1
            // Guest checkouts (an order without a customer account) are the usual cause in a shop export.
            if idBytes.isEmpty { fail(cID, bilingual("customer_id is missing", "customer_id manque"), bilingual("a non-empty customer id; lines without a customer, such as guest checkouts, cannot be followed over time: leave them out of the export", "un identifiant client non vide\u{202F}; les lignes sans client, comme les achats sans compte, ne peuvent pas être suivies dans le temps\u{00A0}: laissez-les hors de l'export")) }
            else if !idBytes.withUnsafeBytes({ TextValidation.isValidUTF8($0) }) { fail(cID, bilingual("customer_id is not valid UTF-8 text", "customer_id n'est pas du texte UTF-8 valide"), TextValidation.expectedUTF8) }
            else { customer = idBytes.withUnsafeBytes { builder.intern($0) } }
            let dateRaw = reader.rawBytes(fields[cDate])
            var day: Int32 = 0
            if FieldParser.trimmed(dateRaw).isEmpty { fail(cDate, bilingual("\(header.name(cDate)) is missing", "\(header.name(cDate)) manque"), dialect.dateFormat.example) }
            else if let d = FieldParser.date(dateRaw, format: dialect.dateFormat) { day = d.ordinal }
            else {
                let (problem, expected) = dialect.dateFormat.diagnosis(of: dateRaw)
                fail(cDate, "\(header.name(cDate)) \(shown(fields[cDate])) \(problem)", expected)
            }
            let amountRaw = reader.rawBytes(fields[cAmount])
            var amount: Int64 = 0
            if FieldParser.trimmed(amountRaw).isEmpty { fail(cAmount, bilingual("\(header.name(cAmount)) is missing", "\(header.name(cAmount)) manque"), bilingual("a decimal number (negative for refunds)", "un nombre décimal (négatif pour les remboursements)")) }
            else if let v = Money.parse(amountRaw, decimalComma: decimalComma, allowNegative: true) { amount = v }
            else { fail(cAmount, "\(header.name(cAmount)) \(shown(fields[cAmount])) " + Money.refusal(amountRaw, decimalComma: decimalComma), (decimalComma ? bilingual("a number like -12.50 or 12,50", "un nombre comme -12.50 ou 12,50") : bilingual("a number like 12.50 or -12.50", "un nombre comme 12.50 ou -12.50"))
                        + MoneyHint.hint(for: amountRaw, decimalComma: decimalComma, allowNegative: true)) }
            var order: Int64 = -1
            if cOrder >= 0 {
                let f = fields[cOrder]
                let bytes = reader.unescapedBytes(f, scratch: &scratch)
                if bytes.isEmpty {
                    // A line without an order id is an order of its own.
                    order = -2
                } else {
                    order = bytes.withUnsafeBytes { Int64(bitPattern: CustomerIndex.hash($0) & 0x7FFF_FFFF_FFFF_FFFF) }
                }
            }
            if cQuantity >= 0 {
                let raw = reader.rawBytes(fields[cQuantity])
                if !FieldParser.trimmed(raw).isEmpty && FieldParser.integer(raw) == nil {
                    fail(cQuantity, bilingual("\(header.name(cQuantity)) \(shown(fields[cQuantity])) is not a whole number", "\(header.name(cQuantity)) \(shown(fields[cQuantity])) n'est pas un nombre entier"),
                         bilingual("an integer", "un entier") + FieldParser.wholeNumberHint(for: raw) + FieldParser.noValueHint(for: raw))
                }
            }
            guard ok, errors.isEmpty else { continue }
            builder.append(customer: customer, day: day, amount: amount, order: order)
        }
        guard errors.isEmpty else { throw errors }
        (lines.customers, lines.parts) = builder.finish()
        lines.lineCount = lines.parts.reduce(0) { $0 + $1.count }
        return lines
    }
}
