import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// `fidelis-report validate`: checks the input and config, prints a summary, writes nothing.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check input data and config; print a summary; write nothing.")

    @OptionGroup var input: InputOptions

    @Flag(name: .long, help: "Only parse and check the rows (no figures); reports the parse throughput.")
    var parseOnly = false

    func run() throws {
        let config: ReportConfig
        do { config = try input.loadConfig() } catch { throw Exit.failure(error) }
        let result: ReportBuilder.Result
        do {
            result = parseOnly ? try ReportBuilder.parse(input.input, config: config) : try ReportBuilder.validate(input.input, config: config)
        } catch { throw Exit.failure(error) }
        for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let mb = Double(result.bytesRead) / 1e6
        print("OK: \(parseOnly ? "parsed" : "\(result.reports.count) snapshot(s),") \(result.rowsRead) rows, \(String(format: "%.1f", mb)) MB in \(String(format: "%.2f", result.seconds)) s (\(String(format: "%.0f", mb / max(result.seconds, 1e-9))) MB/s)")
        for r in result.reports {
            let retention = r.kpi(.retentionRate).value.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a"
            let raised = r.escalations.filter(\.raised).map(\.kind.rawValue)
            print("  \(r.period.label) (as of \(r.period.asOf)): \(r.counts.customers) customers, \(r.counts.buyers) buyers, \(r.counts.active) active, retention \(retention)" + (raised.isEmpty ? "" : ", escalations: " + raised.joined(separator: ", ")))
        }
    }
}
