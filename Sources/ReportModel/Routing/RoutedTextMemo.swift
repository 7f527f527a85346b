import Foundation
import Synchronization

/// Where verbatims went, by their exact text, kept from one snapshot's routing to the next
/// (internal to `FeedbackRouter`, whose copies share one).
///
/// A monthly export repeats most customers' last verbatim, and many verbatims are short stock
/// phrases: looking a text up here (a hash of its bytes, one table probe, one byte comparison) costs
/// a fraction of routing it (splitting it into words as written and folded, looking each word up
/// among the keywords). Texts are compared byte for byte (UTF-8), never with `String`'s `==`, which
/// compares Unicode-normalised text: two spellings of "é" are two verbatims here, each routed once.
/// A verbatim's area depends on its text only, so the routing is the same with or without it.
final class RoutedTextMemo: Sendable {
    /// The most texts one routing remembers for the next: their bytes are kept after their
    /// snapshot's table is gone, so an export whose verbatims are all different is held to 2.2 MB of
    /// table and its texts' bytes (6.5 MB at 100 bytes a verbatim) per routing, two alive at a time
    /// (the sample snapshots have 48 distinct verbatims each).
    static let capacity = 1 << 16

    /// The texts of the latest snapshot routed.
    private let latest = Mutex<Table>(Table(expected: 0))

    init() {}

    /// The texts routed by the latest snapshot's routing (empty before the first).
    func previous() -> Table { latest.withLock { $0 } }

    /// How many texts it holds.
    var count: Int { latest.withLock { $0.count } }

    /// Keeps `texts` (one snapshot's) for the next routing, in place of the previous ones: memory
    /// in proportion to one snapshot's distinct verbatims, at most `capacity` of them.
    func keep(_ texts: Table) { latest.withLock { $0 = texts } }

    /// Texts and their area's slot (`FeedbackRouter.routing`'s numbering), by `key(_:)`: an
    /// open-addressing table of the keys themselves (they are hashes already), probed linearly, with
    /// each text's bytes copied into one buffer. (A `Dictionary` keyed by them hashed each key again;
    /// and holding the texts as `String`s retained and released each one, a cache miss apiece on
    /// objects the reader made long before: an export whose verbatims were all new each month routed
    /// 5 % slower with those than without a memo.)
    struct Table: Sendable {
        private var keys: [UInt64]
        /// Per used key: where its text starts in `bytes`, its length and its slot.
        private var starts: [Int32]
        private var lengths: [Int32]
        private var slots: [Int8]
        private var bytes: [UInt8] = []
        private(set) var count = 0

        /// Room for `expected` texts without growing.
        init(expected: Int) {
            var size = 16
            while size < 2 * expected { size <<= 1 }
            keys = [UInt64](repeating: 0, count: size)
            starts = [Int32](repeating: 0, count: size)
            lengths = [Int32](repeating: 0, count: size)
            slots = [Int8](repeating: 0, count: size)
        }

        /// The slot of the text of UTF-8 `text` (whose key is `key`), if it is here.
        func slot(of text: UnsafeBufferPointer<UInt8>, key: UInt64) -> Int8? {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key) & mask
            while true {
                let k = keys[i]
                if k == 0 { return nil }
                if k == key && Int(lengths[i]) == text.count {
                    let start = Int(starts[i])
                    let equal = bytes.withUnsafeBufferPointer { stored in
                        text.count == 0 || memcmp(stored.baseAddress! + start, text.baseAddress!, text.count) == 0
                    }
                    if equal { return slots[i] }
                }
                i = (i + 1) & mask
            }
        }

        /// Adds the text of UTF-8 `text` with its slot, unless a text with the same key is here.
        mutating func insert(_ text: UnsafeBufferPointer<UInt8>, key: UInt64, slot: Int8) {
            guard bytes.count + text.count < Int(Int32.max) else { return }
            if 2 * (count + 1) > keys.count { grow() }
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key) & mask
            while keys[i] != 0 {
                if keys[i] == key { return }
                i = (i + 1) & mask
            }
            keys[i] = key
            starts[i] = Int32(bytes.count)
            lengths[i] = Int32(text.count)
            slots[i] = slot
            bytes.append(contentsOf: text)
            count += 1
        }

        private mutating func grow() {
            var bigger = Table(expected: keys.count)
            swap(&bigger.bytes, &bytes)
            let mask = bigger.keys.count - 1
            for old in keys.indices where keys[old] != 0 {
                var i = Int(truncatingIfNeeded: keys[old]) & mask
                while bigger.keys[i] != 0 { i = (i + 1) & mask }
                bigger.keys[i] = keys[old]
                bigger.starts[i] = starts[old]
                bigger.lengths[i] = lengths[old]
                bigger.slots[i] = slots[old]
            }
            bigger.count = count
            self = bigger
        }
    }

    /// A 64-bit key of UTF-8 bytes (`ContentHash`'s first word), never 0 (the tables' empty mark;
    /// two texts with the same key are told apart by their bytes).
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = ContentHash()
        hash.update(UnsafeRawBufferPointer(bytes))
        let k = hash.words.0
        return k == 0 ? 1 : k
    }
}
