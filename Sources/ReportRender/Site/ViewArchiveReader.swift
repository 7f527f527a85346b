/// Reads a view archive (`ViewArchive.archive`'s JSON) straight into the values the templates see:
/// a string or a boolean as itself, a list as `[Any]`, `{"i": n}` as `Int`, `{"d": x}` as `Double`
/// and `{"v": {…}}` as a view (`[String: Any]`). Anything else (not JSON, another shape, a number
/// outside a wrapper) makes the whole archive unreadable (nil), so that its snapshot is rebuilt.
///
/// Hand-written for speed: `JSONDecoder` with `ViewArchive.Value`'s `Codable` conformance took
/// 0.3 s of CPU to read the 50 archives of a ledger's new-month build (6 ms each; perf).
struct ViewArchiveReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The named views of an archive; nil when it is not one.
    static func views(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: Any]? {
        var reader = ViewArchiveReader(bytes)
        guard let views = reader.members() else { return nil }
        reader.skipSpace()
        return reader.at == bytes.count ? views : nil
    }

    private mutating func skipSpace() {
        while at < bytes.count {
            let b = bytes[at]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            at += 1
        }
    }

    /// Consumes `byte` (after any space); false when something else comes.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A JSON object of archived values (the named views, or a view's members).
    private mutating func members() -> [String: Any]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var out: [String: Any] = [:]
        if take(UInt8(ascii: "}")) { return out }
        repeat {
            skipSpace()
            guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return nil }
            out[key] = value
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? out : nil
    }

    /// One archived value.
    private mutating func value() -> Any? {
        skipSpace()
        guard at < bytes.count else { return nil }
        switch bytes[at] {
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true") ? true : nil
        case UInt8(ascii: "f"): return literal("false") ? false : nil
        case UInt8(ascii: "["):
            at += 1
            var list: [Any] = []
            if take(UInt8(ascii: "]")) { return list }
            repeat {
                guard let item = value() else { return nil }
                list.append(item)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? list : nil
        case UInt8(ascii: "{"):
            // A wrapper of one member: "i" (an integer), "d" (a decimal number) or "v" (a view).
            at += 1
            skipSpace()
            guard let tag = string(), take(UInt8(ascii: ":")) else { return nil }
            let wrapped: Any?
            switch tag {
            case "i": wrapped = number().flatMap { Int($0) }
            case "d": wrapped = number().flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil }
            case "v": wrapped = members()
            default: wrapped = nil
            }
            guard let wrapped, take(UInt8(ascii: "}")) else { return nil }
            return wrapped
        default:
            return nil
        }
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { return false }
        for k in 0..<n where bytes[at + k] != word.utf8Start[k] { return false }
        at += n
        return true
    }

    /// The text of a JSON number (validated by the `Int` or `Double` made from it).
    private mutating func number() -> String? {
        skipSpace()
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            guard (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") else { break }
            at += 1
        }
        guard at > start else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }

    /// A JSON string at `at`, its escapes resolved; nil when it is not one (or not valid UTF-8).
    private mutating func string() -> String? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        at += 1
        let start = at
        // Most strings have no escape: one copy of their bytes.
        while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\"), bytes[at] >= 0x20 { at += 1 }
        guard at < bytes.count else { return nil }
        if bytes[at] == UInt8(ascii: "\"") {
            at += 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<(at - 1)]), as: UTF8.self)
        }
        var out = Array(bytes[start..<at])
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            if b == UInt8(ascii: "\"") { return String(validating: out, as: UTF8.self) }
            if b < 0x20 { return nil }
            guard b == UInt8(ascii: "\\") else { out.append(b); continue }
            guard at < bytes.count else { return nil }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4() else { return nil }
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate must be followed by an escaped low one.
                    guard literal("\\u"), let low = hex4(), low >= 0xDC00 && low < 0xE000 else { return nil }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: return nil
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            at += 1
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
