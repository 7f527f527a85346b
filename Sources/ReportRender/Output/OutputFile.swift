import CFileSwap
import ReportModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a byte buffer (flushed in 256 KiB chunks), for big CSV outputs.
///
/// The buffer stays in the writing core's cache (1 MiB of L2 here) between the rows written into it
/// and the kernel's copy of it into the page cache: with a 1 MiB buffer, `segments.csv`'s share of a
/// 1 M × 12 build's CPU samples was 11.3–11.9 % and the kernel's copy 0.6–2.0 %; with 256 KiB,
/// 10.8–11.4 % and 0.8 % (three perf runs each, alternating).
///
/// A noncopyable struct over a raw buffer: the buffer is checked for exclusive access at compile
/// time, not on every append (the run-time checks were 8 % of a build's instructions under
/// callgrind, 100 k customers × 12 snapshots), and an append is a store and a bounds compare.
/// Over an `[UInt8]` each byte also paid a uniqueness check and a capacity check: writing the
/// 1 M-row `segments.csv` took 1,730 instructions per row.
public struct OutputFile: ~Copyable {
    private let fd: Int32
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private static let capacity = 1 << 18
    /// The first write error met by an append that cannot throw; thrown by the next `endLine`, `flush` or `close`.
    private var pendingError: SiteError?
    private var isClosed = false
    /// Bytes written so far, and the start of those whose writeback to disk is not started yet.
    /// Every `writebackChunk` bytes the kernel is asked to start writing them out (without waiting),
    /// so that `close`'s `fsync` finds little left to write: the writing threads of a 1 M × 12 build
    /// waited 0.20–0.22 s in `fsync` (twelve 43 MB `segments.csv` files written only there, the
    /// page cache holding them as dirty until then), 0.09 s with this (`strace -T`); 1 M × 12 builds,
    /// sixteen alternating pairs, lower in nine, higher in three.
    private var written = 0
    private var writebackStart = 0
    private static let writebackChunk = 8 << 20
    public let path: String

    /// Creates (or truncates) `path`.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteError.cannotWrite(path, SystemReason.words(errno)) }
        storage = .allocate(capacity: OutputFile.capacity)
    }

    deinit {
        storage.deallocate()
        if !isClosed { closeDescriptor() }
    }

    @inline(__always) public mutating func append(_ byte: UInt8) {
        if count == OutputFile.capacity { flushRecordingError() }
        storage[count] = byte
        count += 1
    }

    /// Appends raw bytes.
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > OutputFile.capacity - count { flushRecordingError() }
        if bytes.count > OutputFile.capacity {
            writeAll(source, bytes.count)
            return
        }
        (storage + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    public mutating func append(_ text: String) {
        var t = text
        t.withUTF8 { append(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends an integer in decimal.
    @inline(__always) public mutating func append(integer value: Int) {
        reserve(DecimalWriter.maximumLength)
        count += DecimalWriter.writeInteger(value, to: storage + count)
    }

    /// Appends a `Money` amount as a plain decimal (`1234.5`, `12`), exact.
    public mutating func append(money units: Int64) {
        reserve(DecimalWriter.maximumLength)
        count += DecimalWriter.writeMoney(units, to: storage + count)
    }

    /// Appends a finite double with a fixed number of decimals (locale-independent), nothing for NaN
    /// (see `DecimalWriter.writeFixed`).
    public mutating func append(fixed value: Double, decimals: Int) {
        reserve(DecimalWriter.maximumLength)
        count += DecimalWriter.writeFixed(value, decimals: decimals, to: storage + count)
    }

    /// Writes up to `maximumBytes` (at most the buffer's 256 KiB) straight into the buffer: `body`
    /// gets the address to write at and returns how many bytes it wrote. For rows of known bounded
    /// length, written without a capacity check per byte (`segments.csv`).
    @inline(__always) public mutating func append(atMost maximumBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        precondition(maximumBytes <= OutputFile.capacity)
        reserve(maximumBytes)
        let written = body(storage + count)
        precondition(written <= maximumBytes, "wrote past the reserved span")
        count += written
    }

    /// Copies `count` bytes from `source` to `target` (not overlapping): eight bytes at a time, the
    /// last word overlapping the one before, for the short ids and segment names of `segments.csv`
    /// (a `memmove` call each, per row). Writes exactly `count` bytes.
    @inline(__always) static func copyBytes(from source: UnsafeRawPointer, count n: Int, to target: UnsafeMutablePointer<UInt8>) {
        let to = UnsafeMutableRawPointer(target)
        guard n >= 8 else {
            if n >= 4 {
                let first = source.loadUnaligned(as: UInt32.self), last = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                to.storeBytes(of: first, as: UInt32.self)
                to.storeBytes(of: last, toByteOffset: n - 4, as: UInt32.self)
                return
            }
            for k in 0..<n { to.storeBytes(of: source.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
            return
        }
        var i = 0
        while i + 8 < n {
            to.storeBytes(of: source.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            i += 8
        }
        to.storeBytes(of: source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
    }

    /// Makes room for `bytes` more bytes in the buffer (flushing it when needed).
    @inline(__always) private mutating func reserve(_ bytes: Int) {
        if OutputFile.capacity - count < bytes { flushRecordingError() }
    }

    /// Appends a CSV text field: quoted when needed, with formula-looking text neutralised by a leading `'`.
    public mutating func append(csvText text: String) {
        append(CSVText.field(text))
    }

    /// Appends a CSV text field from UTF-8 bytes; plain ids (the common case) are copied as they are.
    public mutating func append(csvBytes bytes: UnsafeRawBufferPointer) {
        if CSVText.isPlain(bytes) { append(bytes: bytes) } else { append(CSVText.field(String(decoding: bytes, as: UTF8.self))) }
    }

    /// Ends a line; throws a write error met since the last check.
    public mutating func endLine() throws {
        append(UInt8(ascii: "\n"))
        try throwPendingError()
    }

    /// Throws a write error met since the last check.
    public func throwPendingError() throws {
        if let error = pendingError { throw error }
    }

    /// Writes the buffered bytes.
    public mutating func flush() throws {
        flushRecordingError()
        if let error = pendingError { throw error }
    }

    /// Flushes, syncs and closes the file; throws when the disk refused what was written (a full
    /// disk or a quota can be reported only by `fsync` or `close`).
    public consuming func close() throws {
        defer { isClosed = true }
        do { try flush() } catch { closeDescriptor(); throw error }
        let synced = fsync(fd) == 0 || errno == EINVAL ? 0 : errno   // EINVAL: a file that cannot be synced
        let closed = closeDescriptor() == 0 ? 0 : errno
        if let failure = [synced, closed].first(where: { $0 != 0 }) {
            throw SiteError.cannotWrite(path, SystemReason.words(failure))
        }
    }

    // MARK: - Private

    private mutating func flushRecordingError() {
        writeAll(UnsafeRawPointer(storage), count)
        count = 0
    }

    /// Writes `length` bytes from `source`, remembering the first failure, and starts the writeback
    /// of each `writebackChunk` written.
    private mutating func writeAll(_ source: UnsafeRawPointer, _ length: Int) {
        guard pendingError == nil else { return }
        let failure = OutputFile.writeAll(fd, source, length)
        if failure != 0 { pendingError = SiteError.cannotWrite(path, SystemReason.words(failure)); return }
        written += length
        if written - writebackStart >= OutputFile.writebackChunk {
            _ = fidelis_start_writeback(fd, Int64(writebackStart), Int64(written - writebackStart))
            writebackStart = written
        }
    }

    /// Writes `length` bytes from `source` to `fd`, retrying after interrupts and short writes:
    /// 0, or the `errno` of the write that failed.
    static func writeAll(_ fd: Int32, _ source: UnsafeRawPointer, _ length: Int) -> Int32 {
        var offset = 0
        while offset < length {
            let written = write(fd, source + offset, length - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return written < 0 ? errno : EIO }
            offset += written
        }
        return 0
    }

    @discardableResult
    private func closeDescriptor() -> Int32 {
        #if canImport(Glibc)
        Glibc.close(fd)
        #else
        Darwin.close(fd)
        #endif
    }
}
