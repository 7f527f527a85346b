import Foundation
import ReportModel
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time for a site: an exclusive `flock` on `.<name>.lock` beside the site folder,
/// held until `end`, which removes the file (a killed build leaves it, unlocked: the next build
/// takes it), or until the process exits, however it ends.
///
/// Two builds into one `--out` each reused the other's half-written folders and both swapped theirs
/// in: a French month in an English site, kept afterwards as unchanged. The second build is now
/// refused (exit 73) before it reads or writes anything.
public final class SiteLock {
    private var fd: Int32 = -1
    private let path: String
    /// The folders made to hold the site, outermost first: a failed build takes them away again.
    private var created: [String] = []
    /// The undo registered with `InterruptCleanup` while the lock is held.
    private var interruptToken: Int?

    /// Takes the lock of the site at `target`; throws when another build holds it. A missing folder
    /// that holds the site is created (`SiteWriter` would create it), and removed by a failed build.
    public init(target rawTarget: String) throws(SiteError) {
        let target = URL(fileURLWithPath: rawTarget).standardizedFileURL.path
        let parent = PathParent.of(target)
        let name = (target as NSString).lastPathComponent
        path = (parent as NSString).appendingPathComponent(".\(name).lock")
        created = MissingFolders.of(parent)
        if !created.isEmpty, let failure = SiteWriter.makeFolders(parent) {
            end(succeeded: false)
            throw .cannotWrite(target, bilingual("cannot create the folder that holds it, \(parent): \(failure)", "impossible de créer le dossier qui le contient, \(parent)\u{00A0}: \(failure)"))
        }
        while true {
            var fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            // A lock file another user's killed build left (0644): a lock is taken on it read-only.
            if fd < 0 && errno == EACCES { fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
            guard fd >= 0 else {
                // A folder this process cannot write in: `SiteWriter` refuses it in its own words.
                if access(parent, W_OK) != 0 { return }
                throw .cannotWrite(path, bilingual("cannot open the lock file: ", "impossible d'ouvrir le fichier de verrou\u{00A0}: ") + SystemReason.words(errno))
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let failure = errno
                close(fd)
                // A file system without locks (some network and FUSE ones): the build goes on unlocked.
                if failure == ENOLCK || failure == EOPNOTSUPP || failure == ENOSYS { return }
                end(succeeded: false)
                if failure == EWOULDBLOCK {
                    throw .refused(target, bilingual("another fidelis-report build is writing it now (expected one build at a time for a site: wait for that one, or give this one another --out)", "une autre génération de fidelis-report est en train de l'écrire (attendu\u{00A0}: une seule génération à la fois par site, attendez la fin de celle-là, ou donnez à celle-ci un autre --out)"))
                }
                throw .cannotWrite(path, bilingual("cannot lock: \(SystemReason.words(failure))", "verrouillage impossible\u{00A0}: \(SystemReason.words(failure))"))
            }
            // The build that held it may have removed the file between its open and this lock: the
            // lock counts only on the file the path still names.
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0 && lstat(path, &named) == 0 && held.st_ino == named.st_ino && held.st_dev == named.st_dev {
                self.fd = fd
                // An interrupted build removes the lock file (the process's end lets the lock go)
                // and the folders it made to hold the site, if nothing else was put in them.
                let lockPath = path, made = created
                interruptToken = InterruptCleanup.shared.register {
                    unlink(lockPath)
                    for folder in made.reversed() { rmdir(folder) }
                    return nil
                }
                return
            }
            close(fd)
        }
    }

    /// Lets the lock go, removing its file first (while it is held, so that no other build can hold
    /// the file removed: see `init`). After a failed build the folders made to hold the site are
    /// removed too (only if nothing else was put in them), so that bad input leaves nothing behind.
    public func end(succeeded: Bool) {
        if let interruptToken { InterruptCleanup.shared.unregister(interruptToken) }
        interruptToken = nil
        if fd >= 0 {
            unlink(path)
            close(fd)
            fd = -1
        }
        if !succeeded {
            for folder in created.reversed() { rmdir(folder) }
        }
        created = []
    }

    deinit { end(succeeded: true) }
}
