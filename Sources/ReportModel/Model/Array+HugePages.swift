#if canImport(Glibc)
import Glibc
#endif

extension Array where Element: BitwiseCopyable {
    /// Reserves room for `count` elements and asks the kernel to back the storage with 2 MB pages
    /// (`MADV_HUGEPAGE`, transparent huge pages in `madvise` or `always` mode; otherwise nothing),
    /// before any of it is written: for the large columns that a ledger's read fills once, in fresh
    /// memory. Call it on an empty array; storage spanning fewer than two aligned 2 MB blocks is left
    /// as it is.
    mutating func reserveHugeCapacity(_ count: Int) {
        reserveCapacity(count)
        let bytes = capacity * MemoryLayout<Element>.stride
        withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { HugePages.advise(UnsafeMutableRawPointer(base), bytes: bytes) }
        }
    }

    /// `count` elements left as the allocator gives them, in storage backed by 2 MB pages where the
    /// kernel offers them (see `reserveHugeCapacity`): for columns whose every element is then
    /// written, by one thread or several.
    static func hugeUninitialized(count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { HugePages.advise(UnsafeMutableRawPointer(base), bytes: buffer.count * MemoryLayout<Element>.stride) }
            initialized = count
        }
    }

    /// The storage of `column`, left empty, when it holds `count` elements (memory already written
    /// once, where fresh memory is zeroed by the kernel first), else `hugeUninitialized(count:)`: for
    /// a column whose every element is then written, taking the place of one no longer needed.
    static func takingStorage(of column: inout [Element], count: Int) -> [Element] {
        guard column.count == count else { return hugeUninitialized(count: count) }
        var taken: [Element] = []
        swap(&taken, &column)
        return taken
    }
}

/// Transparent huge pages for large buffers written once in fresh memory (internal).
///
/// A fresh 4 kB page costs a fault the first time it is written: reading the 5 M-line sample ledger
/// (`validate --parse-only`) spent a fifth of its CPU samples in such faults, for its line columns,
/// their copies sorted by customer and the id table. A 2 MB page costs one fault for 512.
enum HugePages {
    static let size = 2 << 20

    /// Advises huge pages for the 2 MB-aligned blocks inside `bytes` bytes at `start`, when they span
    /// at least two blocks.
    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        let from = (Int(bitPattern: start) + size - 1) & ~(size - 1)
        let to = (Int(bitPattern: start) + bytes) & ~(size - 1)
        guard to - from >= 2 * size, let aligned = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(aligned, to - from, MADV_HUGEPAGE)
        #endif
    }
}
