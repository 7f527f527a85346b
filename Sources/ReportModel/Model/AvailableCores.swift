import Foundation

/// How many cores this process can keep busy at once: the machine's, or fewer where its CPU
/// affinity (`taskset`, a container's `--cpuset-cpus`) or its cgroup's CPU quota (`docker --cpus`,
/// a Kubernetes CPU limit, a systemd unit's `CPUQuota=`) allows fewer. Work split for the cores
/// (`ParallelChunks`, a ledger read in two halves) is split no further than that.
///
/// Foundation's `activeProcessorCount` counts the machine's cores whatever the process may use:
/// pinned to one core (`taskset -c 0`), the 500 k-customer sample ledger was still read in two
/// halves on two threads, the second half's ids interned twice, and its `validate --parse-only`
/// took 0.709 s against 0.648 s read in one part (mean of ten alternating pairs, release build).
public enum AvailableCores {
    /// The cores this process can use, worked out once.
    public static let count: Int = available(machine: ProcessInfo.processInfo.activeProcessorCount) {
        try? String(contentsOfFile: $0, encoding: .utf8)
    }

    /// The cores a process may use on a machine of `machine` cores, `read` giving the text of a
    /// file (tests pass their own): the affinity list, then the CPU quota of the process's control
    /// group and of each group above it (`ControlGroups`), the lowest.
    static func available(machine: Int, read: (String) -> String?) -> Int {
        var cores = max(machine, 1)
        #if os(Linux)
        if let status = read("/proc/self/status"), let allowed = allowedCPUs(status: status) { cores = min(cores, allowed) }
        let cgroup = read("/proc/self/cgroup")
        let quotas = ControlGroups.folders(controller: nil, procSelfCgroup: cgroup).compactMap { quotaCores(cgroupV2: read($0 + "/cpu.max")) }
            + ControlGroups.folders(controller: "cpu", procSelfCgroup: cgroup).compactMap {
                quotaCores(cgroupV1Quota: read($0 + "/cpu.cfs_quota_us"), period: read($0 + "/cpu.cfs_period_us"))
            }
        if let lowest = quotas.min() { cores = min(cores, lowest) }
        #endif
        return max(cores, 1)
    }

    /// The CPUs of `/proc/self/status`'s `Cpus_allowed_list` line (the affinity mask), or nil
    /// when it has none or cannot be read.
    static func allowedCPUs(status: String) -> Int? {
        let key = "Cpus_allowed_list:"
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
        return cpuListCount(line.dropFirst(key.count))
    }

    /// The number of CPUs in a kernel CPU list such as `0-3,8,10-11` (7), or nil when it is not one.
    static func cpuListCount(_ list: Substring) -> Int? {
        var total = 0
        for item in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let first = Int(bounds[0]), let last = Int(bounds[bounds.count - 1]), first >= 0, last >= first else { return nil }
            total += last - first + 1
        }
        return total > 0 ? total : nil
    }

    /// The cores a cgroup v2 `cpu.max` (`QUOTA PERIOD`, or `max PERIOD` for no limit) allows,
    /// rounded up (1.5 CPUs keep two threads busy part of the time); nil without a limit.
    static func quotaCores(cgroupV2 cpuMax: String?) -> Int? {
        guard let fields = cpuMax?.split(whereSeparator: \.isWhitespace), fields.count == 2 else { return nil }
        return quotaCores(quota: Int(fields[0]), period: Int(fields[1]))
    }

    /// The cores a cgroup v1 CFS quota and period (`cpu.cfs_quota_us`, −1 for no limit, and
    /// `cpu.cfs_period_us`) allow, rounded up; nil without a limit.
    static func quotaCores(cgroupV1Quota quota: String?, period: String?) -> Int? {
        guard let quota, let period else { return nil }
        return quotaCores(quota: Int(quota.trimmingCharacters(in: .whitespacesAndNewlines)),
                          period: Int(period.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    private static func quotaCores(quota: Int?, period: Int?) -> Int? {
        guard let quota, let period, quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }
}
