// libFuzzer target: any bytes as a snapshot file and as a ledger, with both delimiters.
// Built by Fuzz/run.sh together with Sources/ReportModel/{Ingest,Model} into one module.

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
        }
    }
    return 0
}
