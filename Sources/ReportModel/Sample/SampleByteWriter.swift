import Foundation

/// Buffered byte output for the sample files: formats integers, money and dates
/// straight into a large reusable buffer and hands full chunks to a `FileHandle`.
///
/// Call `ensureRoom()` once per row (a row never exceeds `rowReserve` bytes), then
/// `finish()` at the end; `release()` must run in every case (use `defer`).
///
/// The bytes go to a hidden `.NAME.partial` beside the file, renamed to the file's name by
/// `finish()`: a run killed or failing halfway never leaves a file cut in the middle of a row
/// under a month's name, which a build would read as that month's export.
struct SampleByteWriter {
    /// Upper bound of the bytes one row may append between two `ensureRoom()` calls.
    static let rowReserve = 16 * 1024

    private let handle: FileHandle
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var count = 0
    /// Bytes handed to the file so far.
    private(set) var flushed = 0

    /// The file being written, and its name once complete.
    private let partialPath: String, finalPath: String
    private var finished = false

    /// Starts the file at `url` (replaced when `finish()` renames the partial file over it).
    init(url: URL, capacity: Int = 4 << 20) throws {
        finalPath = url.path
        partialPath = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
        // Not while an interruption takes back what the run wrote: it would miss a file made now.
        let partialPath = self.partialPath
        let fd = InterruptCleanup.shared.uncut { open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw SampleOutputError(path: url.path, reason: SystemReason.words(errno)) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.capacity = max(capacity, 4 * SampleByteWriter.rowReserve)
        base = .allocate(capacity: self.capacity)
    }

    /// Flushes when fewer than `rowReserve` bytes are left.
    @inline(__always)
    mutating func ensureRoom() throws {
        if capacity - count < SampleByteWriter.rowReserve { try flush() }
    }

    /// Hands the buffered bytes to the file.
    mutating func flush() throws {
        guard count > 0 else { return }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .none)
        try handle.write(contentsOf: data)
        flushed += count
        count = 0
    }

    /// Flushes and closes the file, then gives it its name.
    mutating func finish() throws {
        try flush()
        try handle.close()
        let (from, to) = (partialPath, finalPath)
        guard InterruptCleanup.shared.uncut({ rename(from, to) }) == 0 else {
            throw SampleOutputError(path: finalPath, reason: SystemReason.words(errno))
        }
        finished = true
    }

    /// Frees the buffer (the handle closes itself when released) and removes the partial file of
    /// a run that did not finish.
    func release() {
        base.deallocate()
        if !finished { unlink(partialPath) }
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always)
    mutating func bytes(_ source: UnsafePointer<UInt8>, _ length: Int) {
        (base + count).update(from: source, count: length)
        count += length
    }

    mutating func bytes(_ source: [UInt8]) {
        source.withUnsafeBufferPointer { buffer in
            if let address = buffer.baseAddress { bytes(address, buffer.count) }
        }
    }

    /// Decimal digits of a non-negative integer.
    @inline(__always)
    mutating func unsigned(_ value: UInt64) {
        if value < 10 {
            byte(48 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var v = value
        var digits = 0
        var probe = value
        while probe > 0 { digits += 1; probe /= 10 }
        var p = base + count + digits - 1
        while v > 0 {
            p.pointee = 48 &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            p -= 1
        }
        count += digits
    }

    /// Decimal digits of an integer, with a leading `-` when negative.
    @inline(__always)
    mutating func integer(_ value: Int64) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
            unsigned(value.magnitude)
        } else {
            unsigned(UInt64(value))
        }
    }

    /// A non-negative integer left-padded with zeros to `width` digits.
    @inline(__always)
    mutating func zeroPadded(_ value: Int, width: Int) {
        var v = value
        var p = base + count + width - 1
        for _ in 0..<width {
            p.pointee = 48 &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            p -= 1
        }
        count += width
    }

    /// An amount in cents as a fixed two-decimal number (`-12.05`), with the given decimal mark.
    @inline(__always)
    mutating func money(_ cents: Int64, decimalMark: UInt8) {
        let magnitude = cents.magnitude
        if cents < 0 { byte(UInt8(ascii: "-")) }
        unsigned(magnitude / 100)
        byte(decimalMark)
        let fraction = magnitude % 100
        byte(48 &+ UInt8(truncatingIfNeeded: fraction / 10))
        byte(48 &+ UInt8(truncatingIfNeeded: fraction % 10))
    }
}
