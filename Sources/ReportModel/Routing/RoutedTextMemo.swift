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
    /// One routed text and its area's slot (`FeedbackRouter.routing`'s numbering).
    struct Entry {
        let text: String
        let slot: Int8
    }

    /// The most texts one routing remembers for the next: the texts stay alive with their snapshot's
    /// table gone, so an export whose verbatims are all different is held to a few MB more (the
    /// sample snapshots have 48 distinct verbatims each).
    static let capacity = 1 << 16

    /// The texts of the latest snapshot routed, by `key(_:)`.
    private let latest = Mutex<[UInt64: Entry]>([:])

    init() {}

    /// The texts routed by the latest snapshot's routing (empty before the first).
    func previous() -> [UInt64: Entry] { latest.withLock { $0 } }

    /// How many texts it holds.
    var count: Int { latest.withLock { $0.count } }

    /// Keeps `texts` (one snapshot's) for the next routing, in place of the previous ones: memory
    /// in proportion to one snapshot's distinct verbatims.
    func keep(_ texts: [UInt64: Entry]) { latest.withLock { $0 = texts } }

    /// A 64-bit hash of the text's UTF-8 bytes, eight at a time (the keys of the tables above; two
    /// texts with the same key are told apart by `same`).
    static func key(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            guard let base = bytes.baseAddress else { return h }
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i &+ 8 <= bytes.count {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i &+= 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift &+= 8
                i &+= 1
            }
            return mix(h ^ tail)
        }
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }

    /// Whether the two texts have the same UTF-8 bytes.
    static func same(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}
