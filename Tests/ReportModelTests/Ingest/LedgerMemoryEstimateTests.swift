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
        let text = try #require(LedgerMemoryEstimate(fileBytes: 10_000_000_000).warning(file: "ledger.csv", memory: 16_000_000_000))
        #expect(text == "ledger.csv is 10.0 GB: a ledger's lines are all held in memory while its month ends are derived, "
            + "about 15.0 GB for this one, and this machine has 16.0 GB. If the run is stopped for lack of memory, turn the "
            + "ledger into monthly snapshots where it lives (sql/snapshots.sql, see the README's \"Beyond one machine\") "
            + "and build from those with --snapshots")
        // The same ledger on a machine with 32 GB: 15 GB is under its 24 GB.
        #expect(LedgerMemoryEstimate(fileBytes: 10_000_000_000).warning(file: "ledger.csv", memory: 32_000_000_000) == nil)
    }
}
