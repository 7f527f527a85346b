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
