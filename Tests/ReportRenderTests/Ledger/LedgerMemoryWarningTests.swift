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
        #expect(warning.hasPrefix("ledger.csv is 0.0 GB: a ledger's lines are all held in memory"))
        #expect(warning.contains("and this machine has 0.0 GB."))
        let capped = try #require(ReportBuilder.ledgerMemoryWarning(input, memory: MemoryLimit(bytes: 80, cappedByControlGroup: true)))
        #expect(capped.contains("and this process may use 0.0 GB (its control group's memory limit)."))
        #expect(ReportBuilder.ledgerMemoryWarning(input, memory: MemoryLimit(bytes: 88, cappedByControlGroup: false)) == nil)   // three quarters: 66
        #expect(ReportBuilder.ledgerMemoryWarning(input) == nil)   // this machine's memory
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
}
