// libFuzzer target: any bytes as a snapshot file and as a ledger, with both delimiters.
// Built by Fuzz/run.sh together with Sources/ReportModel/{Ingest,Model} into one module.

#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshotCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let period = SnapshotPeriod(fileName: "2026-10.csv")!
    for dialect in [InputDialect(), InputDialect(delimiter: UInt8(ascii: ";"), dateFormat: .dayFirst)] {
        var customers = CustomerIndex(capacity: 16)
        let outcome = SnapshotReader(dialect: dialect).read(bytes: bytes, displayName: "f.csv", period: period, customers: &customers)
        // The one-pass decoder changes nothing but speed: the general path alone reads the same.
        var general = SnapshotReader(dialect: dialect)
        general.decodesPlainRows = false
        var generalCustomers = CustomerIndex(capacity: 16)
        let generalOutcome = general.read(bytes: bytes, displayName: "f.csv", period: period, customers: &generalCustomers)
        precondition(SnapshotPicture(outcome, customers) == SnapshotPicture(generalOutcome, generalCustomers))
        if let table = outcome.table {
            precondition(outcome.errors.isEmpty)
            precondition(table.customer.count == table.revenue.count && table.orders.count == table.count)
            for row in 0..<table.count {
                precondition(table.orders[row] >= 0 && table.revenue[row] >= 0)
                precondition((table.orders[row] == 0) == (table.lastOrder[row] == SnapshotTable.missingDay))
                precondition(table.lastOrder[row] == SnapshotTable.missingDay || table.lastOrder[row] <= period.asOf.ordinal)
                // Each row's customer is found again by its id (in the table or among the ids that
                // wait for it: see `CustomerIndex.intern`), and ids are distinct.
                let c = table.customer[row]
                precondition(customers.withBytes(c) { customers.lookup($0) } == c)
            }
        } else {
            precondition(!outcome.errors.isEmpty && outcome.errors.first.count <= InputErrors.limit)
            for e in outcome.errors.first { precondition(e.line >= 0 && e.column >= 0 && !e.message.isEmpty) }
        }
        // The ledger's one-pass decoder, and its read in two halves at once, change nothing but speed.
        var generalLedger = LedgerReader(dialect: dialect)
        generalLedger.decodesPlainRows = false
        var split = LedgerReader(dialect: dialect)
        split.splitsFrom = 0
        let read = LedgerPicture(LedgerReader(dialect: dialect), bytes)
        precondition(read == LedgerPicture(generalLedger, bytes) && read == LedgerPicture(split, bytes))
        if let lines = try? LedgerReader(dialect: dialect).read(bytes: bytes, name: "t.csv") {
            precondition(lines.customer.count == lines.day.count && lines.amount.count == lines.day.count)
            checkMonthEnds(bytes, lines: lines, dialect: dialect)
        }
    }
    return 0
}

/// The month ends of a ledger read without error (`LedgerSource`, which reads a file): rows in index
/// order and growing, every row's figures consistent, and the last month end's revenue the sum of
/// every line (no as-of date: the last line's day is the cut).
func checkMonthEnds(_ bytes: UnsafeRawBufferPointer, lines: LedgerReader.Lines, dialect: InputDialect) {
    let path = "/tmp/fuzz-ledger-\(getpid()).csv"
    guard let file = fopen(path, "wb") else { return }
    _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
    fclose(file)
    defer { unlink(path) }
    guard var source = try? LedgerSource(path: path, asOf: nil, dialect: dialect) else { return }
    var customers = CustomerIndex()
    var previousRows = 0
    var lastRevenue: Int64?
    for k in source.periods.indices {
        let outcome = source.read(k, customers: &customers)
        guard let t = outcome.table else { precondition(!outcome.errors.isEmpty || k > 0); return }
        precondition(t.customer == t.customer.sorted() && Set(t.customer).count == t.count && t.count >= previousRows)
        let cut = source.periods[k].asOf.ordinal
        for i in 0..<t.count {
            precondition(t.orders[i] >= 1 && t.purchaseDays[i] >= 1 && t.firstOrder[i] <= t.lastOrder[i] && t.lastOrder[i] <= cut)
        }
        previousRows = t.count
        lastRevenue = t.revenue.reduce(0, &+)
    }
    if let lastRevenue { precondition(lastRevenue == lines.amount.reduce(0, &+)) }
}

/// What a snapshot read gives, comparable across reads (customers by their id bytes).
struct SnapshotPicture: Equatable {
    var errors: [String]
    var total: Int
    var unknown: [String]
    var columns: [[Int64]] = []
    var feedback: [String] = []
    var tier: [String] = []
    var ids: [[UInt8]] = []

    init(_ o: SnapshotReader.Outcome, _ customers: CustomerIndex) {
        errors = o.errors.first.map(\.description)
        total = o.errors.total
        unknown = o.unknownColumns
        guard let t = o.table else { return }
        columns = [t.firstOrder.map(Int64.init), t.lastOrder.map(Int64.init), t.orders.map(Int64.init), t.revenue,
                   t.status.map(Int64.init), t.vip.map { $0 ? 1 : 0 }, t.nps.map(Int64.init), t.csat.map(Int64.init),
                   t.ces.map(Int64.init), t.publicComplaint.map { $0 ? 1 : 0 }, t.refunds.map { Int64($0.row) }, t.refunds.map(\.amount), [t.pointsOutstanding],
                   t.purchaseDays.map(Int64.init), t.repeatSpend]
        feedback = t.feedback.map { "\($0.row):\($0.text)" }
        tier = t.tier.map { "\($0.row):\($0.text)" }
        ids = t.customer.map { customers.withBytes($0) { Array($0) } }
    }
}

/// What a ledger read gives, comparable across reads: its errors, or its lines (customers by id bytes).
struct LedgerPicture: Equatable {
    var errors: [String] = []
    var ids: [[UInt8]] = []
    var day: [Int32] = []
    var amount: [Int64] = []
    var order: [Int64] = []
    var unknown: [String] = []

    init(_ reader: LedgerReader, _ bytes: UnsafeRawBufferPointer) {
        do {
            let lines = try reader.read(bytes: bytes, name: "t.csv")
            ids = lines.customer.map { c in lines.customers.withBytes(c) { Array($0) } }
            day = lines.day
            amount = lines.amount
            order = lines.order
            unknown = lines.unknownColumns
        } catch {
            errors = error.first.map(\.description) + ["\(error.total)"]
        }
    }
}
