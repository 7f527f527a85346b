import Foundation
@testable import ReportModel

/// Generated sample files in a temporary folder, parsed for the tests.
struct SampleTestFixture {
    /// One parsed snapshot file.
    struct Snapshot {
        var name: String
        var asOf: String
        var header: [String]
        var rows: [[String: String]]
    }

    let directory: URL
    let settings: SampleSettings
    var delimiter: UInt8 { settings.semicolonDelimited ? UInt8(ascii: ";") : UInt8(ascii: ",") }

    /// Writes snapshots and ledger for `settings` into a fresh temporary folder.
    init(_ settings: SampleSettings) throws {
        self.settings = settings
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fidelis-sample-tests-\(UUID().uuidString)")
        try SampleGenerator.writeSnapshots(to: directory, settings: settings)
        try SampleGenerator.writeLedger(to: ledgerURL, settings: settings)
    }

    var ledgerURL: URL { directory.appendingPathComponent("transactions.csv") }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Snapshot file names, sorted.
    func snapshotNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0 != "transactions.csv" }.sorted()
    }

    /// All snapshots, in month order.
    func snapshots() throws -> [Snapshot] {
        try snapshotNames().map { name in
            let table = try SampleTestCSV.rows(of: directory.appendingPathComponent(name), delimiter: delimiter)
            let header = table[0]
            let rows = table.dropFirst().map { fields in
                Dictionary(uniqueKeysWithValues: zip(header, fields))
            }
            let year = Int(name.prefix(4))!, month = Int(name.dropFirst(5).prefix(2))!
            let last = SampleCalendar.daysInMonth(year: year, month: month)
            let asOf = name.prefix(7) + "-" + (last < 10 ? "0" : "") + String(last)
            return Snapshot(name: name, asOf: String(asOf), header: header, rows: rows)
        }
    }

    /// Ledger rows as dictionaries.
    func ledger() throws -> (header: [String], rows: [[String: String]]) {
        let table = try SampleTestCSV.rows(of: ledgerURL, delimiter: delimiter)
        let header = table[0]
        return (header, table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }
}
