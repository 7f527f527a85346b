import CFileSwap
import ReportModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the target and swaps it in at the end.
///
/// It only ever replaces a folder that holds its marker file (`.fidelis-site`) and refuses any other
/// non-empty folder, a symbolic link or a file. The swap is one atomic `renameat2(RENAME_EXCHANGE)`
/// on Linux, so readers see either the old site or the new one, never a mix; a build killed before
/// the swap leaves the old site untouched (the staging folder is swept by the next build).
public final class SiteWriter {
    public static let marker = ".fidelis-site"
    /// The folder being replaced.
    public let target: String
    /// The folder being written.
    public let staging: String
    private var committed = false
    /// What `InterruptCleanup` does if the process is interrupted: remove the staging folder, or
    /// once the swap is done, the old site, and say that the site was updated.
    private var interruptToken: Int?
    /// The target as given, for the interruption's message.
    private let shownTarget: String

    /// Checks the target and creates the staging folder.
    public init(target rawTarget: String) throws(SiteError) {
        // Read before any thread writes a file (reading the mask sets it for an instant).
        _ = SiteWriter.processUmask
        let target = URL(fileURLWithPath: rawTarget).standardizedFileURL.path
        self.target = target
        let parent = PathParent.of(target)
        let name = (target as NSString).lastPathComponent
        try SiteWriter.checkTarget(target)
        let fm = FileManager.default
        if !fm.fileExists(atPath: parent), let failure = SiteWriter.makeFolders(parent) {
            throw .cannotWrite(target, bilingual("cannot create the folder that holds it, \(parent): \(failure)", "impossible de créer le dossier qui le contient, \(parent)\u{00A0}: \(failure)"))
        }
        guard access(parent, W_OK) == 0 else {
            throw .refused(target, bilingual("the folder that holds it, \(parent), ", "le dossier qui le contient, \(parent), ") + SiteWriter.notWritable(parent, errno: errno)
                           + bilingual(" (a build writes the new site beside the old one and swaps them: it needs write access there)", " (une génération écrit le nouveau site à côté de l'ancien, puis les échange\u{00A0}: il lui faut le droit d'écrire là)"))
        }
        SiteWriter.sweepStaleStaging(parent: parent, name: name)
        staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(getpid())")
        shownTarget = rawTarget
        // Interrupted from here on (before the folder is made: a signal in between left it), the
        // build takes its staging folder away (and, from the lock, the lock file beside it):
        // nothing is left beside the site, which is as it was.
        let staging = self.staging
        let existed = fm.fileExists(atPath: target)
        interruptToken = InterruptCleanup.shared.register {
            InterruptCleanup.removeWhileWritten(staging)
            return existed ? bilingual("\(rawTarget) is as it was", "\(rawTarget) est tel qu'il était") : bilingual("nothing was written at \(rawTarget)", "rien n'a été écrit à \(rawTarget)")
        }
        try? fm.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            let reason = SystemReason.words(errno)
            abandon()
            throw .cannotWrite(target, bilingual("cannot create the staging folder \(staging): \(reason)", "impossible de créer le dossier provisoire \(staging)\u{00A0}: \(reason)"))
        }
        // The marker goes in first so a leftover staging folder is recognisably ours.
        do { try write(Data("fidelis-report site\n".utf8), to: SiteWriter.marker) } catch {
            abandon()
            throw error
        }
    }

    /// Refuses a target that is a link, a file, a non-empty folder without the marker, or a folder
    /// this process cannot list or write (read-only, another user's, on a read-only file system).
    static func checkTarget(_ target: String) throws(SiteError) {
        // The staging folder beside it (`.NAME.staging-PID`, `.old` when swapped in two steps) must
        // be a valid file name too: a long name failed only once the lock was to be taken.
        let nameBytes = (target as NSString).lastPathComponent.utf8.count
        if nameBytes > maxNameBytes {
            throw .refused(target, bilingual("its name is \(nameBytes) bytes long, and the build writes beside it under .NAME.staging-PID, "
                           + "which must fit the 255 bytes of a file name: choose a name of at most \(maxNameBytes) bytes",
                                     "son nom fait \(nameBytes) octets, et la génération écrit à côté sous .NAME.staging-PID, "
                           + "qui doit tenir dans les 255 octets d'un nom de fichier\u{00A0}: choisissez un nom d'au plus \(maxNameBytes) octets"))
        }
        var info = stat()
        guard lstat(target, &info) == 0 else { return } // does not exist yet: fine
        if (info.st_mode & S_IFMT) == S_IFLNK { throw .refused(target, bilingual("it is a symbolic link", "c'est un lien symbolique")) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .refused(target, bilingual("it is not a folder", "ce n'est pas un dossier")) }
        // A mount point (a volume mounted at the site's path, as `docker run -v $PWD/site:/out`
        // does) cannot be swapped: the build failed at its very end ("Device or resource busy").
        // (A bind mount on the same file system has its parent's device: statx tells it; where it
        // cannot, the device ids do, which also call a btrfs subvolume one.)
        var parentInfo = stat()
        let mountRoot = fidelis_is_mount_root(target)
        if target != "/", mountRoot == 1 || (mountRoot < 0 && stat(PathParent.of(target), &parentInfo) == 0 && parentInfo.st_dev != info.st_dev) {
            throw .refused(target, bilingual("it is a mount point, and each build swaps a new folder into the site's place, which a mount point "
                           + "cannot take: write the site into a folder inside it (--out \(target)/site)",
                                     "c'est un point de montage, et chaque génération met un nouveau dossier à la place du site, ce qu'un point de montage "
                           + "ne permet pas\u{00A0}: écrivez le site dans un dossier à l'intérieur (--out \(target)/site)"))
        }
        // An unlistable folder is not known to be empty.
        guard let dir = opendir(target) else { throw .refused(target, bilingual("it cannot be read (", "il ne peut pas être lu (") + SystemReason.words(errno) + ")") }
        closedir(dir)
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if !contents.isEmpty && !contents.contains(marker) { throw .foreignFolder(target) }
        guard access(target, W_OK) == 0 else { throw .refused(target, bilingual("it ", "il ") + SiteWriter.notWritable(target, errno: errno)) }
    }

    /// Why `path` cannot be written, from the `errno` of `access(path, W_OK)`: a read-only file
    /// system, or a folder this user may not write (its owner and mode said: such a folder is
    /// not read-only for its owner, a site built by root and rebuilt by a CI user).
    static func notWritable(_ path: String, errno code: Int32) -> String {
        let reason = SystemReason.words(code)
        var info = stat()
        guard code != EROFS, stat(path, &info) == 0 else { return bilingual("is read-only (\(reason))", "est en lecture seule (\(reason))") }
        return bilingual("is not writable by this user (\(reason): owner uid \(info.st_uid), mode \(String(info.st_mode & 0o7777, radix: 8)), this user uid \(geteuid()))", "n'est pas accessible en écriture à cet utilisateur (\(reason)\u{00A0}: uid du propriétaire \(info.st_uid), mode \(String(info.st_mode & 0o7777, radix: 8)), uid de cet utilisateur \(geteuid()))")
    }

    /// The longest site folder name whose staging folder's name fits 255 bytes (`.`, `.staging-`,
    /// a process id of up to 7 digits, `.old`).
    static let maxNameBytes = 255 - 21

    /// Creates `path` and its missing parents (`mkdir -p`); nil, or the system's reason (`Permission denied`).
    static func makeFolders(_ path: String) -> String? {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT, path != "/", !path.isEmpty else { return SystemReason.words(errno) }
        if let failure = makeFolders(PathParent.of(path)) { return failure }
        return mkdir(path, 0o755) == 0 || errno == EEXIST ? nil : SystemReason.words(errno)
    }

    /// Removes staging folders left by killed builds (`.<name>.staging-<pid>` whose process is gone).
    /// A build killed between the two renames of a swap without an atomic exchange (`swap()`) left
    /// no site, and the old one aside as `.<name>.staging-<pid>.old`: that one is put back first.
    static func sweepStaleStaging(parent: String, name: String) {
        let prefix = ".\(name).staging-"
        let fm = FileManager.default
        let target = (parent as NSString).appendingPathComponent(name)
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let path = (parent as NSString).appendingPathComponent(entry)
            let isAside = entry.hasSuffix(".old")
            let pid = Int32(entry.dropFirst(prefix.count).dropLast(isAside ? 4 : 0)) ?? 0
            // Another build is running (a site put aside is put back whatever its number: the
            // caller holds the site's lock, and a process of that number is another's).
            if !isAside && pid > 0 && pid != getpid() && kill(pid, 0) == 0 { continue }
            if isAside, !fm.fileExists(atPath: target), fm.fileExists(atPath: (path as NSString).appendingPathComponent(marker)),
               rename(path, target) == 0 { continue }
            // Named by us, and its build is gone (killed before it could even write the marker, maybe).
            try? fm.removeItem(atPath: path)
        }
    }

    /// Absolute path of a file inside the staging folder (creating its folder, but never the
    /// staging folder itself: an interrupted build that has taken it away must not find it made
    /// again by a page still being written).
    public func path(_ relative: String) throws(SiteError) -> String {
        let full = (staging as NSString).appendingPathComponent(relative)
        let dir = PathParent.of(full)
        if !FileManager.default.fileExists(atPath: dir) {
            var folder = staging
            for component in PathParent.of(relative).split(separator: "/") {
                folder = (folder as NSString).appendingPathComponent(String(component))
                guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                    throw .cannotWrite(folder, bilingual("cannot create folder: ", "impossible de créer le dossier\u{00A0}: ") + SystemReason.words(errno))
                }
            }
        }
        return full
    }

    public func write(_ data: Data, to relative: String) throws(SiteError) {
        try SiteWriter.writeFile(data, to: try path(relative))
    }

    /// Writes `data` to `path` with POSIX calls, so that a failure says why ("No space left on
    /// device", "Permission denied"): `FileManager.createFile` only said that it failed.
    static func writeFile(_ data: Data, to path: String) throws(SiteError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotWrite(path, SystemReason.words(errno)) }
        let failure = data.withUnsafeBytes { raw in raw.baseAddress.map { OutputFile.writeAll(fd, $0, raw.count) } ?? 0 }
        let closed = close(fd)
        if failure != 0 { throw .cannotWrite(path, SystemReason.words(failure)) }
        if closed != 0 { throw .cannotWrite(path, SystemReason.words(errno)) }
    }

    public func write(_ text: String, to relative: String) throws(SiteError) {
        try write(Data(text.utf8), to: relative)
    }

    /// Puts a file of the site being replaced into the new one (a hard link, or else a copy): the
    /// folders of unchanged snapshots that a build reuses (`SnapshotPages.reuse`).
    public func reuse(_ relative: String) throws(SiteError) {
        let from = (target as NSString).appendingPathComponent(relative)
        let to = try path(relative)
        if link(from, to) != 0 {
            do { try FileManager.default.copyItem(atPath: from, toPath: to) } catch { throw .cannotWrite(to, bilingual("cannot copy \(from): \(SystemReason.of(error))", "impossible de copier \(from)\u{00A0}: \(SystemReason.of(error))")) }
        }
        // With the mode a file written now gets: a site built under umask 077 lent its 600 files to
        // one built under 022, whose web server then could not read them.
        _ = chmod(to, 0o644 & ~SiteWriter.processUmask)
    }

    /// The process's file mode creation mask, read once (reading it means setting it).
    static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Swaps the staging folder in place of the target, then removes the old site. An interruption
    /// during the swap waits for it to end; one after it says the site was updated.
    public func commit() throws(SiteError) {
        // What is written reaches the disk before the swap, so that a crash after it cannot leave a
        // site of empty files: the file system of the staging folder only (sync() waited on every
        // file system, 0.3 → 1.0 s for the examples with 1.5 GB of another program's writes pending).
        // An interruption meanwhile takes the staging folder away, and the swap never starts.
        guard fidelis_sync_filesystem(staging) == 0 else { throw .cannotWrite(staging, SystemReason.words(errno)) }
        let shown = shownTarget
        let oldSite = try InterruptCleanup.shared.uncut { () throws(SiteError) -> String? in
            let oldSite = try swap()
            committed = true
            if let interruptToken { InterruptCleanup.shared.unregister(interruptToken) }
            interruptToken = InterruptCleanup.shared.register {
                if let oldSite { InterruptCleanup.removeWhileWritten(oldSite) }
                return bilingual("\(shown) was updated", "\(shown) a été mis à jour")
            }
            return oldSite
        }
        if let oldSite { try? FileManager.default.removeItem(atPath: oldSite) }
    }

    /// Puts the staging folder in place of the target; returns where the old site now is, to be
    /// removed, if there was one.
    private func swap() throws(SiteError) -> String? {
        guard FileManager.default.fileExists(atPath: target) else {
            guard rename(staging, target) == 0 else { throw .cannotWrite(target, SystemReason.words(errno)) }
            return nil
        }
        // `staging` now holds the old site.
        if fidelis_exchange_paths(staging, target) == 0 { return staging }
        if errno == EBUSY { throw .refused(target, bilingual("it is busy (a mount point, or in use by the system): write the site into a folder inside it (--out \(target)/site)", "il est occupé (point de montage, ou utilisé par le système)\u{00A0}: écrivez le site dans un dossier à l'intérieur (--out \(target)/site)")) }
        // No atomic exchange on this system: move the old site aside, then move the new one in.
        let aside = staging + ".old"
        guard rename(target, aside) == 0 else { throw .cannotWrite(target, SystemReason.words(errno)) }
        guard rename(staging, target) == 0 else {
            _ = rename(aside, target)
            throw .cannotWrite(target, SystemReason.words(errno))
        }
        return aside
    }

    /// Removes the staging folder (after an error).
    public func abandon() {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        if let interruptToken { InterruptCleanup.shared.unregister(interruptToken) }
        interruptToken = nil
    }

    deinit { abandon() }
}
