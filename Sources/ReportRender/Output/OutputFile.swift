#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a large byte buffer (flushed in 1 MiB chunks), for big CSV outputs.
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
    private static let capacity = 1 << 20
    /// The first write error met by an append that cannot throw; thrown by the next `endLine`, `flush` or `close`.
    private var pendingError: SiteError?
    private var isClosed = false
    public let path: String

    /// Creates (or truncates) `path`.
    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SiteError.cannotWrite(path, String(cString: strerror(errno))) }
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
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumDigits: 1)
    }

    /// Appends a `Money` amount as a plain decimal (`1234.5`, `12`), exact.
    public mutating func append(money units: Int64) {
        if units < 0 { append(UInt8(ascii: "-")) }
        let m = units.magnitude
        appendDigits(m / 10_000, minimumDigits: 1)
        var fraction = m % 10_000
        guard fraction != 0 else { return }
        var width = 4
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        append(UInt8(ascii: "."))
        appendDigits(fraction, minimumDigits: width)
    }

    /// Appends a finite double with a fixed number of decimals (locale-independent), nothing for NaN.
    ///
    /// The value is rounded once to an integer count of 10^-decimals, then printed with integer
    /// arithmetic straight into the buffer: 320 instructions per value with a division per digit
    /// and a byte-by-byte append before, the largest cost of writing `segments.csv` (callgrind).
    public mutating func append(fixed value: Double, decimals: Int) {
        guard value.isFinite else { return }
        let places = min(max(decimals, 0), 15)
        var scale = 1.0
        var power: UInt64 = 1
        for _ in 0..<places { scale *= 10; power *= 10 }
        let magnitude = abs(value) * scale
        // Below 9e15 (< 2^53) the rounding is done in integers: truncate, then round the exact
        // remainder half away from zero, as `rounded()` does (which calls libm's `round`: a third of
        // this function's time over the 44 M values of a 63-month-end ledger's segments.csv files).
        if magnitude < 9.0e15 {
            let whole = UInt64(magnitude)
            let units = magnitude - Double(whole) >= 0.5 ? whole + 1 : whole
            if value < 0 && units > 0 { append(UInt8(ascii: "-")) }
            appendDigits(units / power, minimumDigits: 1)
            guard places > 0 else { return }
            append(UInt8(ascii: "."))
            appendDigits(units % power, minimumDigits: places)
            return
        }
        // Beyond exact integers: the whole part in floating point, the decimals as zeros.
        let scaled = magnitude.rounded()
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(min(scaled / scale, 1.8e19)), minimumDigits: 1)
        if places > 0 {
            append(UInt8(ascii: "."))
            appendDigits(0, minimumDigits: places)
        }
    }

    /// Writes `value` in decimal, left-padded with zeros to `minimumDigits`, directly into the buffer.
    @inline(__always) private mutating func appendDigits(_ value: UInt64, minimumDigits: Int) {
        var digits = 1
        var bound: UInt64 = 10
        while digits < 20 && value >= bound { digits += 1; bound = bound &* 10 }
        digits = max(digits, minimumDigits)
        if OutputFile.capacity - count < digits { flushRecordingError() }
        var v = value
        var i = count + digits
        while i > count {
            i -= 1
            storage[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
        }
        count += digits
    }

    /// Appends a CSV text field: quoted when needed, with formula-looking text neutralised by a leading `'`.
    public mutating func append(csvText text: String) {
        append(CSVText.field(text))
    }

    /// Appends a CSV text field from UTF-8 bytes; plain ids (the common case) are copied as they are.
    public mutating func append(csvBytes bytes: UnsafeRawBufferPointer) {
        let plain = !(bytes.first.map(CSVText.startsFormula) ?? false) && !bytes.contains(where: CSVText.needsQuotes)
        if plain { append(bytes: bytes) } else { append(CSVText.field(String(decoding: bytes, as: UTF8.self))) }
    }

    /// Ends a line; throws a write error met since the last check.
    public mutating func endLine() throws {
        append(UInt8(ascii: "\n"))
        if let error = pendingError { throw error }
    }

    /// Writes the buffered bytes.
    public mutating func flush() throws {
        flushRecordingError()
        if let error = pendingError { throw error }
    }

    /// Flushes, syncs and closes the file.
    public consuming func close() throws {
        defer { isClosed = true }
        try flush()
        _ = fsync(fd)
        closeDescriptor()
    }

    // MARK: - Private

    private mutating func flushRecordingError() {
        writeAll(UnsafeRawPointer(storage), count)
        count = 0
    }

    /// Writes `length` bytes from `source`, remembering the first failure.
    private mutating func writeAll(_ source: UnsafeRawPointer, _ length: Int) {
        var offset = 0
        while offset < length && pendingError == nil {
            let written = write(fd, source + offset, length - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                pendingError = SiteError.cannotWrite(path, String(cString: strerror(errno)))
                return
            }
            offset += written
        }
    }

    private func closeDescriptor() {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
