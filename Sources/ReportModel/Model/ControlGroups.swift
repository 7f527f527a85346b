/// Where the Linux control groups (cgroups) whose limits apply to this process keep their files.
///
/// A limit set on the process's own group or on any group above it applies: a container sees its
/// own group as the root of `/sys/fs/cgroup` (a cgroup namespace), while a program run on a host
/// under a systemd unit with `MemoryMax=` or `CPUQuota=` (a cron job, a self-hosted CI runner's
/// service) has its limit in a sub-folder that `/proc/self/cgroup` names. Reading the root alone
/// missed the latter.
public enum ControlGroups {
    /// Where the cgroup file systems are mounted.
    public static let root = "/sys/fs/cgroup"

    /// The folders, the process's own group first, then each group above it up to the root, for
    /// cgroup v2 (`controller` nil) or for the v1 hierarchy of `controller` (`memory`, `cpu`), from
    /// the text of `/proc/self/cgroup` (nil, or no line for that hierarchy: the root alone).
    public static func folders(controller: String?, procSelfCgroup: String?) -> [String] {
        let mount = controller.map { root + "/" + $0 } ?? root
        var path = ""
        for line in (procSelfCgroup ?? "").split(separator: "\n") {
            // hierarchy-ID:controller-list:cgroup-path (the path may itself hold colons).
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let controllers = fields[1].split(separator: ",")
            let matches = controller.map { name in controllers.contains { $0 == name } } ?? (fields[0] == "0" && fields[1].isEmpty)
            if matches { path = String(fields[2]); break }
        }
        var folders: [String] = []
        var parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        while !parts.isEmpty {
            folders.append(mount + "/" + parts.joined(separator: "/"))
            parts.removeLast()
        }
        folders.append(mount)
        return folders
    }
}
