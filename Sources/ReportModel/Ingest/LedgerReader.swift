/// Reads a transaction ledger (input.md, kind 2) into columns, checking every value.
public struct LedgerReader {
    public var dialect: InputDialect
    /// Whether plainly valid rows take `LedgerRowDecoder`'s one-pass path (tests compare both).
    var decodesPlainRows = true

    public init(dialect: InputDialect) { self.dialect = dialect }

    /// The parsed purchase lines.
    public struct Lines: Sendable {
        public var customers = CustomerIndex(capacity: 1 << 10)
        public var customer: [Int32] = []
        public var day: [Int32] = []
        public var amount: [Int64] = []
        /// Order id per line as a 63-bit hash of its bytes (-2 for an empty id); empty without an
        /// `order_id` column. Order ids only need to be told apart within one customer's lines, where
        /// a collision has a chance of about 2^-63; a global intern table cost 130 MB at 5 M lines.
        public var order: [Int64] = []
        public var hasOrderID = false
        public var byteCount = 0
        public var unknownColumns: [String] = []
    }

    /// Reads `bytes` (shown as `name` in messages).
    /// `consumed` is told, every few megabytes, the offset before which no byte is needed any more.
    public func read(bytes: UnsafeRawBufferPointer, name: String, consumed: (Int) -> Void = { _ in }) throws(InputErrors) -> Lines {
        var errors = InputErrors()
        let delimiter = dialect.delimiter(forHeaderOf: bytes)
        let decimalComma = delimiter == UInt8(ascii: ";")
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        var fields: [CSVField] = []
        var lines = Lines()
        lines.byteCount = bytes.count
        let hasHeader: Bool
        do { hasHeader = try reader.nextRecord(into: &fields) } catch { throw InputErrors([error.located(in: name)]) }
        guard hasHeader else {
            throw InputErrors([InputError(file: name, line: 1, column: 0, message: "the file is empty", expected: "a header row naming the columns")])
        }
        let header = HeaderMap<LedgerColumn>(fields: fields, reader: reader, file: name, dialect: dialect, required: LedgerColumn.required, errors: &errors)
        guard errors.isEmpty else { throw errors }
        lines.unknownColumns = header.unknown
        let width = fields.count
        let cID = header.position[.customerID]!, cDate = header.position[.date]!, cAmount = header.position[.amount]!
        let cOrder = header.position[.orderID] ?? -1, cQuantity = header.position[.quantity] ?? -1
        lines.hasOrderID = cOrder >= 0
        var scratch: [UInt8] = []
        let estimate = max(16, bytes.count / 40)
        lines.customer.reserveCapacity(estimate); lines.day.reserveCapacity(estimate); lines.amount.reserveCapacity(estimate)
        if cOrder >= 0 { lines.order.reserveCapacity(estimate) }
        func shown(_ f: CSVField) -> String { "\"" + String(decoding: reader.rawBytes(f).prefix(40), as: UTF8.self) + "\"" }
        var lastConsumed = 0
        // Plainly valid rows are decoded in one pass; the others take the general path below.
        let decoder = LedgerRowDecoder(positions: header.position, width: width, delimiter: delimiter, format: dialect.dateFormat)
        var decoded = LedgerRowDecoder.Row()
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // Ids of plainly valid rows are interned in batches (`CustomerIndex.intern(batch:into:)`), in
        // row order: the batch is flushed before any other row is interned and before bytes are let go.
        let batchSize = 32
        var customers = CustomerIndex(capacity: 1 << 10)
        var pending: [UnsafeRawBufferPointer] = []
        pending.reserveCapacity(batchSize)
        func flush() {
            guard !pending.isEmpty else { return }
            let at = lines.customer.count - pending.count
            pending.withUnsafeBufferPointer { ids in
                lines.customer.withUnsafeMutableBufferPointer { out in customers.intern(batch: ids, into: out.baseAddress! + at) }
            }
            pending.removeAll(keepingCapacity: true)
        }
        while true {
            if reader.offset - lastConsumed >= 16 << 20 { flush(); lastConsumed = reader.offset; consumed(max(0, lastConsumed - 1)) }
            if decodesPlainRows, let base, let next = decoder.decode(base, from: reader.offset, count: bytes.count, into: &decoded) {
                reader.skipLine(to: next)
                guard errors.isEmpty else { continue }
                pending.append(UnsafeRawBufferPointer(start: base + decoded.idStart, count: decoded.idCount))
                lines.customer.append(-1)
                if pending.count == batchSize { flush() }
                lines.day.append(decoded.day)
                lines.amount.append(decoded.amount)
                if cOrder >= 0 { lines.order.append(decoded.order) }
                continue
            }
            flush()
            let more: Bool
            do { more = try reader.nextRecord(into: &fields) } catch { errors.append(error.located(in: name)); break }
            guard more else { break }
            let line = fields[0].line
            guard fields.count == width else {
                errors.append(InputError(file: name, line: line, column: min(fields.count, width) + 1, message: "the row has \(fields.count) field(s)", expected: "\(width) fields as in the header row"))
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
            if idBytes.isEmpty { fail(cID, "customer_id is missing", "a non-empty customer id") }
            else if !idBytes.withUnsafeBytes({ TextValidation.isValidUTF8($0) }) { fail(cID, "customer_id is not valid UTF-8 text", "UTF-8 text") }
            else { customer = idBytes.withUnsafeBytes { customers.intern($0) } }
            let dateRaw = reader.rawBytes(fields[cDate])
            var day: Int32 = 0
            if FieldParser.trimmed(dateRaw).isEmpty { fail(cDate, "\(header.name(cDate)) is missing", dialect.dateFormat.example) }
            else if let d = FieldParser.date(dateRaw, format: dialect.dateFormat) { day = d.ordinal }
            else { fail(cDate, "\(header.name(cDate)) \(shown(fields[cDate])) is not a valid date", dialect.dateFormat.example) }
            let amountRaw = reader.rawBytes(fields[cAmount])
            var amount: Int64 = 0
            if FieldParser.trimmed(amountRaw).isEmpty { fail(cAmount, "\(header.name(cAmount)) is missing", "a decimal number (negative for refunds)") }
            else if let v = Money.parse(amountRaw, decimalComma: decimalComma, allowNegative: true) { amount = v }
            else { fail(cAmount, "\(header.name(cAmount)) \(shown(fields[cAmount])) is not a decimal number", decimalComma ? "a number like -12.50 or 12,50" : "a number like 12.50 or -12.50") }
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
                    fail(cQuantity, "\(header.name(cQuantity)) \(shown(fields[cQuantity])) is not a whole number", "an integer")
                }
            }
            guard ok, errors.isEmpty else { continue }
            lines.customer.append(customer)
            lines.day.append(day)
            lines.amount.append(amount)
            if cOrder >= 0 { lines.order.append(order) }
        }
        guard errors.isEmpty else { throw errors }
        lines.customers = customers
        return lines
    }
}
