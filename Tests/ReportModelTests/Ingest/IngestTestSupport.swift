import Foundation
import Testing
@testable import ReportModel

/// Helpers shared by the ingest tests: in-memory snapshot / ledger reads, error checks, temp folders.
enum IngestSupport {
    /// The period of `2026-10.csv`: as of 2026-10-31.
    static let october = SnapshotPeriod(fileName: "2026-10.csv")!
    static let fileName = "2026-10.csv"
    /// The minimal valid header.
    static let minimalHeader = "customer_id,orders,revenue,last_order_date"

    struct Read {
        var outcome: SnapshotReader.Outcome
        var customers: CustomerIndex
        var errors: InputErrors { outcome.errors }
        var table: SnapshotTable? { outcome.table }

        /// The row index of a customer id in the table.
        func row(_ id: String) -> Int? {
            guard let table else { return nil }
            return table.customer.firstIndex { customers.id($0) == id }
        }
    }

    /// Reads snapshot bytes with a fresh (or given) customer index.
    static func read(bytes: [UInt8], dialect: InputDialect = InputDialect(), period: SnapshotPeriod = october,
                     file: String = fileName, customers: CustomerIndex = CustomerIndex()) -> Read {
        var index = customers
        let outcome = bytes.withUnsafeBytes { raw in
            SnapshotReader(dialect: dialect).read(bytes: raw, displayName: file, period: period, customers: &index)
        }
        return Read(outcome: outcome, customers: index)
    }

    /// Reads snapshot text.
    static func read(_ text: String, dialect: InputDialect = InputDialect(), period: SnapshotPeriod = october,
                     file: String = fileName, customers: CustomerIndex = CustomerIndex()) -> Read {
        read(bytes: Array(text.utf8), dialect: dialect, period: period, file: file, customers: customers)
    }

    /// Reads ledger text; returns the lines or the errors.
    static func ledger(_ text: String, dialect: InputDialect = InputDialect(), name: String = "ledger.csv") -> Result<LedgerReader.Lines, InputErrors> {
        ledger(bytes: Array(text.utf8), dialect: dialect, name: name)
    }

    static func ledger(bytes: [UInt8], dialect: InputDialect = InputDialect(), name: String = "ledger.csv") -> Result<LedgerReader.Lines, InputErrors> {
        bytes.withUnsafeBytes { raw in
            do throws(InputErrors) {
                return .success(try LedgerReader(dialect: dialect).read(bytes: raw, name: name))
            } catch {
                return .failure(error)
            }
        }
    }

    static func day(_ iso: String) -> Day {
        let parts = iso.split(separator: "-").map { Int($0)! }
        return Day(year: parts[0], month: parts[1], day: parts[2])!
    }

    static func ordinal(_ iso: String) -> Int32 { day(iso).ordinal }

    /// Money units of a decimal literal written in currency units.
    static func units(_ value: Int64) -> Int64 { value * Money.scale }
}

/// Checks that `errors` holds exactly one problem, at FILE:LINE:COLUMN, whose message and expectation
/// contain the given fragments.
func expectSingleError(_ errors: InputErrors, file: String = IngestSupport.fileName, line: Int, column: Int,
                       message: [String] = [], expected: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(errors.total == 1, "expected one error, got: \(errors)", sourceLocation: sourceLocation)
    guard let e = errors.first.first else {
        Issue.record("no error reported", sourceLocation: sourceLocation)
        return
    }
    expectError(e, file: file, line: line, column: column, message: message, expected: expected, sourceLocation: sourceLocation)
}

/// Checks one error's location and content.
func expectError(_ e: InputError, file: String = IngestSupport.fileName, line: Int, column: Int,
                 message: [String] = [], expected: [String] = [],
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(e.file == file, "\(e)", sourceLocation: sourceLocation)
    #expect(e.line == line, "\(e)", sourceLocation: sourceLocation)
    #expect(e.column == column, "\(e)", sourceLocation: sourceLocation)
    #expect(e.description.hasPrefix("\(file):\(line):\(column): "), "\(e)", sourceLocation: sourceLocation)
    for fragment in message {
        #expect(e.message.contains(fragment), "message \"\(e.message)\" lacks \"\(fragment)\"", sourceLocation: sourceLocation)
    }
    for fragment in expected {
        #expect(e.expected.contains(fragment), "expected \"\(e.expected)\" lacks \"\(fragment)\"", sourceLocation: sourceLocation)
    }
}

/// A temporary folder; call `remove()` (in a `defer`) when done.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("fidelis-ingest-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func makeFolder(_ name: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(name, isDirectory: true), withIntermediateDirectories: true)
    }
}

/// The full snapshot header of input.md and rows built from defaults plus overrides.
enum FullRow {
    static let columns = [
        "customer_id", "first_order_date", "last_order_date", "orders", "revenue", "status", "vip", "nps", "csat",
        "ces", "feedback", "public_complaint", "refund_requested", "tier", "points_balance",
    ]
    static let defaults: [String: String] = [
        "customer_id": "A1", "first_order_date": "2026-01-05", "last_order_date": "2026-10-01", "orders": "3", "revenue": "120.50",
    ]
    static var header: String { columns.joined(separator: ",") }

    static func make(_ overrides: [String: String] = [:]) -> String {
        for key in overrides.keys { precondition(columns.contains(key), "unknown column \(key)") }
        return columns.map { overrides[$0] ?? defaults[$0] ?? "" }.joined(separator: ",")
    }

    /// 1-based field number of a column.
    static func column(_ name: String) -> Int { columns.firstIndex(of: name)! + 1 }

    /// A file with the full header and one row.
    static func file(_ overrides: [String: String]) -> String { header + "\n" + make(overrides) + "\n" }
}
