import Foundation
import ReportModel

/// What the build record keeps of each file of the site it describes, so that a build that keeps
/// the site, or reuses a month's folder from it, first checks that the file is still the one it
/// wrote: a site restored from a CI cache cut short, or a file emptied or edited by hand, is
/// written again instead of being published as it is (only missing files were noticed before).
///
/// A fingerprint is the file's size and a digest of its bytes: all of them up to `wholeFileBytes`,
/// else its first and last `sampledBytes` and its modification time in whole seconds. Every page,
/// style sheet and deliverable is read whole; only the large data files of big customer bases (a
/// 1 M-customer `segments.csv` is about 70 MB) are sampled, so that an unchanged rebuild stays a
/// small fraction of a full build. A large file edited in its middle without changing its size is
/// seen by its time, as `make` sees an edit: only an edit that puts the old time back (`touch -r`),
/// or one made within the second the build wrote the file, goes unnoticed. Whole seconds, because a
/// CI cache may keep no finer times (GitLab's zip archives), and a large file given a new time
/// (`touch`, a copy of the site that does not keep times) is taken as changed: written again, as
/// a full build would. Unchanged rebuilds, ten
/// alternating pairs against the build before this check (release, cf3e932): the 1 M × 12
/// sample's 346 MB site 0.081 → 0.088 s; the 500 k-customer ledger's 949 files (716 MB, 38 MB of
/// them read whole) 0.067 → 0.085 s; full builds within the noise. Every file read whole instead
/// (a test build): the 1 M × 12 unchanged rebuild 0.092 → 0.180 s (ten pairs), 9 % of a full
/// build, against the 10 % it must stay under, and full builds 1.921 → 1.975 s (four pairs).
enum SiteFileFingerprint {
    static let wholeFileBytes = 1 << 20
    static let sampledBytes = 256 << 10

    /// The fingerprint of the regular file at `path`, or nil when it is missing, not a regular file
    /// or unreadable.
    static func of(_ path: String) -> String? {
        // Not through a symbolic link: a link put in the site, even to the same bytes, is no file
        // the build wrote (a reused month hard-linked the link itself, dangling in the new site).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        // The time of a large file, whose middle is not read: a same-size edit there changes it.
        let time = size <= wholeFileBytes ? "" : "\(info.st_mtim.tv_sec)-"
        var hash = ContentHash()
        let ranges = size <= wholeFileBytes ? [0..<size] : [0..<sampledBytes, (size - sampledBytes)..<size]
        var buffer = [UInt8](repeating: 0, count: ranges[0].count)
        for range in ranges {
            let read = buffer.withUnsafeMutableBytes { raw -> Int in
                var done = 0
                while done < range.count {
                    let n = pread(fd, raw.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { break }
                    done += n
                }
                return done
            }
            guard read == range.count else { return nil }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
        }
        return "\(size)-\(time)\(hash.hex)"
    }

    /// The fingerprint of every regular file below `folder` but `except`, by path relative to it.
    static func all(in folder: String, except: Set<String>) -> [String: String] {
        let paths = ((FileManager.default.subpaths(atPath: folder)) ?? []).filter { !except.contains($0) }.sorted()
        var all: [String: String] = [:]
        for (path, fingerprint) in zip(paths, fingerprints(of: paths, in: folder)) { all[path] = fingerprint }
        return all
    }

    /// The fingerprints of `paths` (relative to `folder`), worked out on all cores.
    private static func fingerprints(of paths: [String], in folder: String) -> [String?] {
        var found = [String?](repeating: nil, count: paths.count)
        found.withUnsafeMutableBufferPointer { found in
            nonisolated(unsafe) let out = found
            DispatchQueue.concurrentPerform(iterations: paths.count) { k in
                out[k] = of((folder as NSString).appendingPathComponent(paths[k]))
            }
        }
        return found
    }

    /// The first of `files` (relative paths, as `all` gives them) that is missing below `folder` or
    /// is not the file it was, in path order, else the first entry below `folder` that is none of
    /// them (but `except`: a file or folder added by hand was kept, and published, by a build that
    /// kept the site), or nil.
    static func firstChanged(in folder: String, files fingerprints: [String: String], except: Set<String> = []) -> String? {
        let paths = fingerprints.keys.sorted()
        if let changed = zip(paths, self.fingerprints(of: paths, in: folder)).first(where: { fingerprints[$0.0] != $0.1 }) { return changed.0 }
        // Folders are the recorded files' own; anything else is extra (FileManager lists a linked
        // folder as an entry without going into it).
        var folders: Set<String> = []
        for path in paths {
            var parent = PathParent.of(path)
            while !parent.isEmpty, folders.insert(parent).inserted { parent = PathParent.of(parent) }
        }
        let entries = (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
        return entries.first { fingerprints[$0] == nil && !folders.contains($0) && !except.contains($0) }
    }
}
