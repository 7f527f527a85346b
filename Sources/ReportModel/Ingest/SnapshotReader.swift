/// Reads one customer snapshot file (input.md, kind 1) into a `SnapshotTable`, checking every rule.
public struct SnapshotReader {
    public var dialect: InputDialect
    /// Whether plainly valid rows take `SnapshotRowDecoder`'s one-pass path (tests compare both).
    var decodesPlainRows = true

    public init(dialect: InputDialect) { self.dialect = dialect }

    /// The outcome of reading one file: the table when it is valid, the problems otherwise.
    public struct Outcome {
        public var table: SnapshotTable?
        public var errors: InputErrors
        /// Header names that matched no column.
        public var unknownColumns: [String]
        /// Bytes read.
        public var byteCount: Int
        /// Customers in row order (the hint for the next file of the same export).
        public var rowOrder: [Int32] = []
        /// Rows kept a batch at a time (see `read(bytes:…)`), for tests.
        var rowsReadInBatches = 0
    }

    /// Reads `path` (shown as `displayName` in messages) as the snapshot of `period`, interning ids
    /// into `customers`, into the storage of `spare` when given (see `SnapshotTable.init(reusing:)`).
    /// `largestFileBytes` is the size of the largest file of the same source (see `read(bytes:…)`).
    public func read(path: String, displayName: String, period: SnapshotPeriod, customers: inout CustomerIndex, hint: [Int32] = [],
                     reusing spare: consuming SnapshotTable? = nil, scratch: SnapshotReadScratch = SnapshotReadScratch(),
                     largestFileBytes: Int = 0) -> Outcome {
        let file: MappedFile
        do {
            file = try MappedFile(path: path, displayName: displayName, acceptsStreams: false)
        } catch let error as InputError {
            return Outcome(table: nil, errors: InputErrors([error]), unknownColumns: [], byteCount: 0)
        } catch {
            return Outcome(table: nil, errors: InputErrors([InputError(file: displayName, line: 0, column: 0, message: SystemReason.of(error), expected: bilingual("a readable file", "un fichier lisible"))]), unknownColumns: [], byteCount: 0)
        }
        var spare = consume spare
        return withExtendedLifetime(file) {
            read(bytes: file.bytes, displayName: displayName, period: period, customers: &customers, hint: hint, reusing: spare.take(), scratch: scratch,
                 largestFileBytes: largestFileBytes, consumed: { file.discard(before: $0) })
        }
    }

    /// The number of rows to reserve: the line ends in the first 64 KB of rows, scaled to the rest of
    /// the file, plus 2 %. (A fixed 64 bytes per row fell just short on the sample files, so every
    /// column doubled its capacity at the very end.)
    static func estimatedRows(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let remaining = bytes.count - start
        guard remaining > 0 else { return 16 }
        let window = min(remaining, 64 << 10)
        var lines = 0
        for i in start..<(start + window) where bytes[i] == UInt8(ascii: "\n") { lines += 1 }
        guard lines > 0 else { return 16 }
        let estimate = Double(remaining) / Double(window) * Double(lines) * 1.02 + 16
        return Int(min(estimate, Double(remaining)))
    }

    /// Reads snapshot rows from a buffer.
    ///
    /// `hint` is the previous file's customer sequence: CRM exports keep their row order from month
    /// to month, so the id of row k is first compared with the hinted customer (one `memcmp`) before
    /// any hashing. Any order still works; the hint only saves time.
    /// `consumed` is told, every few megabytes, the offset before which no byte is needed any more.
    /// `largestFileBytes`, the size of the largest file of the same source (0: unknown), sizes the
    /// table's columns, the id table and the per-customer arrays for the largest file from the first
    /// one on: exports grow month by month, and growing them file after file copied the columns
    /// and re-hashed the ids each time (57 % of the page faults and 3 % of the time of parsing the
    /// 1 M × 12 sample snapshots). Capacity never written costs no memory.
    public func read(bytes: UnsafeRawBufferPointer, displayName: String, period: SnapshotPeriod, customers: inout CustomerIndex, hint: [Int32] = [],
                     reusing spare: consuming SnapshotTable? = nil, scratch arrays: SnapshotReadScratch = SnapshotReadScratch(),
                     largestFileBytes: Int = 0, consumed: (Int) -> Void = { _ in }) -> Outcome {
        var errors = InputErrors()
        let delimiter = dialect.delimiter(forHeaderOf: bytes)
        var reader = CSVReader(bytes: bytes, delimiter: delimiter)
        let decimalComma = delimiter == UInt8(ascii: ";")
        var fields: [CSVField] = []
        fields.reserveCapacity(32)
        let fail = { (e: InputError) in Outcome(table: nil, errors: InputErrors([e]), unknownColumns: [], byteCount: bytes.count) }

        if let notText = CSVReader.notText(bytes) { return fail(notText.located(in: displayName)) }
        do {
            guard try reader.nextRecord(into: &fields) else {
                return fail(InputError(file: displayName, line: 1, column: 0, message: bilingual("the file is empty", "le fichier est vide"), expected: bilingual("a header row naming the columns", "une ligne d'en-tête qui nomme les colonnes")))
            }
        } catch {
            return fail(error.located(in: displayName))
        }
        let header = HeaderMap<SnapshotColumn>(fields: fields, reader: reader, file: displayName, dialect: dialect, required: SnapshotColumn.required, errors: &errors)
        guard errors.isEmpty else { return Outcome(table: nil, errors: errors, unknownColumns: header.unknown, byteCount: bytes.count) }
        let width = fields.count
        let pos = header.position
        func p(_ c: SnapshotColumn) -> Int { pos[c] ?? -1 }
        let cID = p(.customerID), cFirst = p(.firstOrderDate), cLast = p(.lastOrderDate), cOrders = p(.orders), cRevenue = p(.revenue)
        let cStatus = p(.status), cVIP = p(.vip), cNPS = p(.nps), cCSAT = p(.csat), cCES = p(.ces), cFeedback = p(.feedback)
        let cComplaint = p(.publicComplaint), cRefund = p(.refundRequested), cTier = p(.tier), cPoints = p(.pointsBalance)
        let cDays = p(.purchaseDays), cRepeat = p(.repeatRevenue)
        if (cDays >= 0) != (cRepeat >= 0) {
            let present = cDays >= 0 ? SnapshotColumn.purchaseDays : .repeatRevenue, missing = cDays >= 0 ? SnapshotColumn.repeatRevenue : .purchaseDays
            return fail(InputError(file: displayName, line: 1, column: (pos[present] ?? 0) + 1, message: bilingual("the header has \(present.rawValue) without \(missing.rawValue)", "l'en-tête a \(present.rawValue) sans \(missing.rawValue)"),
                                   expected: bilingual("both purchase_days and repeat_revenue (as sql/snapshots.sql writes them), or neither", "purchase_days et repeat_revenue ensemble (comme sql/snapshots.sql les écrit), ou aucun des deux")))
        }

        let estimatedRows = SnapshotReader.estimatedRows(bytes, from: reader.offset)
        let expectedRows = largestFileBytes > bytes.count ? Int(Double(estimatedRows) * Double(largestFileBytes) / Double(bytes.count)) : estimatedRows
        customers.reserveCapacity(expectedRows)
        var table = SnapshotTable(period: period, columns: Set(pos.keys), capacity: expectedRows, reusing: spare)
        // A file with purchase_days and repeat_revenue is a ledger's month end (sql/snapshots.sql),
        // whose net revenue is negative where refunds outweigh purchases, as with --transactions.
        let netRevenue = cDays >= 0
        table.derivedFromLedger = netRevenue
        let asOf = period.asOf.ordinal
        // Line where each customer was met in this file (0 = not yet), and each customer's position
        // in the hint (-1 = none): per-customer arrays kept in `arrays` from one file to the next.
        var seenLine = arrays.seenLines(count: max(customers.count, expectedRows))
        var hintCursor = 0
        var hintPosition = arrays.emptied(\.hintPosition, count: hint.isEmpty ? 0 : customers.count, filledWith: -1)
        for (k, c) in hint.enumerated() where Int(c) < hintPosition.count { hintPosition[Int(c)] = Int32(k) }
        var scratch: [UInt8] = []
        let format = dialect.dateFormat

        func report(_ field: CSVField?, _ column: Int, _ line: Int, _ message: String, _ expected: String) {
            errors.append(InputError(file: displayName, line: field?.line ?? line, column: column + 1, message: message, expected: expected))
        }
        // A file named for a month whose orders run a few days past its end: an export taken after
        // the month end. Said once per file, with the first such row.
        var hintedLateExport = false
        func lateExportHint(_ last: Int32) -> String {
            guard !hintedLateExport, period.label.count == 7, last - asOf <= 15 else { return "" }
            hintedLateExport = true
            let day = Day(ordinal: last)
            return bilingual("; an export taken after the month end holds the orders since: name the file by the day it was taken "
                + "(\(day).csv or later), or export it as of \(period.asOf)",
                "\u{202F}; un export fait après la fin de mois contient les commandes passées depuis\u{00A0}: nommez le fichier d'après le jour de l'export "
                + "(\(day).csv ou plus tard), ou exportez-le au \(period.asOf)")
        }
        func shown(_ field: CSVField) -> String {
            let raw = reader.rawBytes(field)
            let text = String(decoding: raw.prefix(40), as: UTF8.self)
            return "\"" + text + (raw.count > 40 ? "…" : "") + "\""
        }

        // Row state shared with the helpers below (declared once per file, not per row).
        var line = 0
        var rowOK = true
        // MARK: - Field helpers
        func date(_ column: Int) -> (value: Int32, ok: Bool) {
            guard column >= 0 else { return (SnapshotTable.missingDay, true) }
            let f = fields[column]
            let raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return (SnapshotTable.missingDay, true) }
            if let d = FieldParser.date(raw, format: format) { return (d.ordinal, true) }
            let (problem, expected) = format.diagnosis(of: raw)
            report(f, column, line, "\(header.name(column)) \(shown(f)) \(problem)", expected + FieldParser.noValueHint(for: raw))
            return (SnapshotTable.missingDay, false)
        }
        func flag(_ column: Int) -> Bool {
            guard column >= 0 else { return false }
            let f = fields[column], raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return false }
            if let b = FieldParser.boolean(raw) { return b }
            report(f, column, line, bilingual("\(header.name(column)) \(shown(f)) is not a yes/no value", "\(header.name(column)) \(shown(f)) n'est pas une valeur oui/non"), FieldParser.booleanExpectation(for: raw) + FieldParser.noValueHint(for: raw))
            rowOK = false
            return false
        }
        func score(_ column: Int, _ range: ClosedRange<Int>) -> Int8 {
            guard column >= 0 else { return -1 }
            let f = fields[column], raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return -1 }
            if let v = FieldParser.nonNegativeInteger(raw), range.contains(v) { return Int8(v) }
            let problem = FieldParser.isWholeNumberText(raw) ? bilingual("is out of range", "est hors limites") : bilingual("is not a whole number", "n'est pas un nombre entier")
            report(f, column, line, "\(header.name(column)) \(shown(f)) \(problem)",
                   bilingual("a whole number from \(range.lowerBound) to \(range.upperBound)", "un nombre entier de \(range.lowerBound) à \(range.upperBound)") + FieldParser.wholeNumberHint(for: raw) + FieldParser.noValueHint(for: raw))
            rowOK = false
            return -1
        }
        func amount(_ column: Int, missing: Int64) -> Int64 {
            guard column >= 0 else { return missing }
            let f = fields[column], raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return missing }
            if let v = Money.parse(raw, decimalComma: decimalComma, allowNegative: false) { return v }
            report(f, column, line, "\(header.name(column)) \(shown(f)) " + FieldParser.notNonNegative(raw, decimalComma: decimalComma), (decimalComma ? bilingual("a number like 12.50 or 12,50", "un nombre comme 12.50 ou 12,50") : bilingual("a number like 12.50", "un nombre comme 12.50"))
                   + MoneyHint.hint(for: raw, decimalComma: decimalComma, allowNegative: false) + FieldParser.noValueHint(for: raw))
            rowOK = false
            return missing
        }
        func text(_ column: Int) -> String? {
            guard column >= 0 else { return nil }
            let f = fields[column]
            let raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return nil }
            // (Collapsing doubled quotes changes no byte's validity: a quote is never part of a
            // multi-byte sequence.)
            guard TextValidation.isValidUTF8(raw) else {
                report(f, column, line, bilingual("\(header.name(column)) is not valid UTF-8 text", "\(header.name(column)) n'est pas du texte UTF-8 valide"), TextValidation.expectedUTF8)
                rowOK = false
                return nil
            }
            return f.hasEscapedQuotes ? CSVReader.unescapedText(raw) : String(decoding: raw, as: UTF8.self)
        }
        // Tiers repeat a handful of values: each gets a code, and its String is made once.
        var tierCodes = TextCodes()
        func tierCode() -> UInt32 {
            guard cTier >= 0 else { return 0 }
            let f = fields[cTier]
            if f.hasEscapedQuotes {
                guard let made = text(cTier) else { return 0 }
                return Array(made.utf8).withUnsafeBytes { tierCodes.code(of: $0) { made } }
            }
            let raw = reader.rawBytes(f)
            if FieldParser.trimmed(raw).isEmpty { return 0 }
            return tierCodes.code(of: raw) { text(cTier) }
        }

        // Totals must stay far inside Int64 so that every later sum (segments, periods) is exact.
        var fileTotal: Int64 = 0
        // The points' total, kept to `Money.maxTotal` like the revenue's (a file of a thousand
        // balances of 10^12 units passed Int64 and stopped the build).
        var pointsTotal: Int64 = 0
        var pointsOverflowReported = false
        var lastConsumed = 0
        let consumedStep = 16 << 20
        var totalOverflowReported = false

        // The plainly valid rows, decoded in one pass (see `SnapshotRowDecoder`); the others go
        // through the general path below, which accepts or reports them.
        let decoder = SnapshotRowDecoder(positions: pos, width: width, delimiter: delimiter, format: format)
        var decoded = SnapshotRowDecoder.Row()
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let missingDay = SnapshotTable.missingDay
        let block = SnapshotRowBlock()
        func flush() { block.flush(into: &table) }
        // `errors.isEmpty`, read again only after a row took the general path (the only one that
        // reports): `errors` is reached through a closure's capture, so each read of it is a
        // run-time exclusivity check (4 % of a parse's instructions when `keep` read it per row).
        var clean = true
        var reported = false
        /// Checks a decoded row as the general path would and keeps it. False, with nothing
        /// changed, when any check fails: the general path then reads the row and says why.
        /// The row's customer is found through the hint, or is `r.customer` where a batch interned
        /// it (see below; the hint is then at its end), or is looked up in the table.
        func keep(_ r: SnapshotRowDecoder.Row, line: Int, base: UnsafePointer<UInt8>) -> Bool {
            let orders = r.orders, last = r.lastOrder, first = r.firstOrder
            if (orders == 0) != (last == missingDay) || (last != missingDay && last > asOf) { return false }
            if first != missingDay && last != missingDay && first > last { return false }
            if cDays >= 0 && (r.purchaseDays == 0) != (orders == 0) { return false }
            let (total, overflow) = fileTotal.addingReportingOverflow(r.revenue)
            if overflow || total > Money.maxTotal { return false }
            // (No overflow: the total is at most `Money.maxTotal`, a quarter of Int64.max, and one
            // balance below `Money.maxUnits`.)
            let points = pointsTotal &+ max(r.points, 0)
            if points > Money.maxTotal { return false }
            let idRaw = UnsafeRawBufferPointer(start: base + r.idStart, count: r.idCount)
            let customer: Int32
            var nextHint = hintCursor
            if hintCursor < hint.count && customers.matches(hint[hintCursor], idRaw) {
                customer = hint[hintCursor]
                nextHint += 1
            } else if r.customer >= 0 {
                customer = r.customer
            } else {
                customer = customers.intern(idRaw)
                if Int(customer) < hintPosition.count, hintPosition[Int(customer)] >= 0 { nextHint = Int(hintPosition[Int(customer)]) + 1 }
            }
            let c = Int(customer)
            if c >= seenLine.count { seenLine = arrays.growSeenLines(toHold: c) }
            if seenLine[c] != 0 { return false }
            seenLine[c] = Int32(truncatingIfNeeded: line)
            hintCursor = nextHint
            guard clean else { return true }
            fileTotal = total
            pointsTotal = points
            let row = Int32(table.count + block.count)
            if r.refund > 0 { table.refunds.append((row, r.refund)) }
            if r.feedbackStart >= 0 {
                let raw = UnsafeRawBufferPointer(start: base + r.feedbackStart, count: r.feedbackCount)
                table.feedback.append((row, r.feedbackEscaped ? CSVReader.unescapedText(raw) : String(decoding: raw, as: UTF8.self)))
            }
            var tier: UInt32 = 0
            if r.tierStart >= 0 {
                let raw = UnsafeRawBufferPointer(start: base + r.tierStart, count: r.tierCount)
                tier = tierCodes.code(of: raw, readable: bytes.count - r.tierStart) { String(decoding: raw, as: UTF8.self) }
            }
            if orders == 0 && first != missingDay {
                // A first order date beside orders = 0 (say, a fully refunded customer): not a buyer,
                // the date is set aside (input.md lists no rule against it).
                var prospect = r
                prospect.firstOrder = missingDay
                block.add(prospect, customer: customer, tierCode: tier)
            } else {
                block.add(r, customer: customer, tierCode: tier)
            }
            if block.isFull { flush() }
            return true
        }

        // Rows that do not follow the hint (a database dump, an export sorted by last activity, a
        // first file whose ids come in no order) need the table for their ids: in a table of a
        // million ids a lookup is a cache miss (three dependent ones for ids longer than eight
        // bytes), and the failed hint adds up to three more. Such rows are read a batch at a time
        // instead (`SnapshotRowBatch`): decoded, their ids looked up together so that the misses of
        // different rows overlap, then kept in order. The loop switches to batches where most rows
        // of the last `orderCheckStep` bytes needed the table, and back once a batch follows the
        // hint again. (Written out in this loop: in a local function called from another, captured
        // variables take run-time exclusivity checks, which cost files in order 40 % more time.)
        let orderCheckStep = 64 << 10
        var nextCheck = 0, rowsAtCheck = 0, lookupsAtCheck = 0, batchedRows = 0
        var inBatches = false
        var batch: SnapshotRowBatch?
        var rowsReadInBatches = 0

        while true {
            if reported { clean = errors.isEmpty; reported = false }
            if reader.offset >= nextCheck {
                if reader.offset - lastConsumed >= consumedStep { lastConsumed = reader.offset; consumed(max(0, lastConsumed - 1)) }
                let rows = table.count + block.count, lookups = customers.tableLookups
                if !inBatches, decodesPlainRows, rows - rowsAtCheck >= 64, (lookups - lookupsAtCheck) * 2 > rows - rowsAtCheck { inBatches = true }
                if inBatches, let base {
                    let current = batch ?? SnapshotRowBatch()
                    batch = current
                    batches: while true {
                        if reader.offset - lastConsumed >= consumedStep { lastConsumed = reader.offset; consumed(max(0, lastConsumed - 1)) }
                        let n = current.read(base, from: reader.offset, count: bytes.count, decoder: decoder, customers: &customers, seenLine: seenLine)
                        hintCursor = hint.count   // (after a row of the general path, which moves it)
                        for k in 0..<n {
                            guard keep(current.rows[k], line: reader.line, base: base) else { break batches }
                            reader.skipLine(to: current.ends[k])
                            rowsReadInBatches += 1
                        }
                        guard n == SnapshotRowBatch.capacity else { break }
                        batchedRows += n
                        if batchedRows >= 1024, !hintPosition.isEmpty {
                            batchedRows = 0
                            if current.followsHint(n, hintPosition: hintPosition) {
                                hintCursor = Int(hintPosition[Int(current.customers[n - 1])]) + 1
                                inBatches = false
                                break
                            }
                        }
                    }
                }
                rowsAtCheck = table.count + block.count
                lookupsAtCheck = customers.tableLookups
                // Where the batches stopped at a row for the general path: back to them after it.
                nextCheck = inBatches ? reader.offset + 1 : min(reader.offset + orderCheckStep, lastConsumed + consumedStep)
            }
            if decodesPlainRows, let base,
               let next = decoder.decode(base, from: reader.offset, count: bytes.count, into: &decoded)
                   ?? decoder.decodeQuoted(base, from: reader.offset, count: bytes.count, into: &decoded),
               keep(decoded, line: reader.line, base: base) {
                reader.skipLine(to: next)
                continue
            }
            reported = true
            let more: Bool
            do { more = try reader.nextRecord(into: &fields) } catch {
                errors.append(error.located(in: displayName))
                break
            }
            guard more else { break }
            line = fields[0].line
            if fields.count != width {
                report(nil, min(fields.count, width), line, bilingual("the row has \(fields.count) field(s)", "la ligne a \(fields.count) champ(s)"), bilingual("\(width) fields as in the header row", "\(width) champs comme la ligne d'en-tête"))
                continue
            }
            rowOK = true
            // customer_id
            let idField = fields[cID]
            let idBytes: [UInt8]
            if idField.hasEscapedQuotes {
                idBytes = reader.unescapedBytes(idField, scratch: &scratch)
            } else {
                idBytes = []
            }
            var customer: Int32 = -1
            let idRaw = idField.hasEscapedQuotes ? nil : reader.rawBytes(idField)
            let idCount = idRaw?.count ?? idBytes.count
            if idCount == 0 {
                report(idField, cID, line, bilingual("customer_id is missing", "customer_id manque"), bilingual("a non-empty customer id", "un identifiant client non vide"))
                rowOK = false
            } else {
                let valid: Bool = idRaw.map { TextValidation.isValidUTF8($0) } ?? idBytes.withUnsafeBytes { TextValidation.isValidUTF8($0) }
                if !valid {
                    report(idField, cID, line, bilingual("customer_id is not valid UTF-8 text", "customer_id n'est pas du texte UTF-8 valide"), TextValidation.expectedUTF8)
                    rowOK = false
                } else {
                    if let raw = idRaw, hintCursor < hint.count, customers.matches(hint[hintCursor], raw) {
                        customer = hint[hintCursor]
                        hintCursor += 1
                    } else {
                        customer = idRaw.map { customers.intern($0) } ?? idBytes.withUnsafeBytes { customers.intern($0) }
                        // Re-synchronise the hint after an inserted or moved row.
                        if Int(customer) < hintPosition.count, hintPosition[Int(customer)] >= 0 { hintCursor = Int(hintPosition[Int(customer)]) + 1 }
                    }
                    let c = Int(customer)
                    if c >= seenLine.count { seenLine = arrays.growSeenLines(toHold: c) }
                    if seenLine[c] != 0 {
                        report(idField, cID, line, bilingual("customer_id \(shown(idField)) appears twice (first on line \(seenLine[c]))", "customer_id \(shown(idField)) apparaît deux fois (d'abord ligne \(seenLine[c]))"), bilingual("each customer once per snapshot", "chaque client une seule fois par relevé"))
                        rowOK = false
                    } else {
                        seenLine[c] = Int32(truncatingIfNeeded: line)
                    }
                }
            }
            // orders
            var orders = 0
            let ordersField = fields[cOrders], ordersRaw = reader.rawBytes(ordersField)
            if FieldParser.trimmed(ordersRaw).isEmpty {
                report(ordersField, cOrders, line, bilingual("\(header.name(cOrders)) is missing", "\(header.name(cOrders)) manque"), bilingual("an integer >= 0", "un entier >= 0"))
                rowOK = false
            } else if let v = FieldParser.nonNegativeInteger(ordersRaw), v <= Int(Int32.max) {
                orders = v
            } else if FieldParser.isWholeNumberText(ordersRaw), let first = FieldParser.trimmed(ordersRaw).first, first != UInt8(ascii: "-"), first != UInt8(ascii: "+") {
                // Digits only, refused for their size.
                report(ordersField, cOrders, line, bilingual("\(header.name(cOrders)) \(shown(ordersField)) is too large", "\(header.name(cOrders)) \(shown(ordersField)) est trop grand"), bilingual("an integer from 0 to \(Int32.max)", "un entier de 0 à \(Int32.max)"))
                rowOK = false
            } else {
                report(ordersField, cOrders, line, bilingual("\(header.name(cOrders)) \(shown(ordersField)) is not a whole number >= 0", "\(header.name(cOrders)) \(shown(ordersField)) n'est pas un nombre entier >= 0"),
                       bilingual("an integer >= 0", "un entier >= 0") + FieldParser.wholeNumberHint(for: ordersRaw))
                rowOK = false
            }
            // revenue
            var revenue: Int64 = 0
            let revenueField = fields[cRevenue]
            let revenueRaw = reader.rawBytes(revenueField)
            if FieldParser.trimmed(revenueRaw).isEmpty {
                report(revenueField, cRevenue, line, bilingual("\(header.name(cRevenue)) is missing", "\(header.name(cRevenue)) manque"), netRevenue ? bilingual("a decimal number", "un nombre décimal") : bilingual("a decimal number >= 0", "un nombre décimal >= 0"))
                rowOK = false
            } else if let v = Money.parse(revenueRaw, decimalComma: decimalComma, allowNegative: netRevenue) {
                revenue = v
            } else if netRevenue {
                report(revenueField, cRevenue, line, "\(header.name(cRevenue)) \(shown(revenueField)) " + Money.refusal(revenueRaw, decimalComma: decimalComma), (decimalComma ? bilingual("a number like 12.50 or -12,50", "un nombre comme 12.50 ou -12,50") : bilingual("a number like 12.50 or -12.50", "un nombre comme 12.50 ou -12.50"))
                       + MoneyHint.hint(for: revenueRaw, decimalComma: decimalComma, allowNegative: true))
                rowOK = false
            } else {
                report(revenueField, cRevenue, line, "\(header.name(cRevenue)) \(shown(revenueField)) " + FieldParser.notNonNegative(revenueRaw, decimalComma: decimalComma), (decimalComma ? bilingual("a number like 12.50 or 12,50", "un nombre comme 12.50 ou 12,50") : bilingual("a number like 12.50", "un nombre comme 12.50"))
                       + MoneyHint.hint(for: revenueRaw, decimalComma: decimalComma, allowNegative: false))
                rowOK = false
            }
            // dates
            let (last, lastOK) = date(cLast)
            let (first, firstOK) = date(cFirst)
            rowOK = rowOK && lastOK && firstOK
            if lastOK && rowOK {
                if orders == 0 && last != SnapshotTable.missingDay {
                    report(fields[cLast], cLast, line, bilingual("\(header.name(cLast)) is set but orders is 0", "\(header.name(cLast)) est renseigné mais orders vaut 0"), bilingual("no last_order_date when orders = 0", "pas de last_order_date quand orders = 0"))
                    rowOK = false
                } else if orders > 0 && last == SnapshotTable.missingDay {
                    report(fields[cLast], cLast, line, bilingual("\(header.name(cLast)) is missing but orders is \(orders)", "\(header.name(cLast)) manque mais orders vaut \(orders)"), bilingual("the date of the most recent order when orders >= 1", "la date de la commande la plus récente quand orders >= 1"))
                    rowOK = false
                } else if last != SnapshotTable.missingDay && last > asOf {
                    report(fields[cLast], cLast, line, bilingual("\(header.name(cLast)) \(Day(ordinal: last)) is after the snapshot date \(period.asOf)", "\(header.name(cLast)) \(Day(ordinal: last)) est après la date du relevé, \(period.asOf)"),
                           bilingual("a date on or before \(period.asOf)", "une date au plus tard le \(period.asOf)") + lateExportHint(last))
                    rowOK = false
                }
            }
            if firstOK && lastOK && first != SnapshotTable.missingDay && last != SnapshotTable.missingDay {
                if first > last {
                    report(fields[cFirst], cFirst, line, bilingual("\(header.name(cFirst)) \(Day(ordinal: first)) is after last_order_date \(Day(ordinal: last))", "\(header.name(cFirst)) \(Day(ordinal: first)) est après last_order_date \(Day(ordinal: last))"), bilingual("first_order_date on or before last_order_date", "first_order_date au plus tard à last_order_date"))
                    rowOK = false
                }
            }
            // optional columns
            var status: Int8 = -1
            if cStatus >= 0 {
                let f = fields[cStatus], raw = reader.rawBytes(f)
                if FieldParser.trimmed(raw).isEmpty { status = -1 }
                else if FieldParser.equalsIgnoringCase(raw, "active") { status = 1 }
                else if FieldParser.equalsIgnoringCase(raw, "churned") { status = 0 }
                else { report(f, cStatus, line, bilingual("\(header.name(cStatus)) \(shown(f)) is not a status", "\(header.name(cStatus)) \(shown(f)) n'est pas un statut"), bilingual("active or churned", "active ou churned") + FieldParser.noValueHint(for: raw)); rowOK = false }
            }
            let vip = flag(cVIP)
            let nps = score(cNPS, 0...10), csat = score(cCSAT, 1...5), ces = score(cCES, 1...7)
            let complaint = flag(cComplaint)
            let refund = amount(cRefund, missing: 0)
            let pointsBalance = amount(cPoints, missing: -1)
            let feedback = text(cFeedback)
            let tier = tierCode()
            var purchaseDays: Int32 = 0
            var repeatSpend: Int64 = 0
            if cDays >= 0 {
                let f = fields[cDays], raw = reader.rawBytes(f)
                if let v = FieldParser.nonNegativeInteger(raw), v <= Int(Int32.max), (v == 0) == (orders == 0) {
                    purchaseDays = Int32(v)
                } else {
                    report(f, cDays, line, bilingual("\(header.name(cDays)) \(shown(f)) does not fit orders = \(orders)", "\(header.name(cDays)) \(shown(f)) ne va pas avec orders = \(orders)"), orders == 0 ? bilingual("0 when orders is 0", "0 quand orders vaut 0") : bilingual("a whole number >= 1 when orders >= 1", "un nombre entier >= 1 quand orders >= 1"))
                    rowOK = false
                }
                let r = fields[cRepeat], rRaw = reader.rawBytes(r)
                if FieldParser.trimmed(rRaw).isEmpty {
                    repeatSpend = 0
                } else if let v = Money.parse(rRaw, decimalComma: decimalComma, allowNegative: true) {
                    repeatSpend = v
                } else {
                    report(r, cRepeat, line, "\(header.name(cRepeat)) \(shown(r)) " + Money.refusal(rRaw, decimalComma: decimalComma), bilingual("a number like 12.50 or -12.50", "un nombre comme 12.50 ou -12.50")
                           + MoneyHint.hint(for: rRaw, decimalComma: decimalComma, allowNegative: true))
                    rowOK = false
                }
            }

            guard rowOK, errors.isEmpty else { continue }
            // Magnitudes, so that any subset's sum (negative revenues included) stays exact.
            let (total, overflow) = fileTotal.addingReportingOverflow(abs(revenue))
            if overflow || total > Money.maxTotal {
                if !totalOverflowReported {
                    report(revenueField, cRevenue, line, bilingual("the revenue total of the file passes \(Money.maxTotal / Money.scale) currency units", "le total de revenue du fichier dépasse \(Money.maxTotal / Money.scale) unités monétaires"), bilingual("amounts a report can sum exactly", "des montants qu'un rapport peut additionner exactement"))
                    totalOverflowReported = true
                }
                continue
            }
            let points = pointsTotal &+ max(pointsBalance, 0)   // (no overflow: see `keep`)
            if points > Money.maxTotal {
                if !pointsOverflowReported {
                    report(fields[cPoints], cPoints, line, bilingual("the \(header.name(cPoints)) total of the file passes \(Money.maxTotal / Money.scale) currency units", "le total de \(header.name(cPoints)) du fichier dépasse \(Money.maxTotal / Money.scale) unités monétaires"), bilingual("amounts a report can sum exactly", "des montants qu'un rapport peut additionner exactement"))
                    pointsOverflowReported = true
                }
                continue
            }
            fileTotal = total
            pointsTotal = points
            flush()
            let row = Int32(table.count)
            table.customer.append(customer)
            // A first order date beside orders = 0 is set aside, as on the decoded path.
            table.firstOrder.append(orders == 0 ? SnapshotTable.missingDay : first)
            table.lastOrder.append(last)
            table.orders.append(Int32(orders))
            table.revenue.append(revenue)
            table.status.append(status)
            table.vip.append(vip)
            table.nps.append(nps)
            table.csat.append(csat)
            table.ces.append(ces)
            table.publicComplaint.append(complaint)
            if refund > 0 { table.refunds.append((row, refund)) }
            if cDays >= 0 {
                table.purchaseDays.append(purchaseDays)
                table.repeatSpend.append(repeatSpend)
            }
            if let feedback { table.feedback.append((row, feedback)) }
            if cTier >= 0 { table.tierCodes.append(tier) }
        }
        flush()
        arrays.hintPosition = hintPosition
        table.tierTexts = tierCodes.texts
        table.pointsOutstanding = pointsTotal
        return Outcome(table: errors.isEmpty ? table : nil, errors: errors, unknownColumns: header.unknown, byteCount: bytes.count,
                       rowOrder: errors.isEmpty ? table.customer : [], rowsReadInBatches: rowsReadInBatches)
    }
}
