import Foundation
import Testing
import ReportModel
@testable import ReportRender

/// The builder's warning for a ledger larger than this machine's memory can hold while it is read.
@Suite struct LedgerMemoryWarningTests {
    @Test("a ledger is measured by its file's size against the machine's memory")
    func ledgerAgainstMemory() throws {
        let f = BuildFixture(); defer { f.remove() }
        let text = "customer_id,date,amount\nA,2026-01-05,10.00\n"   // 43 bytes: a peak of 64
        f.write(text, to: "data/ledger.csv")
        let input = ReportInput.transactions(f.path("data/ledger.csv"), asOf: nil)
        let warning = try #require(ReportBuilder.ledgerMemoryWarning(input, memory: MemoryLimit(bytes: 80, cappedByControlGroup: false)))
        #expect(warning.hasPrefix("ledger.csv is 0.00 GiB: a ledger's lines are all held in memory"))
        #expect(warning.contains("more than three quarters of the 0.00 GiB this machine has."))
        let capped = try #require(ReportBuilder.ledgerMemoryWarning(input, memory: MemoryLimit(bytes: 80, cappedByControlGroup: true)))
        #expect(capped.contains("more than three quarters of the 0.00 GiB this process may use (its control group's memory limit)."))
        #expect(ReportBuilder.ledgerMemoryWarning(input, memory: MemoryLimit(bytes: 88, cappedByControlGroup: false)) == nil)   // three quarters: 66
        #expect(ReportBuilder.ledgerMemoryWarning(input) == nil)   // this machine's memory
        // Through a link (`--transactions /dev/stdin < ledger.csv`), the file's size, not the link's.
        try FileManager.default.createSymbolicLink(atPath: f.path("link.csv"), withDestinationPath: f.path("data/ledger.csv"))
        let linked = try #require(ReportBuilder.ledgerMemoryWarning(.transactions(f.path("link.csv"), asOf: nil), memory: MemoryLimit(bytes: 80, cappedByControlGroup: false)))
        #expect(linked.hasPrefix("link.csv is 0.00 GiB"))
    }

    @Test("snapshots and a missing ledger get no memory warning")
    func notALedger() {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,orders,last_order_date,revenue\n", to: "snaps/2026-01.csv")
        let tiny = MemoryLimit(bytes: 1, cappedByControlGroup: false)
        #expect(ReportBuilder.ledgerMemoryWarning(.snapshots(f.path("snaps")), memory: tiny) == nil)
        #expect(ReportBuilder.ledgerMemoryWarning(.transactions(f.path("none.csv"), asOf: nil), memory: tiny) == nil)
    }

    @Test("a control group's limit under the machine's memory is the memory a build may use")
    func controlGroupLimit() {
        let gb: UInt64 = 1_000_000_000
        func limit(_ files: [String: String]) -> MemoryLimit { MemoryLimit.current(physical: 16 * gb, read: { files[$0] }) }
        #expect(limit([:]) == MemoryLimit(bytes: 16 * gb, cappedByControlGroup: false))
        #expect(limit(["/sys/fs/cgroup/memory.max": "max\n"]) == MemoryLimit(bytes: 16 * gb, cappedByControlGroup: false))
        #expect(limit(["/sys/fs/cgroup/memory.max": "4000000000\n"]) == MemoryLimit(bytes: 4 * gb, cappedByControlGroup: true))
        // cgroup v1 writes a huge number for no limit.
        #expect(limit(["/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n"]) == MemoryLimit(bytes: 16 * gb, cappedByControlGroup: false))
        #expect(limit(["/sys/fs/cgroup/memory/memory.limit_in_bytes": "2000000000"]) == MemoryLimit(bytes: 2 * gb, cappedByControlGroup: true))
        // A limit on the process's own group, or on one above it (a systemd unit's MemoryMax=), as
        // /proc/self/cgroup names them.
        let unit = "0::/system.slice/report.service\n"
        #expect(limit(["/proc/self/cgroup": unit, "/sys/fs/cgroup/system.slice/report.service/memory.max": "3000000000\n"])
                == MemoryLimit(bytes: 3 * gb, cappedByControlGroup: true))
        #expect(limit(["/proc/self/cgroup": unit, "/sys/fs/cgroup/system.slice/report.service/memory.max": "max\n",
                       "/sys/fs/cgroup/system.slice/memory.max": "5000000000\n"]) == MemoryLimit(bytes: 5 * gb, cappedByControlGroup: true))
        #expect(limit(["/proc/self/cgroup": "7:memory:/job\n", "/sys/fs/cgroup/memory/job/memory.limit_in_bytes": "1000000000\n",
                       "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n"]) == MemoryLimit(bytes: 1 * gb, cappedByControlGroup: true))
        #expect(limit(["/sys/fs/cgroup/memory.max": "3000000000", "/sys/fs/cgroup/memory/memory.limit_in_bytes": "2000000000"]).bytes == 2 * gb)
    }

    /// Collects what a log says, by kind.
    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var notes: [String] = [], upFront: [String] = []
        func note(_ s: String) { lock.lock(); notes.append(s); lock.unlock() }
        func warn(_ s: String) { lock.lock(); upFront.append(s); lock.unlock() }
        var said: (notes: [String], upFront: [String]) { lock.lock(); defer { lock.unlock() }; return (notes, upFront) }
    }

    @Test("the warning is said before the read, under --quiet too, and --strict stops there")
    func saidUpFrontAndCountedByStrict() throws {
        let f = BuildFixture(); defer { f.remove() }
        f.write("customer_id,date,amount\nA,2026-01-05,10.00\nB,2026-02-28,20.00\n", to: "data/ledger.csv")
        let input = ReportInput.transactions(f.path("data/ledger.csv"), asOf: nil)
        let tight = MemoryLimit(bytes: 80, cappedByControlGroup: true)
        // Quiet: no progress, the warning all the same (it was lost under build --quiet).
        let quiet = Heard()
        var options = BuildOptions(input: input, output: f.path("site"), config: ReportConfig())
        options.memory = tight
        options.configFingerprint = "memory test"   // a build record, for the rebuild below
        let built = try ReportBuilder.build(options, log: .quiet(warnings: quiet.warn))
        #expect(quiet.said.upFront.count == 1 && quiet.said.upFront[0].hasPrefix("ledger.csv is 0.00 GiB"))
        #expect(built.upFrontWarnings == quiet.said.upFront && !built.warnings.contains { $0.contains("GiB") }, "\(built.warnings)")
        // Not kept in the build record: an unchanged rebuild does not read the ledger, and says nothing of it.
        let kept = Heard()
        let again = try ReportBuilder.build(options, log: .quiet(warnings: kept.warn))
        #expect(again.reusedSite && kept.said.upFront.isEmpty && !again.warnings.contains { $0.contains("GiB") }, "\(again.warnings)")
        // A log that prints: the warning as a note, once.
        let loud = Heard()
        options.output = f.path("site2")
        _ = try ReportBuilder.build(options, log: BuildLog(loud.note))
        #expect(loud.said.notes.filter { $0.contains("ledger.csv is 0.00 GiB") } == ["      warning: " + quiet.said.upFront[0]])
        // --strict: exit 65 before anything is read or written.
        options.output = f.path("strict-site")
        options.strict = true
        #expect(throws: BuildFailure.self) { try ReportBuilder.build(options, log: .silent) }
        do { _ = try ReportBuilder.build(options, log: .silent) } catch { #expect(error.exitCode == 65) }
        #expect(!FileManager.default.fileExists(atPath: f.path("strict-site")))
        // validate and --parse-only report it for the summary's count; with room, nothing.
        let room = MemoryLimit(bytes: 1 << 30, cappedByControlGroup: false)
        #expect(try ReportBuilder.validate(input, config: ReportConfig(), templates: [], log: .silent, memory: tight).upFrontWarnings.count == 1)
        #expect(try ReportBuilder.parse(input, config: ReportConfig(), log: .silent, memory: tight).upFrontWarnings.count == 1)
        #expect(try ReportBuilder.validate(input, config: ReportConfig(), templates: [], log: .silent, memory: room).upFrontWarnings.isEmpty)
    }
}
