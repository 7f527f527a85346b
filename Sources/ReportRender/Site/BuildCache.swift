import CExecutableID
import Dispatch
import Foundation
import ReportModel
import Synchronization

/// The site's record of what it was built from (`.fidelis-cache`): a key over the tool (its version
/// and the running executable: `executableFingerprint`), the config, the templates and every input
/// byte, plus what `build` reports back. A build whose key matches the site's leaves the site
/// untouched: an unchanged monthly rebuild only hashes its input. The record also keys each
/// snapshot folder (`Keys.snapshots`), so that a build with a new month reuses the folders of the
/// months before it.
struct BuildCache: Equatable {
    static let fileName = ".fidelis-cache"
    static let toolVersion = "fidelis-report \(ToolVersion.current) cache 8"

    /// What tells this build of the tool from any other, worked out once: a rebuilt or upgraded tool
    /// (whose figures or pages may differ) never reuses a site another build of it wrote, even at the
    /// same version string. It is the executable's GNU build id, the hash of its contents that the
    /// linker records in it (read in memory, in microseconds); without one, a hash of the executable
    /// file, as every build made before the thirty-sixth session: the 18 MB release binary's took
    /// 5–6 ms (unchanged rebuilds, twenty alternating pairs: 1 M × 12 sample 0.069 → 0.064 s mean,
    /// CPU 0.107 → 0.101 s; the shipped examples 24 → 19 ms median). Empty when neither can be had.
    static let executableFingerprint: String = {
        var id = [UInt8](repeating: 0, count: 64)
        let length = Int(fidelis_executable_build_id(&id, Int32(id.count)))
        if length > 0 { return "build-id " + id.prefix(length).map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined() }
        guard let path = Bundle.main.executablePath else { return "" }
        var hash = ContentHash()
        do { try hash.update(file: path) } catch { return "" }
        return hash.hex
    }()

    var key: String
    /// Each snapshot's key (`Keys.snapshots`), in as-of order; empty for a ledger.
    var snapshotKeys: [String] = []
    var snapshots: Int
    var rows: Int
    var bytes: Int
    var latestPeriod: String
    /// The latest snapshot's raised escalations, printed again by a build that keeps the site.
    var raised: [RaisedEscalation]
    /// The latest snapshot's escalations that its input cannot raise (for `--fail-on`'s warning).
    var unchecked: [UncheckedEscalation] = []
    /// Every file of the site but this record, by path relative to it (`SiteFileFingerprint`):
    /// checked before the site is kept or a month's folder reused.
    var files: [String: String] = [:]
    /// The warnings the build printed about its input, printed again by a build that keeps the site
    /// (after the templates' warnings, worked out afresh).
    var warnings: [String] = []

    /// The keys of a build: one over everything (`site`), and one per snapshot over what its folder
    /// is made from (`snapshots`, in as-of order): the tool, the config, the templates and the
    /// files of that snapshot and every earlier one (its figures depend on them), not the later ones.
    /// A ledger's month ends come from one file: their keys are made from the source's digest of
    /// each month's lines (`SnapshotSource.periodDigests`) instead of file bytes.
    struct Keys: Equatable {
        var site: String
        var snapshots: [String]
    }

    /// What every key starts from: the tool, the config, the locale, the client and the templates;
    /// nil when the options carry no config fingerprint (caching off). The locale and the client are
    /// the config's as built, with what the file leaves implicit (`--locale`; the shipped examples'
    /// client, `Demo`, is no line of any file, and a site built from them must not lend its months
    /// to a build of the same files under their own folder).
    private static func base(options: BuildOptions, templates: TemplateSet) -> ContentHash? {
        guard let configFingerprint = options.configFingerprint else { return nil }
        var hash = ContentHash()
        hash.update(toolVersion)
        hash.update(executableFingerprint)
        hash.update(configFingerprint)
        hash.update(options.config.locale.rawValue)
        hash.update(options.config.client.map { "client \"\($0)\"" } ?? "no client")
        hash.update(templates.fingerprint)
        return hash
    }

    /// The keys of a build, worked out from the input's bytes; nil when caching is off or the input
    /// cannot be read (the build then reports the problem). A ledger's month ends get their keys
    /// once it is read (`withLedgerKeys`). Snapshot files are hashed on all cores, or one after
    /// another when not `concurrently` (beside a build's other threads).
    static func keys(options: BuildOptions, templates: TemplateSet, concurrently: Bool = true) -> Keys? {
        guard var hash = base(options: options, templates: templates) else { return nil }
        var snapshots: [String] = []
        do {
            switch options.input {
            case .snapshots(let dir):
                // In as-of order, each file under its name and digest; the prefix up to a snapshot is
                // its key. The digests are independent, so the files are hashed on all cores (the
                // 1 M × 12 sample snapshots, 518 MB: an unchanged rebuild, mostly this, 0.14–0.15 → 0.09–0.10 s
                // in alternating runs on 2 cores).
                let folder = try SnapshotFolder(directory: dir)
                let entries = folder.entries
                for (entry, digest) in zip(entries, try fileDigests(entries.map(\.path), concurrently: concurrently)) {
                    hash.update(entry.displayName)
                    hash.update(digest)
                    snapshots.append(hash.hex)
                }
                // A file named like a snapshot but not read is warned about: a new one rebuilds
                // the site (its snapshots reused), so that the build says so.
                for name in folder.unreadSnapshots { hash.update("unread " + name) }
            case .transactions(let file, let asOf):
                // The file's name too, which every deliverable names (a renamed ledger kept the
                // site, and its pages the old name; each month end's key has it already).
                hash.update("ledger " + (file as NSString).lastPathComponent)
                hash.update(asOf?.description ?? "-")
                try hash.update(file: file)
            }
        } catch {
            return nil
        }
        return Keys(site: hash.hex, snapshots: snapshots)
    }

    /// The digest of each file, hashed concurrently or one after another; throws when one cannot be read.
    private static func fileDigests(_ paths: [String], concurrently: Bool) throws -> [String] {
        guard concurrently else { return try paths.map(fileDigest) }
        let digests = Mutex([Result<String, any Error>](repeating: .success(""), count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { k in
            let digest = Result { try fileDigest(paths[k]) }
            digests.withLock { $0[k] = digest }
        }
        return try digests.withLock { try $0.map { try $0.get() } }
    }

    /// One file's digest.
    private static func fileDigest(_ path: String) throws -> String {
        var hash = ContentHash()
        try hash.update(file: path)
        return hash.hex
    }

    /// Whether a build's keys name every one of its `periods` (`keys`, then `withLedgerKeys` for a
    /// ledger), told before its input is hashed: with caching on, every snapshot file gets a key, and
    /// a ledger's month ends get theirs when each has a digest. (An input that cannot be hashed gets
    /// no keys at all; its build fails on reading it.)
    static func keysEverySnapshot(options: BuildOptions, periods: Int, periodDigests: [String]?) -> Bool {
        guard options.configFingerprint != nil, periods > 0 else { return false }
        if case .transactions = options.input { return periodDigests?.count == periods }
        return true
    }

    /// The keys with a ledger's month ends keyed: each by the part every key starts from (not the
    /// as-of date, which only sets the last month end), the file's name, then each month end up to
    /// it by label and digest (`SnapshotSource.periodDigests`).
    static func withLedgerKeys(_ keys: Keys, options: BuildOptions, templates: TemplateSet, periods: [SnapshotPeriod], digests: [String]) -> Keys {
        guard case .transactions(let file, _) = options.input, digests.count == periods.count,
              var prefix = base(options: options, templates: templates) else { return keys }
        var keyed = keys
        keyed.snapshots = []
        prefix.update("ledger " + (file as NSString).lastPathComponent)
        for (period, digest) in zip(periods, digests) {
            prefix.update(period.label)
            prefix.update(digest)
            keyed.snapshots.append(prefix.hex)
        }
        return keyed
    }

    var text: String {
        "key \(key)\nsnapshots \(snapshots)\nrows \(rows)\nbytes \(bytes)\nlatest \(latestPeriod)\n"
            + "snapshot-keys \(snapshotKeys.joined(separator: ","))\n"
            + warnings.map { "warning " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
            + raised.map {
                "raised \($0.kind.rawValue) " + $0.detail.replacingOccurrences(of: "\n", with: " ") + "\n"
                    + "raised-fr \($0.kind.rawValue) " + $0.frenchDetail.replacingOccurrences(of: "\n", with: " ") + "\n"
            }.joined()
            + unchecked.map { "unchecked \($0.kind.rawValue) \($0.column)\n" }.joined()
            + files.sorted { $0.key < $1.key }.map { "file \($0.value) \($0.key)\n" }.joined()
    }

    /// Reads the record of the site at `target`, if it is one of ours.
    static func read(site target: String) -> BuildCache? {
        let path = (target as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: (target as NSString).appendingPathComponent(SiteWriter.marker)),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        var warnings: [String] = [], raised: [RaisedEscalation] = [], unchecked: [UncheckedEscalation] = [], files: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard let head = parts.first else { return nil }   // a line of spaces: not a record of ours
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch head {
            case "warning": warnings.append(value)
            case "raised":
                let kindAndDetail = value.split(separator: " ", maxSplits: 1)
                guard let kind = kindAndDetail.first.flatMap({ EscalationKind(rawValue: String($0)) }) else { return nil }
                raised.append(RaisedEscalation(kind: kind, detail: kindAndDetail.count > 1 ? String(kindAndDetail[1]) : ""))
            case "raised-fr":
                // The French words of the escalation just before it.
                let kindAndDetail = value.split(separator: " ", maxSplits: 1)
                guard let kind = kindAndDetail.first.flatMap({ EscalationKind(rawValue: String($0)) }), raised.last?.kind == kind else { return nil }
                raised[raised.count - 1].frenchDetail = kindAndDetail.count > 1 ? String(kindAndDetail[1]) : ""
            case "file":
                let fingerprintAndPath = value.split(separator: " ", maxSplits: 1)
                guard fingerprintAndPath.count == 2 else { return nil }
                files[String(fingerprintAndPath[1])] = String(fingerprintAndPath[0])
            case "unchecked":
                let kindAndColumn = value.split(separator: " ", maxSplits: 1)
                guard kindAndColumn.count == 2, let kind = EscalationKind(rawValue: String(kindAndColumn[0])) else { return nil }
                unchecked.append(UncheckedEscalation(kind: kind, column: String(kindAndColumn[1])))
            default: fields[String(head)] = value
            }
        }
        guard let key = fields["key"], let s = fields["snapshots"].flatMap(Int.init), let r = fields["rows"].flatMap(Int.init),
              let b = fields["bytes"].flatMap(Int.init), let latest = fields["latest"],
              !files.isEmpty else { return nil }   // a record cut short: every build lists the site's files
        let snapshotKeys = (fields["snapshot-keys"] ?? "").split(separator: ",").map(String.init)
        return BuildCache(key: key, snapshotKeys: snapshotKeys, snapshots: s, rows: r, bytes: b, latestPeriod: latest, raised: raised, unchecked: unchecked,
                          files: files, warnings: warnings)
    }
}
