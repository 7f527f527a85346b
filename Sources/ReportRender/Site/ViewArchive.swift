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
    indirect enum Value: Codable, Equatable {
        case string(String)
        case bool(Bool)
        case int(Int)
        case double(Double)
        case list([Value])
        case view([String: Value])

        // JSON: a string or a boolean as itself, a list as an array; an integer, a decimal number
        // and a view wrapped in an object whose one key says which ({"i": 2}, {"d": 2.0}, {"v": {…}}),
        // so that a number keeps its type and a view is told from a wrapper.
        private enum Keys: String, CodingKey { case i, d, v }

        init(from decoder: any Decoder) throws {
            if let c = try? decoder.singleValueContainer() {
                if let s = try? c.decode(String.self) { self = .string(s); return }
                if let b = try? c.decode(Bool.self) { self = .bool(b); return }
                if let l = try? c.decode([Value].self) { self = .list(l); return }
            }
            let c = try decoder.container(keyedBy: Keys.self)
            if let i = try c.decodeIfPresent(Int.self, forKey: .i) { self = .int(i); return }
            if let d = try c.decodeIfPresent(Double.self, forKey: .d) { self = .double(d); return }
            self = .view(try c.decode([String: Value].self, forKey: .v))
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
            case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
            case .list(let l): var c = encoder.singleValueContainer(); try c.encode(l)
            case .int(let i): var c = encoder.container(keyedBy: Keys.self); try c.encode(i, forKey: .i)
            case .double(let d): var c = encoder.container(keyedBy: Keys.self); try c.encode(d, forKey: .d)
            case .view(let v): var c = encoder.container(keyedBy: Keys.self); try c.encode(v, forKey: .v)
            }
        }

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

        /// The value as the templates see it.
        var any: Any {
            switch self {
            case .string(let s): s
            case .bool(let b): b
            case .int(let i): i
            case .double(let d): d
            case .list(let l): l.map(\.any)
            case .view(let v): v.mapValues(\.any)
            }
        }
    }

    /// The archive of named views (JSON text); nil when a view holds a value of another type.
    static func archive(_ views: [String: Any]) -> Data? {
        guard case .view(let value)? = Value(views) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(value)
    }

    /// The views of an archive; nil when it cannot be read (it is then not reused).
    static func views(_ data: Data) -> [String: Any]? {
        guard let value = try? JSONDecoder().decode([String: Value].self, from: data) else { return nil }
        return value.mapValues(\.any)
    }
}
