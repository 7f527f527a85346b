/// Decodes a plainly valid snapshot row straight from the bytes: one pass over the row, each field
/// converted while it is scanned, no field list and no per-field helper calls.
///
/// It only ever says "decoded" or "not mine": anything it does not recognise as plainly valid (a
/// quote inside a field, `""`, a quoted line break, a blank line, spaces around a typed value, a
/// value out of range, a wrong number of fields, a last line without a line end) returns nil and the
/// row goes through `CSVReader` and the general checks of `SnapshotReader`, which accept it or
/// report it. So every message, and every value, is the general path's; this path only skips work.
/// Hand-written for speed (the general path is kept for everything else): with it and
/// `SnapshotRowBlock`, parsing the 1 M × 12 sample snapshots (518 MB) went from 4.9 s to 2.0 s on
/// one core (`fidelis-report validate --parse-only --snapshots bench-data/snapshots-1000000`).
/// (Tried, not kept: finding every delimiter of a line first, 16 bytes at a time with SSE2, then
/// reading each field knowing its length, numbers as 8-byte words. 19 % fewer mispredicted branches
/// by callgrind's model, 5 % more instructions, and 8 % slower: on these short lines the per-field
/// loops are well predicted.)
struct SnapshotRowDecoder {
    /// What a field position holds.
    enum Slot: UInt8 {
        case id, firstOrder, lastOrder, orders, revenue, status, vip, nps, csat, ces, feedback
        case publicComplaint, refund, tier, points, purchaseDays, repeatRevenue, ignored
    }

    /// One decoded row. Text fields are byte ranges of the file (`start` < 0: none).
    struct Row {
        var idStart = 0, idCount = 0
        /// The customer, where `SnapshotRowBatch` interned the id (-1: not yet).
        var customer: Int32 = -1
        var firstOrder = SnapshotTable.missingDay, lastOrder = SnapshotTable.missingDay
        var orders: Int32 = 0
        var revenue: Int64 = 0
        var status: Int8 = -1
        var vip = false
        var nps: Int8 = -1, csat: Int8 = -1, ces: Int8 = -1
        var publicComplaint = false
        var refund: Int64 = 0
        var points: Int64 = -1
        var purchaseDays: Int32 = 0
        var repeatSpend: Int64 = 0
        var feedbackStart = -1, feedbackCount = 0
        /// Whether the feedback's range holds doubled quotes (`CSVReader.unescapedText` reads it).
        var feedbackEscaped = false
        var tierStart = -1, tierCount = 0
    }

    let slots: [Slot]
    /// True when the header lists the columns in `standardOrder`, with or without `status`.
    let isStandardOrder: Bool
    /// Whether the header has a `status` column (the straight path reads it after `revenue`).
    let hasStatus: Bool
    let scan: CSVRowScanner
    let format: DateFormat

    /// Slots for a header's column positions (`width` fields per row).
    init(positions: [SnapshotColumn: Int], width: Int, delimiter: UInt8, format: DateFormat) {
        var slots = [Slot](repeating: .ignored, count: width)
        for (column, index) in positions where index < width {
            let slot: Slot
            switch column {
            case .customerID: slot = .id
            case .firstOrderDate: slot = .firstOrder
            case .lastOrderDate: slot = .lastOrder
            case .orders: slot = .orders
            case .revenue: slot = .revenue
            case .status: slot = .status
            case .vip: slot = .vip
            case .nps: slot = .nps
            case .csat: slot = .csat
            case .ces: slot = .ces
            case .feedback: slot = .feedback
            case .publicComplaint: slot = .publicComplaint
            case .refundRequested: slot = .refund
            case .tier: slot = .tier
            case .pointsBalance: slot = .points
            case .purchaseDays: slot = .purchaseDays
            case .repeatRevenue: slot = .repeatRevenue
            }
            slots[index] = slot
        }
        self.slots = slots
        var withoutStatus = SnapshotRowDecoder.standardOrder
        withoutStatus.removeAll { $0 == .status }
        self.isStandardOrder = slots == SnapshotRowDecoder.standardOrder || slots == withoutStatus
        self.hasStatus = slots.contains(.status)
        self.scan = CSVRowScanner(delimiter: delimiter)
        self.format = format
    }

    /// Decodes the record that starts at `start` (of a buffer of `count` bytes) into `row`. Returns
    /// the offset just past its line end, or nil when the row is not plainly valid.
    @inline(__always)
    func decode(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: inout Row) -> Int? {
        decode(base, from: start, count: count, quotes: false, into: &row)
    }

    /// `decode`, typed fields being allowed between quotes, as exports that quote every field write
    /// them (`"C0000001","2024-11-05",…,"50.52"`): such a field is read from after its opening
    /// quote to its closing one, which it must reach exactly. For the rows `decode` refuses, so that
    /// it stays as fast as it was (a quote fails it at its first byte). Parsing a copy of the
    /// 1 M × 12 sample with every field quoted (723 MB), which the general path alone read in
    /// 6.0 s: 1.7 s.
    @inline(never)
    func decodeQuoted(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: inout Row) -> Int? {
        decode(base, from: start, count: count, quotes: true, into: &row)
    }

    @inline(__always)
    private func decode(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, quotes: Bool, into row: inout Row) -> Int? {
        row = Row()
        if isStandardOrder { return decodeStandard(base, from: start, count: count, quotes: quotes, into: &row) }
        return slots.withUnsafeBufferPointer { slots -> Int? in
            scan.decodeLine(base, from: start, count: count, fields: slots.count) { k, p, lineEnd -> Int? in
                switch slots[k] {
                case .feedback, .tier, .ignored: field(slots[k], base, p, lineEnd, &row)   // texts, quoted or not
                default: scan.typed(base, p, lineEnd, quotes: quotes) { from, end in field(slots[k], base, from, end, &row) }
                }
            }
        }
    }

    /// Every column in the order input.md lists them, `status` being optional (`sample` writes them
    /// so, without `status`): decoded by one straight sequence of field reads instead of a jump per field. Parsing the
    /// 100 k × 12 sample snapshots: decoder instructions 950 M → 749 M, whole parse 1,486 M → 1,283 M
    /// (callgrind); 1 M × 12, alternating runs: 1.70–2.39 s → 1.63–1.99 s of CPU.
    static let standardOrder: [Slot] = [.id, .firstOrder, .lastOrder, .orders, .revenue, .status, .vip, .nps, .csat, .ces, .feedback, .publicComplaint, .refund, .tier, .points]

    @inline(__always)
    private func decodeStandard(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, quotes: Bool, into row: inout Row) -> Int? {
        guard let (newline, lineEnd) = scan.line(base, from: start, count: count) else { return nil }
        let d = scan.delimiter
        var p = start
        guard let e0 = scan.typed(base, p, lineEnd, quotes: quotes, { id(base, $0, $1, &row.idStart, &row.idCount) }), base[e0] == d else { return nil }
        p = e0 &+ 1
        guard let e1 = scan.typed(base, p, lineEnd, quotes: quotes, { date(base, $0, $1, &row.firstOrder) }), base[e1] == d else { return nil }
        p = e1 &+ 1
        guard let e2 = scan.typed(base, p, lineEnd, quotes: quotes, { date(base, $0, $1, &row.lastOrder) }), base[e2] == d else { return nil }
        p = e2 &+ 1
        guard let e3 = scan.typed(base, p, lineEnd, quotes: quotes, { from, _ in count32(base, from, &row.orders) }), base[e3] == d else { return nil }
        p = e3 &+ 1
        guard let e4 = scan.typed(base, p, lineEnd, quotes: quotes, { from, _ in amount(base, from, &row.revenue) }), base[e4] == d else { return nil }
        p = e4 &+ 1
        if hasStatus {
            guard let e = scan.typed(base, p, lineEnd, quotes: quotes, { status(base, $0, $1, &row.status) }), base[e] == d else { return nil }
            p = e &+ 1
        }
        guard let e5 = scan.typed(base, p, lineEnd, quotes: quotes, { flag(base, $0, $1, &row.vip) }), base[e5] == d else { return nil }
        p = e5 &+ 1
        guard let e6 = scan.typed(base, p, lineEnd, quotes: quotes, { score(base, $0, $1, 0...10, &row.nps) }), base[e6] == d else { return nil }
        p = e6 &+ 1
        guard let e7 = scan.typed(base, p, lineEnd, quotes: quotes, { score(base, $0, $1, 1...5, &row.csat) }), base[e7] == d else { return nil }
        p = e7 &+ 1
        guard let e8 = scan.typed(base, p, lineEnd, quotes: quotes, { score(base, $0, $1, 1...7, &row.ces) }), base[e8] == d else { return nil }
        p = e8 &+ 1
        guard let e9 = text(base, p, lineEnd, doubledQuotes: true, &row.feedbackStart, &row.feedbackCount, &row.feedbackEscaped), base[e9] == d else { return nil }
        p = e9 &+ 1
        guard let e10 = scan.typed(base, p, lineEnd, quotes: quotes, { flag(base, $0, $1, &row.publicComplaint) }), base[e10] == d else { return nil }
        p = e10 &+ 1
        guard let e11 = scan.typed(base, p, lineEnd, quotes: quotes, { optionalAmount(base, $0, $1, &row.refund) }), base[e11] == d else { return nil }
        p = e11 &+ 1
        var never = false
        guard let e12 = text(base, p, lineEnd, doubledQuotes: false, &row.tierStart, &row.tierCount, &never), base[e12] == d else { return nil }
        p = e12 &+ 1
        guard let e13 = scan.typed(base, p, lineEnd, quotes: quotes, { optionalAmount(base, $0, $1, &row.points) }), e13 == lineEnd else { return nil }
        return newline &+ 1
    }

    /// Reads one field of kind `slot` from `p` into `row`: where it ends, or nil when it is not plainly
    /// valid. A typed field ends at the delimiter or at `lineEnd` (the closing quote of a quoted one).
    @inline(__always)
    private func field(_ slot: Slot, _ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ row: inout Row) -> Int? {
        switch slot {
        case .id: return id(base, p, lineEnd, &row.idStart, &row.idCount)
        case .firstOrder: return date(base, p, lineEnd, &row.firstOrder)
        case .lastOrder: return date(base, p, lineEnd, &row.lastOrder)
        case .orders: return count32(base, p, &row.orders)
        case .purchaseDays: return count32(base, p, &row.purchaseDays)
        case .nps: return score(base, p, lineEnd, 0...10, &row.nps)
        case .csat: return score(base, p, lineEnd, 1...5, &row.csat)
        case .ces: return score(base, p, lineEnd, 1...7, &row.ces)
        case .revenue:
            guard let (v, end) = scan.money(base, p) else { return nil }
            row.revenue = v
            return end
        case .refund: return optionalAmount(base, p, lineEnd, &row.refund)
        case .points: return optionalAmount(base, p, lineEnd, &row.points)
        case .repeatRevenue: return optionalAmount(base, p, lineEnd, &row.repeatSpend)
        case .vip: return flag(base, p, lineEnd, &row.vip)
        case .publicComplaint: return flag(base, p, lineEnd, &row.publicComplaint)
        case .status: return status(base, p, lineEnd, &row.status)
        case .feedback: return text(base, p, lineEnd, doubledQuotes: true, &row.feedbackStart, &row.feedbackCount, &row.feedbackEscaped)
        case .tier:
            var never = false
            return text(base, p, lineEnd, doubledQuotes: false, &row.tierStart, &row.tierCount, &never)
        case .ignored:
            guard let (_, _, next, _, _) = scan.text(base, p, lineEnd, doubledQuotes: true) else { return nil }
            return next
        }
    }

    // MARK: - Field kinds. Each reads from `p`, stores the value and returns where the field ends.

    /// A non-empty unquoted id in valid UTF-8 (its byte range).
    @inline(__always)
    private func id(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ start: inout Int, _ count: inout Int) -> Int? {
        guard let (end, ascii) = scan.plain(base, p, lineEnd), end > p else { return nil }
        if !ascii && !TextValidation.isValidUTF8(UnsafeRawBufferPointer(start: base + p, count: end &- p)) { return nil }
        start = p
        count = end &- p
        return end
    }

    /// A date, or nothing (`missingDay`).
    @inline(__always)
    private func date(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ day: inout Int32) -> Int? {
        if base[p] == scan.delimiter || p == lineEnd { day = SnapshotTable.missingDay; return p }
        guard let (d, end) = scan.date(base, p, lineEnd, format: format) else { return nil }
        day = d
        return end
    }

    /// A required whole number (at most nine digits).
    @inline(__always)
    private func count32(_ base: UnsafePointer<UInt8>, _ p: Int, _ value: inout Int32) -> Int? {
        guard let (v, end) = scan.digits(base, p) else { return nil }
        value = Int32(truncatingIfNeeded: v)
        return end
    }

    /// A survey score in `range`, or nothing (-1).
    @inline(__always)
    private func score(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ range: ClosedRange<Int>, _ value: inout Int8) -> Int? {
        if base[p] == scan.delimiter || p == lineEnd { value = -1; return p }
        guard let (v, end) = scan.digits(base, p), range.contains(v) else { return nil }
        value = Int8(truncatingIfNeeded: v)
        return end
    }

    /// A required amount.
    @inline(__always)
    private func amount(_ base: UnsafePointer<UInt8>, _ p: Int, _ value: inout Int64) -> Int? {
        guard let (v, end) = scan.money(base, p) else { return nil }
        value = v
        return end
    }

    /// An amount, or nothing (the value stays as `Row` sets it).
    @inline(__always)
    private func optionalAmount(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ value: inout Int64) -> Int? {
        if base[p] == scan.delimiter || p == lineEnd { return p }
        guard let (v, end) = scan.money(base, p) else { return nil }
        value = v
        return end
    }

    /// A yes/no value in any spelling `FieldParser.boolean` reads, or nothing (false).
    @inline(__always)
    private func flag(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ value: inout Bool) -> Int? {
        if let (b, end) = scan.boolean(base, p) {
            value = b
            return end
        }
        guard let (end, _) = scan.plain(base, p, lineEnd) else { return nil }
        if end > p {
            guard let b = FieldParser.boolean(UnsafeRawBufferPointer(start: base + p, count: end &- p)) else { return nil }
            value = b
        } else {
            value = false
        }
        return end
    }

    /// `active` (1) or `churned` (0) in any case, or nothing (-1).
    @inline(__always)
    private func status(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, _ value: inout Int8) -> Int? {
        guard let (end, _) = scan.plain(base, p, lineEnd) else { return nil }
        if end > p {
            let raw = UnsafeRawBufferPointer(start: base + p, count: end &- p)
            if FieldParser.equalsIgnoringCase(raw, "active") { value = 1 }
            else if FieldParser.equalsIgnoringCase(raw, "churned") { value = 0 }
            else { return nil }
        }
        return end
    }

    /// A text, quoted or not, in valid UTF-8: its content range, or nothing (start -1) when blank,
    /// and whether the range holds doubled quotes (`CSVReader.unescapedText`); returns where it ends.
    /// Doubled quotes only where `doubledQuotes` (the feedback): a tier's raw bytes are its code's
    /// key, so a tier with them takes the general path.
    /// (`@_transparent`: with `@inline(__always)` the optimizer still left it a call, two per row,
    /// with the result tuple passed through memory. Inlined, the parse of the 1 M × 12 sample took
    /// 1.00–1.02 s against 1.10–1.13 s in six alternating pairs; callgrind, 100 k × 12: 1,149.7 M →
    /// 1,078.9 M instructions.)
    @_transparent
    private func text(_ base: UnsafePointer<UInt8>, _ p: Int, _ lineEnd: Int, doubledQuotes: Bool,
                      _ start: inout Int, _ count: inout Int, _ escaped: inout Bool) -> Int? {
        // Most rows leave the feedback empty.
        if base[p] == scan.delimiter { return p }
        guard let (from, to, next, ascii, doubled) = scan.text(base, p, lineEnd, doubledQuotes: doubledQuotes) else { return nil }
        let raw = UnsafeRawBufferPointer(start: base + from, count: to &- from)
        if !FieldParser.trimmed(raw).isEmpty {
            if !ascii && !TextValidation.isValidUTF8(raw) { return nil }
            start = from
            count = to &- from
            escaped = doubled
        }
        return next
    }
}
