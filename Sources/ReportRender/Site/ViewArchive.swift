import Foundation

/// A template view (`[String: Any]` of strings, booleans, numbers, lists and nested views) kept in
/// the site, so that a later build can render a reused snapshot's HTML pages again (with a new
/// navigation) without recomputing the snapshot's predictive-value fit and views.
///
/// Every value keeps its Swift type through the archive (`2` stays an `Int`, `2.0` a `Double`,
/// `true` a `Bool`), so the pages rendered from it are byte-identical to those rendered from the
/// original view. A view holding any other type is not archived (`archive` returns nil) and its
/// snapshot is simply rebuilt in full next time.
enum ViewArchive {
    /// One value of a view, tagged with its type.
    indirect enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case int(Int)
        case double(Double)
        case list([Value])
        case view([String: Value])

        // JSON: a string or a boolean as itself, a list as an array; an integer, a decimal number
        // and a view wrapped in an object whose one key says which ({"i": 2}, {"d": 2.0}, {"v": {…}}),
        // so that a number keeps its type and a view is told from a wrapper. (`write` writes it;
        // the tests read it back with `JSONDecoder` too, through a `Codable` conformance of theirs.)

        /// The archived form of `any`; nil for a type a view is not made of.
        init?(_ any: Any) {
            switch any {
            case let s as String: self = .string(s)
            case let b as Bool where type(of: any) == Bool.self: self = .bool(b)
            case let i as Int where type(of: any) == Int.self: self = .int(i)
            case let d as Double where type(of: any) == Double.self && d.isFinite: self = .double(d)
            case let v as [String: Any]:
                var out: [String: Value] = [:]
                for (key, item) in v {
                    guard let value = Value(item) else { return nil }
                    out[key] = value
                }
                self = .view(out)
            case let l as [Any]:
                var out: [Value] = []
                out.reserveCapacity(l.count)
                for item in l {
                    guard let value = Value(item) else { return nil }
                    out.append(value)
                }
                self = .list(out)
            default: return nil
            }
        }

        /// Compact JSON in the form `init(from:)` reads: numbers in their shortest round-trip
        /// form, the keys of a view in `String` order.
        func write(into out: inout [UInt8]) {
            switch self {
            case .string(let s): Value.quote(s, into: &out)
            case .bool(let b): out.append(contentsOf: b ? Value.trueText : Value.falseText)
            case .int(let i): out.append(contentsOf: Value.intOpen); out.append(contentsOf: String(i).utf8); out.append(UInt8(ascii: "}"))
            case .double(let d): out.append(contentsOf: Value.doubleOpen); out.append(contentsOf: d.description.utf8); out.append(UInt8(ascii: "}"))
            case .list(let l):
                out.append(UInt8(ascii: "["))
                for (k, item) in l.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .view(let v):
                out.append(contentsOf: Value.viewOpen)
                Value.write(v, into: &out)
                out.append(contentsOf: Value.viewClose)
            }
        }

        private static let trueText = Array("true".utf8), falseText = Array("false".utf8)
        private static let intOpen = Array("{\"i\":".utf8), doubleOpen = Array("{\"d\":".utf8)
        private static let viewOpen = Array("{\"v\":{".utf8), viewClose = Array("}}".utf8)
        private static let hexDigits = Array("0123456789abcdef".utf8)

        /// The members of a view (`"key":value,…`, keys in `String` order).
        static func write(_ view: [String: Value], into out: inout [UInt8]) {
            for (k, key) in view.keys.sorted().enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                view[key]!.write(into: &out)
            }
        }

        /// A JSON string: `"` and `\` escaped, control bytes as `\u00XX`, the rest as UTF-8 (copied
        /// a run at a time).
        static func quote(_ text: String, into out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { bytes in
                var run = 0
                for (k, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                    run = k + 1
                    if b >= 0x20 { out.append(contentsOf: [UInt8(ascii: "\\"), b]); continue }
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Value.hexDigits[Int(b >> 4)], Value.hexDigits[Int(b & 0xF)]])
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    /// The archive of named views (JSON text, keys sorted); nil when a view holds a value of
    /// another type.
    ///
    /// Written straight as bytes, not through `JSONEncoder` (which built a tree of the whole
    /// archive first: 0.29 s of CPU for the 63 archives of a 500 k-customer ledger build, 3 % of
    /// it). `ViewArchiveReader` reads it back (`views`), as `JSONDecoder` would (the tests check it).
    static func archive(_ views: [String: Any]) -> Data? {
        guard case .view(let value)? = Value(views) else { return nil }
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(1 << 18)
        Value.write(value, into: &out)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// The views of an archive; nil when it cannot be read (it is then not reused). Read by
    /// `ViewArchiveReader`, which must agree with `JSONDecoder` (the tests check it).
    static func views(_ data: Data) -> [String: Any]? {
        data.withUnsafeBytes { ViewArchiveReader.views($0.bindMemory(to: UInt8.self)) }
    }
}
