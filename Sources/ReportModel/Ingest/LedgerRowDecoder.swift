/// Decodes a plainly valid ledger row straight from the bytes, in one pass: the ledger's
/// counterpart of `SnapshotRowDecoder`, under the same contract. It says "decoded" or "not mine";
/// every other row (quotes with `""`, spaces around a value, a sign before the quantity, a wrong
/// number of fields, a last line without a line end) goes through `CSVReader` and the general
/// checks of `LedgerReader`, so values and messages are the general path's.
struct LedgerRowDecoder: Sendable {
    /// What a field position holds.
    enum Slot: UInt8 { case id, order, date, amount, quantity, ignored }

    /// One decoded line. Byte ranges are offsets into the file.
    struct Row {
        var idStart = 0, idCount = 0
        var day: Int32 = 0
        var amount: Int64 = 0
        /// The order id's hash, as `LedgerReader.Lines.order` keeps it (-2: empty, -1: no column).
        var order: Int64 = -1
    }

    let slots: [Slot]
    let scan: CSVRowScanner
    let format: DateFormat

    /// Slots for a header's column positions (`width` fields per row).
    init(positions: [LedgerColumn: Int], width: Int, delimiter: UInt8, format: DateFormat) {
        var slots = [Slot](repeating: .ignored, count: width)
        for (column, index) in positions where index < width {
            switch column {
            case .customerID: slots[index] = .id
            case .orderID: slots[index] = .order
            case .date: slots[index] = .date
            case .amount: slots[index] = .amount
            case .quantity: slots[index] = .quantity
            }
        }
        self.slots = slots
        self.scan = CSVRowScanner(delimiter: delimiter)
        self.format = format
    }

    /// Decodes the record that starts at `start` (of a buffer of `count` bytes) into `row`. Returns
    /// the offset just past its line end, or nil when the row is not plainly valid.
    @inline(__always)
    func decode(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: inout Row) -> Int? {
        decode(base, from: start, count: count, quotes: false, into: &row)
    }

    /// `decode`, the date, the amount and the quantity being allowed between quotes, as exports
    /// that quote every field write them (the ids are texts, read quoted or not): for the rows
    /// `decode` refuses, so that it stays as fast as it was. A copy of the 5 M-row benchmark ledger
    /// with every field quoted, which the general path alone parsed in 3.0–3.4 s: 1.0–1.2 s, as
    /// fast as the unquoted file (`validate --parse-only --transactions`).
    @inline(never)
    func decodeQuoted(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: inout Row) -> Int? {
        decode(base, from: start, count: count, quotes: true, into: &row)
    }

    @inline(__always)
    private func decode(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, quotes: Bool, into row: inout Row) -> Int? {
        row = Row()
        return slots.withUnsafeBufferPointer { slots -> Int? in
            scan.decodeLine(base, from: start, count: count, fields: slots.count) { k, p, lineEnd -> Int? in
                switch slots[k] {
                case .id, .order, .ignored: field(slots[k], base, p, lineEnd, &row)
                case .date, .amount, .quantity:
                    scan.typed(base, p, lineEnd, quotes: quotes) { from, end in field(slots[k], base, from, end, &row) }
                }
            }
        }
    }

    /// Reads one field of kind `slot` from `p` into `row`: where it ends, or nil when it is not
    /// plainly valid. A typed field ends at the delimiter or at `lineEnd` (the closing quote of a
    /// quoted one).
    @inline(__always)
    private func field(_ slot: Slot, _ base: UnsafePointer<UInt8>, _ fieldStart: Int, _ lineEnd: Int, _ row: inout Row) -> Int? {
        var p = fieldStart
        switch slot {
        case .id:
            guard let (from, to, next, ascii, _) = scan.text(base, p, lineEnd), to > from else { return nil }
            if !ascii && !TextValidation.isValidUTF8(UnsafeRawBufferPointer(start: base + from, count: to - from)) { return nil }
            row.idStart = from
            row.idCount = to - from
            p = next
        case .order:
            guard let (from, to, next, _, _) = scan.text(base, p, lineEnd) else { return nil }
            row.order = to == from ? -2 : Int64(bitPattern: CustomerIndex.hash(UnsafeRawBufferPointer(start: base + from, count: to - from)) & 0x7FFF_FFFF_FFFF_FFFF)
            p = next
        case .date:
            guard let (day, end) = scan.date(base, p, lineEnd, format: format) else { return nil }
            row.day = day
            p = end
        case .amount:
            let negative = base[p] == UInt8(ascii: "-")
            guard let (v, end) = scan.money(base, negative ? p + 1 : p) else { return nil }
            row.amount = negative ? -v : v
            p = end
        case .quantity:
            // Any whole number is accepted and not kept: only its form is checked.
            if base[p] != scan.delimiter && p != lineEnd {
                guard let (_, end) = scan.digits(base, base[p] == UInt8(ascii: "-") ? p + 1 : p) else { return nil }
                p = end
            }
        case .ignored:
            guard let (_, _, next, _, _) = scan.text(base, p, lineEnd) else { return nil }
            p = next
        }
        return p
    }
}
