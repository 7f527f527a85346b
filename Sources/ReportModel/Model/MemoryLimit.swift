import Foundation

/// The memory this process may use: the machine's, or less where a control group caps it (a
/// container's or a CI job's limit, which `ProcessInfo.physicalMemory` does not see).
public struct MemoryLimit: Equatable, Sendable {
    /// Bytes that may be used.
    public let bytes: UInt64
    /// True when `bytes` is a control group's limit, under the machine's memory.
    public let cappedByControlGroup: Bool

    public init(bytes: UInt64, cappedByControlGroup: Bool) {
        self.bytes = bytes
        self.cappedByControlGroup = cappedByControlGroup
    }

    /// The files that may hold a limit of this process: cgroup v2's `memory.max`, then v1's
    /// `memory.limit_in_bytes`, of its own control group and of each group above it
    /// (`ControlGroups`), from the text of `/proc/self/cgroup`.
    static func controlGroupFiles(procSelfCgroup: String?) -> [String] {
        ControlGroups.folders(controller: nil, procSelfCgroup: procSelfCgroup).map { $0 + "/memory.max" }
            + ControlGroups.folders(controller: "memory", procSelfCgroup: procSelfCgroup).map { $0 + "/memory.limit_in_bytes" }
    }

    /// The limit now: the machine's memory, or the lowest control-group limit under it. `read`
    /// gives a file's text (tests pass their own).
    public static func current(physical: UInt64 = ProcessInfo.processInfo.physicalMemory,
                               read: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) -> MemoryLimit {
        let files = controlGroupFiles(procSelfCgroup: read("/proc/self/cgroup"))
        let caps = files.compactMap { read($0).flatMap(bytes(inLimitFile:)) }.filter { $0 > 0 && $0 < physical }
        guard let lowest = caps.min() else { return MemoryLimit(bytes: physical, cappedByControlGroup: false) }
        return MemoryLimit(bytes: lowest, cappedByControlGroup: true)
    }

    /// The bytes a limit file gives: nil for `max` (no limit) or text that is not a number.
    static func bytes(inLimitFile text: String) -> UInt64? {
        UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
