import Foundation
@testable import ReportRender

/// The archive's JSON read by `JSONDecoder`: the reference that `ViewArchiveReader`, which reads it
/// byte by byte, must agree with (`ViewArchiveTests`). A string or a boolean as itself, a list as an
/// array; an integer, a decimal number and a view wrapped in an object whose one key says which
/// ({"i": 2}, {"d": 2.0}, {"v": {…}}).
extension ViewArchive.Value: Codable {
    enum Keys: String, CodingKey { case i, d, v }

    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.singleValueContainer() {
            if let s = try? c.decode(String.self) { self = .string(s); return }
            if let b = try? c.decode(Bool.self) { self = .bool(b); return }
            if let l = try? c.decode([ViewArchive.Value].self) { self = .list(l); return }
        }
        let c = try decoder.container(keyedBy: Keys.self)
        if let i = try c.decodeIfPresent(Int.self, forKey: .i) { self = .int(i); return }
        if let d = try c.decodeIfPresent(Double.self, forKey: .d) { self = .double(d); return }
        self = .view(try c.decode([String: ViewArchive.Value].self, forKey: .v))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .list(let l): var c = encoder.singleValueContainer(); try c.encode(l)
        case .int(let i): var c = encoder.container(keyedBy: Keys.self); try c.encode(i, forKey: .i)
        case .double(let d): var c = encoder.container(keyedBy: Keys.self); try c.encode(d, forKey: .d)
        case .view(let v): var c = encoder.container(keyedBy: Keys.self); try c.encode(v, forKey: .v)
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

extension ViewArchive {
    /// The views of an archive read by `JSONDecoder` through `Value`'s `Codable` conformance.
    static func decodedViews(_ data: Data) -> [String: Any]? {
        guard let value = try? JSONDecoder().decode([String: Value].self, from: data) else { return nil }
        return value.mapValues(\.any)
    }
}
