import Foundation

/// Why a file operation failed, in the system's words ("No such file or directory", "Permission
/// denied", "No space left on device"), for messages that would otherwise only say that it failed
/// or quote Foundation's "The operation could not be completed".
public enum SystemReason {
    /// The system's reason for a Foundation file error: its POSIX cause when it carries one, else
    /// Foundation's description.
    public static func of(_ error: any Error) -> String {
        cause(error) ?? (error as NSError).localizedDescription
    }

    /// The POSIX cause of a Foundation file error, in the system's words, or nil when it carries
    /// none (Foundation then only says "The operation could not be completed").
    public static func cause(_ error: any Error) -> String? {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return words(Int32(underlying.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return words(Int32(ns.code)) }
        // Foundation's own codes for what the system said (its English "The file doesn't exist." was
        // the one sentence of a French run left in English).
        if ns.domain == NSCocoaErrorDomain, let code = [CocoaError.fileWriteNoPermission.rawValue: EACCES,
                                                        CocoaError.fileReadNoPermission.rawValue: EACCES,
                                                        CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS,
                                                        CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC,
                                                        CocoaError.fileNoSuchFile.rawValue: ENOENT,
                                                        CocoaError.fileReadNoSuchFile.rawValue: ENOENT,
                                                        CocoaError.fileWriteFileExists.rawValue: EEXIST][ns.code] {
            return words(code)
        }
        return nil
    }

    /// Why a folder cannot be made or written at `path`, from what the file system holds there,
    /// when the error said no more than "the operation could not be completed": a file in the way
    /// (at the path or at one of its parents), or a parent that does not exist. Nil when none is.
    public static func folderProblem(at path: String) -> String? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : bilingual("a file of that name is there (expected a folder, or no file)", "un fichier de ce nom s'y trouve (attendu\u{00A0}: un dossier, ou rien)")
        }
        var parent = PathParent.of(path)
        while !parent.isEmpty && parent != "/" {
            if fm.fileExists(atPath: parent, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : bilingual("\(parent) is a file, not a folder", "\(parent) est un fichier, pas un dossier")
            }
            parent = PathParent.of(parent)
        }
        return nil
    }

    /// Why `path` cannot be read as a file (`folder` false) or listed as a folder (true).
    public static func unreadable(_ path: String, folder: Bool) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return words(errno) }
        let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        if folder != isFolder { return words(folder ? ENOTDIR : EISDIR) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return words(errno) }
        _ = close(fd)
        return bilingual("it could not be read", "il n'a pas pu être lu")
    }

    /// The system's words for an `errno` code (`strerror`), in French for the common ones when the
    /// messages are in French.
    public static func words(_ code: Int32) -> String {
        let english = String(cString: strerror(code))
        guard MessageLanguage.current == .fr else { return english }
        switch code {
        case ENOENT: return "fichier ou dossier introuvable"
        case EACCES: return "permission refusée"
        case EPERM: return "opération non permise"
        case ENOSPC: return "plus d'espace disponible sur le périphérique"
        case EROFS: return "système de fichiers en lecture seule"
        case ENOTDIR: return "ce n'est pas un dossier"
        case EISDIR: return "c'est un dossier"
        case EEXIST: return "le fichier existe déjà"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case ELOOP: return "trop de niveaux de liens symboliques"
        case EIO: return "erreur d'entrée/sortie"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case ENOMEM: return "mémoire insuffisante"
        case EDQUOT: return "quota de disque dépassé"
        case ENOTEMPTY: return "dossier non vide"
        case EXDEV: return "lien entre périphériques différents"
        default: return english
        }
    }
}
