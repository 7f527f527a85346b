import Foundation
import Testing
@testable import ReportModel

/// Folder-level rules for `--snapshots DIR`, and the fixture files.
@Suite("Ingest: snapshot folder")
struct IngestFolderTests {
    typealias S = IngestSupport
    static let header = "customer_id,orders,revenue,last_order_date\n"

    static func fixture(_ relative: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/ingest/" + relative, withExtension: nil))
    }

    static func folderErrors(_ path: String) -> InputErrors? {
        do throws(InputErrors) {
            _ = try SnapshotFolder(directory: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("files are ordered by as-of date, not by name; non-CSV and hidden files are ignored")
    func ordering() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        for name in ["2026-10.csv", "2026-09-15.csv", "2026-01.csv", "2025-12-31.csv", "2026-10-01.csv"] { try dir.write(name, Self.header) }
        try dir.write("notes.txt", "hello")
        try dir.write("2026-11.csv.bak", "x")
        try dir.write("2026-11.xlsx", "x")
        try dir.write(".2026-12.csv", "x")
        try dir.write("README", "x")
        try dir.makeFolder("archive")
        let folder = try SnapshotFolder(directory: dir.path)
        #expect(folder.entries.map(\.displayName) == ["2025-12-31.csv", "2026-01.csv", "2026-09-15.csv", "2026-10-01.csv", "2026-10.csv"])
        #expect(folder.entries.map(\.period.label) == ["2025-12-31", "2026-01", "2026-09-15", "2026-10-01", "2026-10"])
        #expect(folder.entries.map(\.period.asOf) == ["2025-12-31", "2026-01-31", "2026-09-15", "2026-10-01", "2026-10-31"].map(S.day))
        #expect(folder.entries.allSatisfy { $0.path == dir.url.appendingPathComponent($0.displayName).path })
        // The files named like a snapshot that are not read are listed for a warning.
        #expect(folder.unreadSnapshots == ["2026-11.csv.bak", "2026-11.xlsx"])
    }

    @Test("a file named like a snapshot but not .csv is warned about, with what to do")
    func unreadSnapshots() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("2026-10.csv", Self.header)
        for name in ["2026-08.csv.gz", "2026-07-15.xlsx", "2026-06.txt", "2026-05.ZIP", "notes-2026-04.txt", "2026-13.xlsx", "README", "2026-10.csv.bak", "2026-10.xlsx"] {
            try dir.write(name, "x")   // the last two are copies of a month that is read: no warning
        }
        let folder = try SnapshotFolder(directory: dir.path)
        #expect(folder.entries.map(\.displayName) == ["2026-10.csv"])
        #expect(folder.unreadSnapshots == ["2026-05.ZIP", "2026-06.txt", "2026-07-15.xlsx", "2026-08.csv.gz"])
        let source = try SnapshotFolderSource(directory: dir.path, dialect: InputDialect())
        #expect(source.warnings == [
            "2026-05.ZIP is not read, as only .csv files are: decompress it into the folder to read it",
            "2026-06.txt is not read, as only .csv files are: rename it 2026-06.csv if it is a CSV export",
            "2026-07-15.xlsx is not read, as only .csv files are: save it as CSV UTF-8 to read it",
            "2026-08.csv.gz is not read, as only .csv files are: decompress it into the folder to read it",
        ])
        // A folder of nothing but such files: the error names the first.
        let only = try TemporaryFolder()
        defer { only.remove() }
        try only.write("2026-08.csv.gz", "x")
        let errors = try #require(Self.folderErrors(only.path))
        expectSingleError(errors, file: only.path, line: 0, column: 0, message: ["the folder holds no snapshot file"],
                          expected: ["; 2026-08.csv.gz is not read, as only .csv files are: decompress it"])
    }

    @Test("Excel's lock file, a second copy of a month and a ledger in a snapshot folder are named as such")
    func namesThatAreNotSnapshots() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        for name in ["2026-10.csv", "~$2026-11.csv", "2026-10 (1).csv", "transactions.csv", "2026_09.csv"] { try dir.write(name, Self.header) }
        let errors = try #require(Self.folderErrors(dir.path))
        let byFile = Dictionary(uniqueKeysWithValues: errors.first.map { ($0.file, $0.expected) })
        #expect(byFile["~$2026-11.csv"]?.hasSuffix("; it is the lock file Excel keeps while 2026-11.csv is open: close that file in Excel, or delete the lock file") == true)
        #expect(byFile["2026-10 (1).csv"]?.hasSuffix("; it looks like a second copy of 2026-10.csv (a repeated download?): remove it, or name it after its own month") == true)
        #expect(byFile["transactions.csv"]?.hasSuffix("give the file itself with --transactions") == true)
        #expect(byFile["2026_09.csv"]?.hasSuffix("; rename it 2026-09.csv") == true)
        #expect(errors.total == 4)
    }

    @Test("months without a snapshot between two snapshots are warned about")
    func missingMonths() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        for name in ["2025-11.csv", "2025-12.csv", "2026-03.csv", "2026-03-15.csv", "2026-04.csv", "2026-09.csv"] { try dir.write(name, Self.header) }
        let folder = try SnapshotFolder(directory: dir.path)
        #expect(SnapshotFolder.missingMonthWarnings(folder.entries) == [
            "no snapshot for 2026-01, 2026-02: 2026-03-15.csv's retention and churn compare it with 2025-12.csv, 3 months earlier",
            "no snapshot for 2026-05 to 2026-08: 2026-09.csv's retention and churn compare it with 2026-04.csv, 5 months earlier",
        ])
        let source = try SnapshotFolderSource(directory: dir.path, dialect: InputDialect())
        #expect(source.warnings.count == 2)
        // Months in a row, or several snapshots in one month: nothing to say.
        let steady = try TemporaryFolder()
        defer { steady.remove() }
        for name in ["2025-12.csv", "2026-01-15.csv", "2026-01.csv", "2026-02.csv"] { try steady.write(name, Self.header) }
        #expect(SnapshotFolder.missingMonthWarnings(try SnapshotFolder(directory: steady.path).entries).isEmpty)
        // Quarterly exports: the usual gap is three months, which gets no warning; a longer one does.
        let quarterly = try TemporaryFolder()
        defer { quarterly.remove() }
        for name in ["2025-06.csv", "2025-09.csv", "2025-12.csv", "2026-03.csv", "2026-09.csv"] { try quarterly.write(name, Self.header) }
        #expect(SnapshotFolder.missingMonthWarnings(try SnapshotFolder(directory: quarterly.path).entries) == [
            "no snapshot for 2026-04 to 2026-08: 2026-09.csv's retention and churn compare it with 2026-03.csv, 6 months earlier"])
        // The config's cadence replaces the folder's usual gap: said monthly, every quarter is two
        // months missing; said quarterly, a monthly folder's missing month is no warning, two
        // missing months make a gap over 106 days and are one.
        let quarterlyEntries = try SnapshotFolder(directory: quarterly.path).entries
        #expect(SnapshotFolder.missingMonthWarnings(quarterlyEntries, cadence: .monthly).count == 4)
        #expect(SnapshotFolder.missingMonthWarnings(quarterlyEntries, cadence: .quarterly).count == 1)
        #expect(SnapshotFolder.missingMonthWarnings(folder.entries, cadence: .quarterly) == [
            "no snapshot for 2026-05 to 2026-08: 2026-09.csv's retention and churn compare it with 2026-04.csv, 5 months earlier"])
        #expect(try SnapshotFolderSource(directory: quarterly.path, dialect: InputDialect(), cadence: .monthly).warnings.count == 4)
    }

    @Test("a CSV whose name is not a date is an error naming the file")
    func badName() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("2026-10.csv", Self.header)
        try dir.write("report.csv", Self.header)
        let errors = try #require(Self.folderErrors(dir.path))
        expectSingleError(errors, file: "report.csv", line: 0, column: 0, message: ["the file name is not a snapshot date"], expected: ["YYYY-MM.csv or YYYY-MM-DD.csv"])
    }

    @Test("a name holding a snapshot date suggests the rename", arguments: [
        ("customers_2026-10.csv", "2026-10.csv"), ("export-2026-10-15 (1).csv", "2026-10-15.csv"), ("2026-10-export.CSV", "2026-10.csv"),
        ("crm 2026-10-31.csv", "2026-10-31.csv"), ("v12026-10.csv", nil), ("2026-13-export.csv", nil), ("2026-02-30_x.csv", nil), ("report.csv", nil),
        ("2026_10.csv", "2026-10.csv"), ("2026.10.csv", "2026-10.csv"), ("10-2026.csv", "2026-10.csv"), ("export 202610.csv", "2026-10.csv"),
        ("20261015.csv", "2026-10-15.csv"), ("2026_10_15.csv", "2026-10-15.csv"), ("13-2026.csv", nil), ("123410.csv", nil), ("1234567.csv", nil),
        ("20260230.csv", nil),
    ] as [(String, String?)])
    func renameSuggested(_ name: String, _ suggestion: String?) throws {
        #expect(SnapshotFolder.dateName(in: name) == suggestion)
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write(name, Self.header)
        let errors = try #require(Self.folderErrors(dir.path))
        let expected = "YYYY-MM.csv or YYYY-MM-DD.csv" + (suggestion.map { "; rename it \($0)" } ?? "")
        expectSingleError(errors, file: name, line: 0, column: 0, message: ["the file name is not a snapshot date"])
        #expect(errors.first.first?.expected == expected)
    }

    @Test("every bad name is reported", arguments: [["2026-13.csv"], ["2026-02-30.csv", "export.CSV"]])
    func badNames(_ names: [String]) throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("2026-10.csv", Self.header)
        for name in names { try dir.write(name, Self.header) }
        let errors = try #require(Self.folderErrors(dir.path))
        #expect(errors.total == names.count)
        #expect(Set(errors.first.map(\.file)) == Set(names))
    }

    @Test("two files with the same as-of date are an error")
    func sameAsOf() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("2026-09.csv", Self.header)
        try dir.write("2026-10.csv", Self.header)
        try dir.write("2026-10-31.csv", Self.header)
        let errors = try #require(Self.folderErrors(dir.path))
        #expect(errors.total == 1)
        let e = try #require(errors.first.first)
        #expect(["2026-10.csv", "2026-10-31.csv"].contains(e.file))
        let other = e.file == "2026-10.csv" ? "2026-10-31.csv" : "2026-10.csv"
        expectError(e, file: e.file, line: 0, column: 0, message: ["same as-of date 2026-10-31", other], expected: ["one snapshot per date"])
    }

    @Test("a folder without snapshot files is an error")
    func noSnapshots() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("notes.txt", "x")
        let errors = try #require(Self.folderErrors(dir.path))
        expectSingleError(errors, file: dir.path, line: 0, column: 0, message: ["the folder holds no snapshot file"])
    }

    @Test("a missing folder, or a file given as folder, is an error")
    func missingFolder() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let missing = dir.url.appendingPathComponent("nope").path
        let errors = try #require(Self.folderErrors(missing))
        expectSingleError(errors, file: missing, line: 0, column: 0, message: ["snapshot folder not found"])
        let file = try dir.write("2026-10.csv", Self.header)
        #expect(Self.folderErrors(file) != nil)
    }

    @Test("SnapshotFolderSource reads each file with its display name and period")
    func folderSource() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        try dir.write("2026-09.csv", Self.header + "A,1,10,2026-09-30\n")
        try dir.write("2026-10-15.csv", Self.header + "A,2,20,2026-10-16\n")
        var source = try SnapshotFolderSource(directory: dir.path, dialect: InputDialect())
        #expect(source.periods.map(\.label) == ["2026-09", "2026-10-15"])
        var customers = CustomerIndex()
        let first = source.read(0, customers: &customers)
        #expect(first.errors.isEmpty)
        #expect(first.name == "2026-09.csv")
        #expect(first.table?.count == 1)
        #expect(first.byteCount == Self.header.utf8.count + "A,1,10,2026-09-30\n".utf8.count)
        // The second file's last order is after its as-of date (2026-10-15).
        let second = source.read(1, customers: &customers)
        #expect(second.table == nil)
        expectSingleError(second.errors, file: "2026-10-15.csv", line: 2, column: 4, message: ["last_order_date 2026-10-16 is after the snapshot date 2026-10-15"])
    }

    @Test("an empty file on disk reads as an empty file")
    func emptyFileOnDisk() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let path = try dir.write("2026-10.csv", "")
        var customers = CustomerIndex()
        let o = SnapshotReader(dialect: InputDialect()).read(path: path, displayName: "2026-10.csv", period: S.october, customers: &customers)
        expectSingleError(o.errors, line: 1, column: 0, message: ["the file is empty"])
        let missing = SnapshotReader(dialect: InputDialect()).read(path: path + ".gone", displayName: "gone.csv", period: S.october, customers: &customers)
        expectSingleError(missing.errors, file: "gone.csv", line: 0, column: 0, message: ["cannot open file"])
    }

    // MARK: - Fixtures

    @Test("the fixture folder: two snapshots in order, README ignored, values read")
    func fixtureFolder() throws {
        let url = try Self.fixture("snapshots")
        var source = try SnapshotFolderSource(directory: url.path, dialect: InputDialect())
        #expect(source.periods.map(\.label) == ["2026-09", "2026-10-15"])
        var customers = CustomerIndex()
        let sep = source.read(0, customers: &customers)
        let oct = source.read(1, customers: &customers)
        #expect(sep.errors.isEmpty && oct.errors.isEmpty, "\(sep.errors) \(oct.errors)")
        let t0 = try #require(sep.table), t1 = try #require(oct.table)
        #expect(t0.revenue == [1_500_000, 0])
        #expect(t0.nps == [9, -1])
        #expect(t1.customer.map { customers.id($0) } == ["A", "B", "C"])
        #expect(t1.customer[0] == t0.customer[0])
        #expect(t1.revenue == [1_802_500, 200_000, 55_000])
        #expect(t1.lastOrder == ["2026-10-12", "2026-10-01", "2026-10-14"].map(S.ordinal))
    }

    @Test("the French Excel fixture: BOM, ;, CRLF, decimal comma, dd/mm/yyyy and aliases")
    func excelFixture() throws {
        let url = try Self.fixture("excel-fr.csv")
        let dialect = InputDialect(dateFormat: .dayFirst, columnAliases: [
            "Identifiant": "customer_id", "Premiere commande": "first_order_date", "Derniere commande": "last_order_date",
            "Commandes": "orders", "CA": "revenue", "Avis": "feedback",
        ])
        var customers = CustomerIndex()
        let o = SnapshotReader(dialect: dialect).read(path: url.path, displayName: "excel-fr.csv", period: S.october, customers: &customers)
        #expect(o.errors.isEmpty, "\(o.errors)")
        #expect(o.unknownColumns.isEmpty)
        let t = try #require(o.table)
        #expect(t.customer.map { customers.id($0) } == ["FR-1", "FR-2", "FR-3"])
        #expect(t.orders == [4, 0, 1])
        #expect(t.revenue == [12_345_600, 0, 99_000])
        #expect(t.firstOrder == [S.ordinal("2026-01-05"), SnapshotTable.missingDay, S.ordinal("2026-10-31")])
        #expect(t.lastOrder == [S.ordinal("2026-10-28"), SnapshotTable.missingDay, S.ordinal("2026-10-31")])
        #expect(t.feedback.map(\.row) == [0, 2])
        #expect(t.feedback.map(\.text) == ["Tres bien; \"merci\"", "ligne 1\r\nligne 2"])

        // The same file with ISO dates expected: every date is reported with the ISO example and
        // the setting that reads it (only day-first reads 28/10/2026 and 31/10/2026).
        let iso = SnapshotReader(dialect: InputDialect(columnAliases: [
            "Identifiant": "customer_id", "Derniere commande": "last_order_date", "Commandes": "orders", "CA": "revenue",
        ])).read(path: url.path, displayName: "excel-fr.csv", period: S.october, customers: &customers)
        #expect(iso.errors.total == 2)
        #expect(iso.errors.first.map(\.line) == [2, 4])
        #expect(iso.errors.first.allSatisfy { $0.column == 3 && $0.expected.hasPrefix("a date YYYY-MM-DD;") && $0.expected.hasSuffix("set date_format: dd/mm/yyyy in fidelis.yml") })
        #expect(iso.unknownColumns == ["Premiere commande", "Avis"])
    }
}
