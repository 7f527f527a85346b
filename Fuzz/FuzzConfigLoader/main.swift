// libFuzzer target: any bytes as fidelis.yml. The loader either returns a config whose every value is
// in its documented range, or throws an InputError that names the file and a line:column inside it.
// Built by Fuzz/run.sh as a SwiftPM package (Fuzz/Package.swift) with -sanitize=fuzzer,address.
import Glibc
import ReportModel

// SwiftPM links an executable's entry point as `<module>_main` (`--defsym main=…`), so libFuzzer's own
// `main` is not used: this top-level code hands the command line to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(llvmFuzzerRunDriver(&argc, &argv, fuzzConfigLoader))

/// A precondition whose message survives -O (the crash report shows what was wrong).
func check(_ condition: Bool, _ message: @autoclosure () -> String = "") {
    if !condition { fatalError("invariant broken: " + message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // ConfigLoader.load refuses non-UTF-8 files before parsing.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let file = "fidelis.yml"
    do throws(InputError) {
        let c = try ConfigLoader.parse(text, file: file)
        check((1...3650).contains(c.activityWindowDays))
        check(c.dialect.delimiter == nil || c.dialect.delimiter == UInt8(ascii: ",") || c.dialect.delimiter == UInt8(ascii: ";"))
        for (kpi, target) in c.targets { check(target.value?.isFinite ?? true, "\(kpi)") }
        check(c.targets.count == KPITarget.defaults.count)
        check(!c.segments.rules.isEmpty && !c.segments.segments.isEmpty)
        for r in 1...5 { for f in 1...5 { for m in 1...5 {
            check(c.segments.segments.indices.contains(c.segments.segmentIndex(r: r, f: f, m: m)))
        } } }
        let e = c.escalations
        check([e.npsBelow, e.churnAbove, e.refundAbove].allSatisfy(\.isFinite) && e.vipTopShare > 0 && e.vipTopShare <= 1)
        check((1...120).contains(c.lifetime.horizonMonths) && (0...1).contains(c.lifetime.monthlyDiscountRate))
        let l = c.loyalty
        check(!l.tierNames.isEmpty && l.tierPercentiles.count == l.tierNames.count - 1)
        check(l.tierPercentiles.allSatisfy { (0...1).contains($0) } && zip(l.tierPercentiles, l.tierPercentiles.dropFirst()).allSatisfy { $0 < $1 })
        check([l.pointsPerCurrencyUnit, l.pointValue].allSatisfy { (0...1_000_000).contains($0) } && (0...1).contains(l.redemptionRate))
        let a = c.actionPlan
        check([a.winBackIncentive, a.contactCost, a.personalInterventionCost].allSatisfy { (0...1_000_000).contains($0) })
        check((0...1).contains(a.expectedWinBackRate))
    } catch {
        // FILE:LINE:COLUMN: message (expected …), the line and column inside the text.
        // libyaml ends the stream on a line of its own (after an implied final line break).
        let isBreak = { (s: Unicode.Scalar) in "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains(s) }
        let lines = text.unicodeScalars.count(where: isBreak) + 1 + (text.unicodeScalars.last.map(isBreak) ?? true ? 0 : 1)
        check(error.file == file && !error.message.isEmpty && !error.expected.isEmpty, "\(error)")
        check(error.line >= 1 && error.line <= lines && error.column >= 1, "bad location: \(error)")
        check(error.description.hasPrefix("\(file):\(error.line):\(error.column): "))
    }
    return 0
}
