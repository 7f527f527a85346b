import TestSupport

/// The tests' deterministic generator (SplitMix64, shared with ReportModelTests).
typealias SeededGenerator = SplitMix64
