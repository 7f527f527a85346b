import Synchronization

/// The bytes of interned ids, append-only and shared by every `CustomerIDs` value made from it.
///
/// Ids are written once into fixed chunks that never move, and each value sees the first `count`
/// of them, so handing the ids known so far to another thread costs nothing while the reader goes
/// on interning. (With one growing array per value, each snapshot's first new id copied the whole
/// arena and offsets: 16 MB at 1 M customers, and the reader, figure and page threads each held a
/// version of it.)
@usableFromInline
final class IDStore: @unchecked Sendable {
    /// Bytes per chunk (an id longer than this gets a chunk of its own).
    static let chunkBytes = 1 << 20
    /// Ids per entry chunk, and how many entry chunks there can be (2^16 × 2^16 ids).
    static let entriesPerChunk = 1 << 16
    static let entryChunkCount = 1 << 16

    /// Per id, in 8 bytes: the length in the top 16 bits and the address of the first byte in the
    /// low 48 (user-space addresses fit). A length of 65535 or more is written as 65535, with the
    /// real length in the 8 bytes before the id.
    @usableFromInline typealias Entry = UInt64
    @usableFromInline static let longLength = 0xFFFF

    /// Entry chunks; written before any value that can read them exists.
    @usableFromInline let entryChunks: UnsafeMutablePointer<UnsafeMutablePointer<Entry>?>
    private var byteChunks: [UnsafeMutableRawPointer] = []
    private var free: UnsafeMutableRawPointer?
    private var freeBytes = 0
    /// Ids written so far (guarded by `lock` with the rest of the writing state).
    private var written = 0
    private let lock = Mutex(())

    init() {
        entryChunks = .allocate(capacity: IDStore.entryChunkCount)
        entryChunks.initialize(repeating: nil, count: IDStore.entryChunkCount)
    }

    deinit {
        for k in 0..<IDStore.entryChunkCount {
            guard let chunk = entryChunks[k] else { break }
            chunk.deallocate()
        }
        entryChunks.deallocate()
        for chunk in byteChunks { chunk.deallocate() }
    }

    /// The bytes of id `index` (which must have been written).
    @inlinable @inline(__always)
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        let entry = entry(index)
        let start = IDStore.start(of: entry)
        var length = Int(entry >> 48)
        if length == IDStore.longLength { length = start.unsafelyUnwrapped.loadUnaligned(fromByteOffset: -8, as: Int.self) }
        return UnsafeRawBufferPointer(start: start, count: length)
    }

    /// The entry of id `index` (which must have been written): its length and first byte's address.
    @inlinable @inline(__always)
    func entry(_ index: Int) -> Entry { entryChunks[index >> 16].unsafelyUnwrapped[index & 0xFFFF] }

    /// The address of an entry's first byte.
    @inlinable @inline(__always)
    static func start(of entry: Entry) -> UnsafeRawPointer? { UnsafeRawPointer(bitPattern: UInt(entry & 0xFFFF_FFFF_FFFF)) }

    /// Writes `bytes` as id number `index` if the store holds exactly `index` ids, and returns true;
    /// returns false (writing nothing) when another value has written past `index` since.
    func append(_ bytes: UnsafeRawBufferPointer, as index: Int) -> Bool {
        lock.withLock { _ in
            guard written == index else { return false }
            precondition(index < IDStore.entriesPerChunk * IDStore.entryChunkCount, "more than 2^32 customer ids")
            let long = bytes.count >= IDStore.longLength
            let needed = bytes.count + (long ? 8 : 0)
            if free == nil || needed > freeBytes {
                let size = max(IDStore.chunkBytes, needed)
                let chunk = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
                byteChunks.append(chunk)
                free = chunk
                freeBytes = size
            }
            var target = free.unsafelyUnwrapped
            if long {
                target.storeBytes(of: bytes.count, toByteOffset: 0, as: Int.self)
                target += 8
            }
            if let source = bytes.baseAddress, bytes.count > 0 { target.copyMemory(from: source, byteCount: bytes.count) }
            free = target + bytes.count
            freeBytes -= needed
            let address = UInt64(UInt(bitPattern: target))
            precondition(address >> 48 == 0, "id address beyond 48 bits")
            let chunk = index >> 16
            if entryChunks[chunk] == nil { entryChunks[chunk] = .allocate(capacity: IDStore.entriesPerChunk) }
            (entryChunks[chunk].unsafelyUnwrapped + (index & 0xFFFF)).initialize(to: UInt64(min(bytes.count, IDStore.longLength)) << 48 | address)
            written = index + 1
            return true
        }
    }

    /// A new store holding the first `count` ids of this one.
    func prefix(_ count: Int) -> IDStore {
        let copy = IDStore()
        for i in 0..<count { _ = copy.append(bytes(i), as: i) }
        return copy
    }
}
