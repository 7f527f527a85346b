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
struct SnapshotRowDecoder {
    /// What a field position holds.
    enum Slot: UInt8 {
        case id, firstOrder, lastOrder, orders, revenue, status, vip, nps, csat, ces, feedback
        case publicComplaint, refund, tier, points, purchaseDays, repeatRevenue, ignored
    }

    /// One decoded row. Text fields are byte ranges of the file (`start` < 0: none).
    struct Row {
        var idStart = 0, idCount = 0
        /// Set by the reader once the id is interned.
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
        var tierStart = -1, tierCount = 0
    }

    let slots: [Slot]
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
        self.scan = CSVRowScanner(delimiter: delimiter)
        self.format = format
    }

    /// Decodes the record that starts at `start` (of a buffer of `count` bytes) into `row`. Returns
    /// the offset just past its line end, or nil when the row is not plainly valid.
    @inline(__always)
    func decode(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, into row: inout Row) -> Int? {
        row = Row()
        let delimiter = scan.delimiter
        return slots.withUnsafeBufferPointer { slots -> Int? in
            scan.decodeLine(base, from: start, count: count, fields: slots.count) { k, fieldStart, lineEnd -> Int? in
                var p = fieldStart
                let empty = base[p] == delimiter || p == lineEnd
                switch slots[k] {
                case .id:
                    guard let (end, ascii) = scan.plain(base, p, lineEnd), end > p else { return nil }
                    if !ascii && !TextValidation.isValidUTF8(UnsafeRawBufferPointer(start: base + p, count: end - p)) { return nil }
                    row.idStart = p
                    row.idCount = end - p
                    p = end
                case .firstOrder, .lastOrder:
                    var day = SnapshotTable.missingDay
                    if !empty {
                        guard let (d, end) = scan.date(base, p, lineEnd, format: format) else { return nil }
                        day = d
                        p = end
                    }
                    if slots[k] == .firstOrder { row.firstOrder = day } else { row.lastOrder = day }
                case .orders:
                    guard let (v, end) = scan.digits(base, p) else { return nil }
                    row.orders = Int32(v)
                    p = end
                case .purchaseDays:
                    guard let (v, end) = scan.digits(base, p) else { return nil }
                    row.purchaseDays = Int32(v)
                    p = end
                case .nps, .csat, .ces:
                    var score: Int8 = -1
                    if !empty {
                        guard let (v, end) = scan.digits(base, p) else { return nil }
                        switch slots[k] {
                        case .nps: guard v <= 10 else { return nil }
                        case .csat: guard v >= 1 && v <= 5 else { return nil }
                        default: guard v >= 1 && v <= 7 else { return nil }
                        }
                        score = Int8(v)
                        p = end
                    }
                    switch slots[k] {
                    case .nps: row.nps = score
                    case .csat: row.csat = score
                    default: row.ces = score
                    }
                case .revenue:
                    guard let (v, end) = scan.money(base, p) else { return nil }
                    row.revenue = v
                    p = end
                case .refund, .points, .repeatRevenue:
                    if !empty {
                        guard let (v, end) = scan.money(base, p) else { return nil }
                        switch slots[k] {
                        case .refund: row.refund = v
                        case .points: row.points = v
                        default: row.repeatSpend = v
                        }
                        p = end
                    }
                case .vip, .publicComplaint:
                    var value = false
                    if let (b, end) = scan.boolean(base, p) {
                        value = b
                        p = end
                    } else {
                        guard let (end, _) = scan.plain(base, p, lineEnd) else { return nil }
                        if end > p {
                            guard let b = FieldParser.boolean(UnsafeRawBufferPointer(start: base + p, count: end - p)) else { return nil }
                            value = b
                        }
                        p = end
                    }
                    if slots[k] == .vip { row.vip = value } else { row.publicComplaint = value }
                case .status:
                    guard let (end, _) = scan.plain(base, p, lineEnd) else { return nil }
                    if end > p {
                        let raw = UnsafeRawBufferPointer(start: base + p, count: end - p)
                        if FieldParser.equalsIgnoringCase(raw, "active") { row.status = 1 }
                        else if FieldParser.equalsIgnoringCase(raw, "churned") { row.status = 0 }
                        else { return nil }
                    }
                    p = end
                case .feedback, .tier:
                    guard let (from, to, next, ascii) = scan.text(base, p, lineEnd) else { return nil }
                    let raw = UnsafeRawBufferPointer(start: base + from, count: to - from)
                    if !FieldParser.trimmed(raw).isEmpty {
                        if !ascii && !TextValidation.isValidUTF8(raw) { return nil }
                        if slots[k] == .feedback { row.feedbackStart = from; row.feedbackCount = to - from } else { row.tierStart = from; row.tierCount = to - from }
                    }
                    p = next
                case .ignored:
                    guard let (_, _, next, _) = scan.text(base, p, lineEnd) else { return nil }
                    p = next
                }
                return p
            }
        }
    }
}
