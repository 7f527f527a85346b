@testable import ReportModel

/// Runs the engine over snapshots given as CSV text (period label → text), in order.
struct EngineFixture {
    var config = ReportConfig()
    var customers = CustomerIndex()

    mutating func run(_ snapshots: [(String, String)]) -> [SnapshotReport] {
        var engine = ReportEngine(config: config)
        var reports: [SnapshotReport] = []
        for (label, text) in snapshots {
            let period = SnapshotPeriod(fileName: label + ".csv")!
            let outcome = Array(text.utf8).withUnsafeBytes { bytes in
                SnapshotReader(dialect: config.dialect).read(bytes: bytes, displayName: label + ".csv", period: period, customers: &customers)
            }
            guard let table = outcome.table else { fatalError("fixture \(label) is invalid: \(outcome.errors)") }
            reports.append(engine.process(table, customers: customers))
        }
        return reports
    }

    /// Segment of a customer in a report.
    func segment(_ id: String, in report: SnapshotReport) -> String? {
        let b = report.buyers
        for i in 0..<b.count where customers.id(b.customer[i]) == id { return report.segmentIDs[Int(b.segment[i])] }
        return nil
    }

    func scores(_ id: String, in report: SnapshotReport) -> (Int, Int, Int)? {
        let b = report.buyers
        for i in 0..<b.count where customers.id(b.customer[i]) == id { return (b.r(i), b.f(i), b.m(i)) }
        return nil
    }
}
