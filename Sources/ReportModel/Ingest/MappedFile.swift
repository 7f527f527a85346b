#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory map of a whole file. Pages are loaded on demand by the kernel, so reading a
/// file costs address space, not resident memory beyond what is being scanned. (Reading each file
/// into one reused buffer with `read` instead was slower: parsing 1 M × 12, 1.23–1.36 s against
/// 1.09–1.30 s.) A pipe cannot be mapped: it is read whole into memory (its size in resident
/// memory, kept until the read ends).
/// (Sendable: `discard(_:)` may be called from any thread; `discard(before:)` from one only.)
public final class MappedFile: @unchecked Sendable {
    /// The file's bytes; empty for an empty file.
    public let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    /// Whether `base` is memory read from a pipe (freed, never discarded) rather than a map.
    private let isRead: Bool

    /// Maps `path` (reads it, when it is a pipe and `acceptsStreams`). Throws `InputError` (line 0)
    /// when it cannot be opened, is a folder or a device, or cannot be read, and, unless
    /// `acceptsStreams`, when it is a pipe or a socket: a snapshot folder's files are files (a named
    /// pipe there, opened, waited for a writer for ever).
    public init(path: String, displayName: String, acceptsStreams: Bool = true) throws {
        var named = stat()
        if !acceptsStreams, stat(path, &named) == 0, MappedFile.isStream(mode: named.st_mode) {
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("a named pipe or a socket, not a file", "un tube nommé ou un socket, pas un fichier"),
                             expected: bilingual("a CSV file; only --transactions reads from a pipe", "un fichier CSV\u{202F}; seul --transactions lit depuis un tube"))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = SystemReason.words(errno)
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot open file: \(reason)", "impossible d'ouvrir le fichier\u{00A0}: \(reason)"), expected: bilingual("a readable file", "un fichier lisible"))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot read file size", "impossible de lire la taille du fichier"), expected: bilingual("a regular file", "un fichier ordinaire"))
        }
        let kind = info.st_mode & S_IFMT
        if MappedFile.isStream(mode: info.st_mode) {
            // A pipe (`--transactions /dev/stdin` fed by `cat`, `<(…)`): read whole, as it cannot be
            // mapped (it was read as an empty file).
            (base, length) = try MappedFile.readAll(fd, displayName: displayName)
            isRead = true
            bytes = UnsafeRawBufferPointer(start: base, count: length)
            return
        }
        isRead = false
        if kind == S_IFDIR {
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("a folder, not a file", "un dossier, pas un fichier"), expected: bilingual("a CSV file", "un fichier CSV"))
        }
        guard kind == S_IFREG else {
            // A device (`/dev/zero`, a terminal) has no size and may never end.
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("not a file but a device", "pas un fichier mais un périphérique"),
                             expected: acceptsStreams ? bilingual("a CSV file, or a pipe", "un fichier CSV, ou un tube") : bilingual("a CSV file", "un fichier CSV"))
        }
        length = Int(info.st_size)
        if length == 0 {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let pointer = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED else {
            let reason = SystemReason.words(errno)
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot map file: \(reason)", "impossible de projeter le fichier en mémoire\u{00A0}: \(reason)"), expected: bilingual("a readable regular file", "un fichier ordinaire lisible"))
        }
        _ = madvise(pointer, length, MADV_SEQUENTIAL)
        #if os(Linux)
        // Lets the kernel read the file into 2 MB page-cache folios where it reads it from disk
        // (Linux 6.x, transparent huge pages in `madvise` or `always` mode; otherwise ignored), which
        // are mapped with fewer faults: parsing the 1 M × 12 sample snapshots read that way, 21.8 k
        // page faults and 0.04–0.06 s of system time against 26.5 k and 0.05–0.09 s as read into
        // the cache without it (`validate --parse-only`, the files evicted, then read once untimed).
        _ = madvise(pointer, length, MADV_HUGEPAGE)
        #endif
        base = pointer
        bytes = UnsafeRawBufferPointer(start: pointer, count: length)
    }

    /// Whether a file of this `st_mode` is a pipe or a socket: read once, as a stream, never mapped.
    static func isStream(mode: mode_t) -> Bool {
        let kind = mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFSOCK
    }

    /// Whether `path` names a pipe or a socket (`/dev/stdin` fed by `cat`, `<(…)`, a named pipe),
    /// which can be read once only; false when it cannot be looked at (the reader then says why).
    public static func isStream(atPath path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && isStream(mode: info.st_mode)
    }

    /// Most bytes read from a pipe: three tenths of the memory this process may use (the
    /// machine's, or its control group's limit), as the ledger read then holds the pipe's bytes and
    /// its lines, about one and a half times as much (`LedgerMemoryEstimate`), within three quarters
    /// of it. (An endless pipe, `cat /dev/zero |`, grew by 250 MB/s until the system killed the
    /// process; with half the machine's memory as the cap, a 180 MB ledger piped into a job limited
    /// to 300 MB was killed by the kernel without a word.)
    static var pipeLimit: (bytes: Int, memory: MemoryLimit) {
        let memory = MemoryLimit.current()
        return (Int(clamping: memory.bytes / 10 * 3), memory)
    }

    /// Reads `fd` to its end into memory of its own: at most `pipeLimit` bytes, and no further than
    /// its first megabyte when that holds a NUL byte (no CSV text has one: `/dev/zero`, a binary).
    private static func readAll(_ fd: Int32, displayName: String) throws -> (UnsafeMutableRawPointer?, Int) {
        let (limit, memory) = pipeLimit
        var capacity = 1 << 20, count = 0, checkedForNUL = false
        guard var buffer = malloc(capacity) else {
            throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot read the pipe: out of memory", "impossible de lire le tube\u{00A0}: mémoire épuisée"), expected: bilingual("a smaller input", "une entrée plus petite"))
        }
        while true {
            if count == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot read the pipe: out of memory", "impossible de lire le tube\u{00A0}: mémoire épuisée"), expected: bilingual("a smaller input", "une entrée plus petite"))
                }
                buffer = grown
            }
            let n = read(fd, buffer + count, capacity - count)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = SystemReason.words(errno)
                free(buffer)
                throw InputError(file: displayName, line: 0, column: 0, message: bilingual("cannot read the pipe: \(reason)", "impossible de lire le tube\u{00A0}: \(reason)"), expected: bilingual("a readable input", "une entrée lisible"))
            }
            count += n
            // (A shorter input is checked as a file is, by the reader.)
            if !checkedForNUL && count >= 1 << 20 {
                checkedForNUL = true
                if memchr(buffer, 0, count) != nil {
                    free(buffer)
                    throw InputError(file: displayName, line: 1, column: 1, message: bilingual("the input holds NUL bytes, which no CSV text has", "l'entrée contient des octets NUL, ce qu'aucun texte CSV ne contient"), expected: bilingual("CSV text", "du texte CSV"))
                }
            }
            if count > limit {
                free(buffer)
                let room = memory.cappedByControlGroup
                    ? bilingual("the \(memory.bytes >> 20) MB this process may use (its control group's memory limit)",
                                "des \(memory.bytes >> 20) Mo que ce processus peut utiliser (la limite de mémoire de son groupe de contrôle)")
                    : bilingual("the \(memory.bytes >> 20) MB this machine has", "des \(memory.bytes >> 20) Mo de cette machine")
                throw InputError(file: displayName, line: 0, column: 0,
                                 message: bilingual("the pipe holds more than \(limit >> 20) MB: held whole, with the lines read from it, that is more than three quarters of \(room)",
                                                    "le tube contient plus de \(limit >> 20) Mo\u{00A0}: gardé en entier, avec les lignes qui en sont lues, cela fait plus des trois quarts \(room)"),
                                 expected: bilingual("the ledger saved to a file (read without holding it whole), or more memory",
                                                     "le journal enregistré dans un fichier (lu sans le garder en entier), ou plus de mémoire"))
            }
        }
        if count == 0 { free(buffer); return (nil, 0) }
        return (buffer, count)
    }

    private var discarded = 0

    /// Drops the pages before `offset` from memory (they are re-read from the file if touched
    /// again), so a file read front to back costs a window of resident memory, not its size.
    public func discard(before offset: Int) {
        guard let base, !isRead else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = min(offset, length) / page * page
        guard end > discarded else { return }
        _ = madvise(base + discarded, end - discarded, MADV_DONTNEED)
        discarded = end
    }

    /// Drops the pages that lie wholly within `range` (of a part of the file read on another
    /// thread than `discard(before:)`'s).
    public func discard(_ range: Range<Int>) {
        guard let base, !isRead else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lower = (max(range.lowerBound, 0) + page - 1) / page * page
        let upper = min(range.upperBound, length) / page * page
        guard upper > lower else { return }
        _ = madvise(base + lower, upper - lower, MADV_DONTNEED)
    }

    deinit {
        if let base { if isRead { free(base) } else { munmap(base, length) } }
    }
}
