import Foundation
import Testing
@testable import ReportRender

@Suite struct NiceTicksTests {
    /// Ticks cover the range, are evenly spaced with a 1/2/5×10ⁿ step, and are not too many.
    func checkNice(_ ticks: NiceTicks, covers lo: Double, _ hi: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ticks.values.count >= 2 && ticks.values.count <= 11, "\(ticks.values)", sourceLocation: sourceLocation)
        #expect(ticks.lower <= lo && ticks.upper >= hi, "\(ticks.values) covers \(lo)...\(hi)", sourceLocation: sourceLocation)
        let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
        #expect([1.0, 2, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(ticks.step)", sourceLocation: sourceLocation)
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
            #expect(abs((b - a) - ticks.step) < ticks.step * 1e-9, sourceLocation: sourceLocation)
        }
        // No more than one step of slack on either side.
        #expect(lo - ticks.lower < ticks.step + 1e-12 && ticks.upper - hi < ticks.step + 1e-12, sourceLocation: sourceLocation)
        #expect(ticks.values.allSatisfy { $0.isFinite }, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (0.0, 0.58), (0, 1), (0.41, 0.73), (-3, 7), (-100, 100), (0, 1_000_000), (1, 1_000_000),
        (0.001, 0.0042), (12_345, 12_399), (-0.5, -0.1), (0, 37), (0, 3),
    ])
    func coversRange(lo: Double, hi: Double) {
        checkNice(NiceTicks(min: lo, max: hi), covers: lo, hi)
    }

    @Test func knownTicks() {
        #expect(NiceTicks(min: 0, max: 0.58).values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        #expect(NiceTicks(min: 0, max: 1).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks(min: 0, max: 1_000_000).values == [0, 200_000, 400_000, 600_000, 800_000, 1_000_000])
        #expect(NiceTicks(min: -3, max: 7).values == [-4, -2, 0, 2, 4, 6, 8])
    }

    @Test func tickValuesAreClean() {
        // 0.1 * 3 would be 0.30000000000000004 without rounding.
        #expect(NiceTicks(min: 0, max: 0.58).values[3] == 0.3)
        #expect(NiceTicks(min: 0, max: 0.058).values.map { ChartFormat.percent(fractionDigits: 0)($0) } == ["0%", "1%", "2%", "3%", "4%", "5%", "6%"])
    }

    @Test func degenerateRanges() {
        checkNice(NiceTicks(min: 0, max: 0), covers: 0, 1)
        checkNice(NiceTicks(min: 5, max: 5), covers: 0, 5)
        checkNice(NiceTicks(min: -5, max: -5), covers: -5, 0)
        checkNice(NiceTicks(min: 9, max: 1), covers: 1, 9)
        checkNice(NiceTicks(min: .nan, max: .infinity), covers: 0, 1)
        // Magnitudes below 1e-12 count as zero.
        checkNice(NiceTicks(min: 1e-300, max: 2e-300), covers: 0, 1)
        checkNice(NiceTicks(min: 1e-6, max: 2e-6), covers: 1e-6, 2e-6)
    }
}
