/// UTF-8 checks for text fields.
public enum TextValidation {
    /// What a text that is not UTF-8 should be, for error messages: such files are most often
    /// exported by spreadsheets in a legacy encoding.
    public static var expectedUTF8: String {
        bilingual("UTF-8 text; the file may be in Latin-1 or Windows-1252: export it as CSV UTF-8",
                  "du texte UTF-8\u{202F}; le fichier est peut-être en Latin-1 ou en Windows-1252\u{00A0}: exportez-le en CSV UTF-8")
    }

    /// What to do with a file whose header is not UTF-8, for a hint or a warning.
    public static var saveAsUTF8: String {
        bilingual("the file looks saved as Windows-1252 or Latin-1, as Excel's \"CSV (separator: semicolon)\" saves it; "
                  + "save it as \"CSV UTF-8\", or convert it with iconv -f cp1252 -t utf-8",
                  "le fichier semble enregistré en Windows-1252 ou en Latin-1, comme Excel enregistre le format \"CSV (séparateur\u{00A0}: point-virgule)\"\u{202F}; "
                  + "enregistrez-le en \"CSV UTF-8\", ou convertissez-le avec iconv -f cp1252 -t utf-8")
    }

    /// True when `bytes` are all ASCII (such ids compare as `String`s as their bytes do).
    @inline(__always)
    public static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        !bytes.contains { $0 >= 0x80 }
    }

    /// True when `bytes` are valid UTF-8 (RFC 3629: shortest forms only, no surrogates, at most
    /// U+10FFFF). Checked here rather than by `String(validating:)`, whose generic path looked up
    /// type metadata on every call (5 % of reading a snapshot with a text column, callgrind).
    @inline(__always)
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = bytes.count
        // ASCII fast path, eight bytes at a time.
        if let base = bytes.baseAddress {
            while i + 8 <= n {
                if base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF   // bounds of the second byte
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let b1 = bytes[i + 1]
            guard b1 >= lower && b1 <= upper else { return false }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
