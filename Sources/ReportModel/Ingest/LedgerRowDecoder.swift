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
        layout = Layout(slots)
    }

    /// The column orders decoded by one straight sequence of field reads (`decodeFixed`): the one
    /// `sample --ledger` writes, and input.md's with or without its optional columns. Any other
    /// takes a jump per field through `slots` (the jump was the decoder's hottest instruction).
    /// `validate --parse-only` of the 500 k-customer sample ledger, alternating pairs: CPU
    /// 0.723 → 0.686 s (16 pairs), 0.692 → 0.677 s (20 pairs); user time 4 % less in both.
    enum Layout {
        case idOrderDateAmountQuantity, idDateAmount, idDateAmountOrder, idDateAmountOrderQuantity

        init?(_ slots: [Slot]) {
            switch slots {
            case [.id, .order, .date, .amount, .quantity]: self = .idOrderDateAmountQuantity
            case [.id, .date, .amount]: self = .idDateAmount
            case [.id, .date, .amount, .order]: self = .idDateAmountOrder
            case [.id, .date, .amount, .order, .quantity]: self = .idDateAmountOrderQuantity
            default: return nil
            }
        }
    }

    /// The header's column order, when `decodeFixed` takes it.
    let layout: Layout?

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
        if !quotes, let layout {
            // A call per row to a small function of each order's own: inlined into the reader's
            // loop, the four were more than the compiler inlines, and `field` became a call per
            // field; so it did in one function holding the four behind a switch.
            switch layout {
            case .idOrderDateAmountQuantity: return decodeIdOrderDateAmountQuantity(base, start, count, &row)
            case .idDateAmount: return decodeIdDateAmount(base, start, count, &row)
            case .idDateAmountOrder: return decodeIdDateAmountOrder(base, start, count, &row)
            case .idDateAmountOrderQuantity: return decodeIdDateAmountOrderQuantity(base, start, count, &row)
            }
        }
        return slots.withUnsafeBufferPointer { slots -> Int? in
            scan.decodeLine(base, from: start, count: count, fields: slots.count) { k, p, lineEnd -> Int? in
                read(slots[k], base, p, lineEnd, quotes, &row)
            }
        }
    }

    @inline(never)
    private func decodeIdOrderDateAmountQuantity(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ row: inout Row) -> Int? {
        decodeFixed(base, start, count, (.id, .order, .date, .amount, .quantity), fields: 5, &row)
    }

    @inline(never)
    private func decodeIdDateAmount(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ row: inout Row) -> Int? {
        decodeFixed(base, start, count, (.id, .date, .amount, .ignored, .ignored), fields: 3, &row)
    }

    @inline(never)
    private func decodeIdDateAmountOrder(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ row: inout Row) -> Int? {
        decodeFixed(base, start, count, (.id, .date, .amount, .order, .ignored), fields: 4, &row)
    }

    @inline(never)
    private func decodeIdDateAmountOrderQuantity(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int, _ row: inout Row) -> Int? {
        decodeFixed(base, start, count, (.id, .date, .amount, .order, .quantity), fields: 5, &row)
    }

    /// `scan.decodeLine` for the first `fields` slots of `slot` (unquoted typed fields), known where
    /// it is inlined, so that each field's read is chosen there, not by a jump per field.
    @inline(__always)
    private func decodeFixed(_ base: UnsafePointer<UInt8>, _ start: Int, _ count: Int,
                             _ slot: (Slot, Slot, Slot, Slot, Slot), fields: Int, _ row: inout Row) -> Int? {
        let quotes = false
        guard let (newline, lineEnd) = scan.line(base, from: start, count: count) else { return nil }
        let d = scan.delimiter
        guard var p = read(slot.0, base, start, lineEnd, quotes, &row), base[p] == d,
              let end1 = read(slot.1, base, p &+ 1, lineEnd, quotes, &row), base[end1] == d,
              let end2 = read(slot.2, base, end1 &+ 1, lineEnd, quotes, &row) else { return nil }
        p = end2
        if fields > 3 {
            guard base[p] == d, let end3 = read(slot.3, base, p &+ 1, lineEnd, quotes, &row) else { return nil }
            p = end3
        }
        if fields > 4 {
            guard base[p] == d, let end4 = read(slot.4, base, p &+ 1, lineEnd, quotes, &row) else { return nil }
            p = end4
        }
        guard p == lineEnd else { return nil }
        return newline &+ 1
    }

    /// Reads the field of kind `slot` at `p`: a text as it is, a typed field quoted when `quotes`
    /// allows it (see `CSVRowScanner.typed`). Where it ends, or nil.
    @inline(__always)
    private func read(_ slot: Slot, _ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ quotes: Bool, _ row: inout Row) -> Int? {
        switch slot {
        case .id, .order, .ignored: field(slot, base, p, lineEnd, &row)
        case .date, .amount, .quantity: scan.typed(base, p, lineEnd, quotes: quotes) { from, end in field(slot, base, from, end, &row) }
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
