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

/// The control groups whose limits apply: the process's own and those above it.
@Suite struct ControlGroupsTests {
    static let hybrid = """
        12:memory:/process_api/b4c7
        4:cpu,cpuacct:/
        1:name=systemd:/user.slice
        0::/system.slice/report.service
        """

    @Test func foldersGoFromTheOwnGroupUpToTheRoot() {
        #expect(ControlGroups.folders(controller: nil, procSelfCgroup: Self.hybrid)
                == ["/sys/fs/cgroup/system.slice/report.service", "/sys/fs/cgroup/system.slice", "/sys/fs/cgroup"])
        #expect(ControlGroups.folders(controller: "memory", procSelfCgroup: Self.hybrid)
                == ["/sys/fs/cgroup/memory/process_api/b4c7", "/sys/fs/cgroup/memory/process_api", "/sys/fs/cgroup/memory"])
        // A controller among others on its line; the root group.
        #expect(ControlGroups.folders(controller: "cpu", procSelfCgroup: Self.hybrid) == ["/sys/fs/cgroup/cpu"])
        // `name=systemd` is not a controller named `systemd`; no line: the root alone.
        #expect(ControlGroups.folders(controller: "systemd", procSelfCgroup: Self.hybrid) == ["/sys/fs/cgroup/systemd"])
        #expect(ControlGroups.folders(controller: nil, procSelfCgroup: nil) == ["/sys/fs/cgroup"])
        #expect(ControlGroups.folders(controller: nil, procSelfCgroup: "0::/\n") == ["/sys/fs/cgroup"])
        // A container's view of a group outside its namespace; `..` never climbs above the root.
        #expect(ControlGroups.folders(controller: nil, procSelfCgroup: "0::/../../init.scope\n") == ["/sys/fs/cgroup/init.scope", "/sys/fs/cgroup"])
        // A path with a colon in it.
        #expect(ControlGroups.folders(controller: nil, procSelfCgroup: "0::/a:b\n") == ["/sys/fs/cgroup/a:b", "/sys/fs/cgroup"])
    }

    @Test func aQuotaAboveTheOwnGroupCounts() {
        let files = [
            "/proc/self/status": "Cpus_allowed_list:\t0-7\n",
            "/proc/self/cgroup": "0::/system.slice/report.service\n",
            "/sys/fs/cgroup/system.slice/report.service/cpu.max": "max 100000\n",
            "/sys/fs/cgroup/system.slice/cpu.max": "200000 100000\n",
        ]
        #expect(AvailableCores.available(machine: 8) { files[$0] } == 2)
        #expect(AvailableCores.available(machine: 8) { _ in nil } == 8)
        #expect(AvailableCores.available(machine: 0) { _ in nil } == 1)
        // The affinity list, when it allows fewer; a v1 quota.
        let v1 = ["/proc/self/status": "Cpus_allowed_list:\t3\n", "/proc/self/cgroup": "4:cpu,cpuacct:/job\n",
                  "/sys/fs/cgroup/cpu/job/cpu.cfs_quota_us": "300000\n", "/sys/fs/cgroup/cpu/job/cpu.cfs_period_us": "100000\n"]
        #expect(AvailableCores.available(machine: 8) { v1[$0] } == 1)
        var wide = v1
        wide["/proc/self/status"] = "Cpus_allowed_list:\t0-7\n"
        #expect(AvailableCores.available(machine: 8) { wide[$0] } == 3)
    }
}
