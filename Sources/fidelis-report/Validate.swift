import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report validate`: checks the input and config, prints a summary, writes nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check input data and config; print a summary; write nothing.")

    @OptionGroup var input: InputOptions

    func run() throws {
        let config: ReportConfig
        do { config = try input.loadConfig() } catch { throw Exit.failure(.badConfig(error)) }
        let result: ReportBuilder.Result
        do { result = try ReportBuilder.validate(input.input, config: config) } catch { throw Exit.failure(error) }
        print("OK: \(result.reports.count) snapshot(s), \(result.rowsRead) rows, \(String(format: "%.1f", Double(result.bytesRead) / 1e6)) MB")
        for r in result.reports {
            let retention = r.kpi(.retentionRate).value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
            let raised = r.escalations.filter(\.raised).map(\.kind.rawValue)
            print("  \(r.period.label) (as of \(r.period.asOf)): \(r.counts.customers) customers, \(r.counts.buyers) buyers, \(r.counts.active) active, retention \(retention)" + (raised.isEmpty ? "" : ", escalations: " + raised.joined(separator: ", ")))
        }
    }
}
