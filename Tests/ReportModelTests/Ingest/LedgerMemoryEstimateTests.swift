import Testing
import ReportModel

/// A ledger's memory, estimated from its size before it is read (`LedgerMemoryEstimate`).
@Suite struct LedgerMemoryEstimateTests {
    @Test("the peak is one and a half times the file")
    func peak() {
        #expect(LedgerMemoryEstimate(fileBytes: 0).peakBytes == 0)
        #expect(LedgerMemoryEstimate(fileBytes: 1_000).peakBytes == 1_500)
        #expect(LedgerMemoryEstimate(fileBytes: 180_203_375).peakBytes == 270_305_062)
    }

    @Test("a peak past three quarters of the machine's memory is too much, one at three quarters is not")
    func threshold() {
        let estimate = LedgerMemoryEstimate(fileBytes: 1_000)   // peak 1,500
        #expect(!estimate.exceeds(memory: 2_000))        // three quarters: 1,500
        #expect(estimate.exceeds(memory: 1_996))         // 1,497
        #expect(estimate.warning(file: "ledger.csv", memory: 2_000) == nil)
    }

    @Test("the warning names the file, its size, the estimate, the machine's memory and the way out")
    func warningText() throws {
        let text = try #require(LedgerMemoryEstimate(fileBytes: 10 << 30).warning(file: "ledger.csv", memory: 16 << 30))
        #expect(text == "ledger.csv is 10.0 GiB: a ledger's lines are all held in memory while its month ends are derived, "
            + "about 15.0 GiB for this one, more than three quarters of the 16.0 GiB this machine has. If the run is stopped "
            + "for lack of memory (killed by the kernel: exit status 137; a site in place is left as it was), turn the ledger into "
            + "monthly snapshots where it lives (sql/snapshots.sql in fidelis-report's repository, see the README's "
            + "\"Beyond one machine\") and build from those with --snapshots")
        // A control group's limit of 1 GiB reads 1.00 GiB (1.07 in decimal GB).
        let capped = try #require(LedgerMemoryEstimate(fileBytes: 600 << 20).warning(file: "ledger.csv", memory: 1 << 30, cappedByControlGroup: true))
        #expect(capped.contains("about 0.88 GiB for this one, more than three quarters of the 1.00 GiB this process may use (its control group's memory limit)."), "\(capped)")
        // The same ledger on a machine with 32 GB: 15 GB is under its 24 GB.
        #expect(LedgerMemoryEstimate(fileBytes: 10 << 30).warning(file: "ledger.csv", memory: 32 << 30) == nil)
    }
}
