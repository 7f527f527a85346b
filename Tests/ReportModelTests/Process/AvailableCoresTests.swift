import Testing
@testable import ReportModel

/// The cores a process may use, from the kernel's affinity list and the cgroup's CPU quota.
@Suite struct AvailableCoresTests {
    @Test func cpuListsAreCounted() {
        #expect(AvailableCores.cpuListCount("0-1") == 2)
        #expect(AvailableCores.cpuListCount("0") == 1)
        #expect(AvailableCores.cpuListCount("0-3,8,10-11\n") == 7)
        #expect(AvailableCores.cpuListCount("\t2,5") == 2)
        for bad in ["", "x", "3-1", "1-2-3", "1,,2", "-1", "0-"] {
            #expect(AvailableCores.cpuListCount(Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test func theAffinityLineIsFoundInProcStatus() {
        let status = "Name:\tfidelis-report\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed:\t1\n"
        #expect(AvailableCores.allowedCPUs(status: status) == 2)
        #expect(AvailableCores.allowedCPUs(status: "Name:\tx\n") == nil)
    }

    @Test func quotasRoundUpAndNoLimitIsNil() {
        #expect(AvailableCores.quotaCores(cgroupV2: "max 100000\n") == nil)
        #expect(AvailableCores.quotaCores(cgroupV2: "100000 100000\n") == 1)
        #expect(AvailableCores.quotaCores(cgroupV2: "150000 100000") == 2)
        #expect(AvailableCores.quotaCores(cgroupV2: "50000 100000") == 1)
        #expect(AvailableCores.quotaCores(cgroupV2: nil) == nil)
        #expect(AvailableCores.quotaCores(cgroupV2: "garbage") == nil)
        #expect(AvailableCores.quotaCores(cgroupV1Quota: "-1\n", period: "100000\n") == nil)
        #expect(AvailableCores.quotaCores(cgroupV1Quota: "200000\n", period: "100000\n") == 2)
        #expect(AvailableCores.quotaCores(cgroupV1Quota: "250000", period: "100000") == 3)
        #expect(AvailableCores.quotaCores(cgroupV1Quota: nil, period: "100000") == nil)
        #expect(AvailableCores.quotaCores(cgroupV1Quota: "100000", period: "0") == nil)
    }

    @Test func thisProcessHasAtLeastOneCore() {
        #expect(AvailableCores.count >= 1)
        #expect(ParallelChunks.count == min(AvailableCores.count, 8))
    }
}
