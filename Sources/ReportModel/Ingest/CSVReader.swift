/// A byte-level RFC 4180 record reader over a buffer.
///
/// Yields records as arrays of `CSVField` byte ranges (no `String` per field); the caller reuses the
/// array between records. Handles quotes, `""`, quoted line breaks, `\n` and `\r\n` line ends and a
/// leading UTF-8 byte-order mark. Blank lines are skipped. NUL bytes are rejected.
public struct CSVReader {
    private let base: UnsafePointer<UInt8>?
    private let count: Int
    private var position: Int
    /// The physical line the reader stands on (1-based).
    public private(set) var line = 1
    /// Offset of the next unread byte.
    public var offset: Int { position }
    /// The delimiter byte (`,` or `;`).
    public let delimiter: UInt8

    // Byte classes for the scanning loop: one table load per byte.
    private static let plain: UInt8 = 0, separator: UInt8 = 1, quote: UInt8 = 2, newline: UInt8 = 3, carriage: UInt8 = 4, nul: UInt8 = 5
    private let classes: [UInt8]

    /// Reads `bytes` with `delimiter`; skips a UTF-8 BOM.
    public init(bytes: UnsafeRawBufferPointer, delimiter: UInt8) {
        self.base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        self.count = bytes.count
        self.delimiter = delimiter
        var table = [UInt8](repeating: CSVReader.plain, count: 256)
        table[Int(delimiter)] = CSVReader.separator
        table[Int(UInt8(ascii: "\""))] = CSVReader.quote
        table[Int(UInt8(ascii: "\n"))] = CSVReader.newline
        table[Int(UInt8(ascii: "\r"))] = CSVReader.carriage
        table[0] = CSVReader.nul
        self.classes = table
        if count >= 3, let b = base, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { position = 3 } else { position = 0 }
    }

    /// The error for a file that is not CSV text at all, told by its first bytes: UTF-16 or UTF-32
    /// text (spreadsheets' "Unicode text" exports), two byte-order marks, a gzip file, a ZIP archive
    /// (an .xlsx workbook is one) or a legacy .xls workbook. Nil for anything else, which the reader then reads.
    public static func notText(_ bytes: UnsafeRawBufferPointer) -> CSVSyntaxError? {
        guard bytes.count >= 2 else { return nil }
        let b = bytes
        func starts(_ signature: [UInt8]) -> Bool { b.count >= signature.count && zip(b, signature).allSatisfy { $0 == $1 } }
        let what: String, expected: String
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) {
            (what, expected) = (bilingual("the file is UTF-32 text", "le fichier est du texte UTF-32"), bilingual("UTF-8 text: export it as CSV UTF-8", "du texte UTF-8\u{00A0}: exportez-le en CSV UTF-8"))
        } else if starts([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) {
            // A byte-order mark written twice (a UTF-8 file saved again as "UTF-8 with BOM"): the
            // second one was read into the first header name, whose hint then named it.
            (what, expected) = (bilingual("the file starts with two byte-order marks", "le fichier commence par deux indicateurs d'ordre des octets (BOM)"), bilingual("one at most: save the file as CSV UTF-8 again, or remove the invisible characters before the first name", "un au plus\u{00A0}: enregistrez de nouveau le fichier en CSV UTF-8, ou supprimez les caractères invisibles avant le premier nom"))
        } else if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) || (b[0] == 0) != (b[1] == 0) {
            (what, expected) = (bilingual("the file is UTF-16 text", "le fichier est du texte UTF-16"), bilingual("UTF-8 text: export it as CSV UTF-8", "du texte UTF-8\u{00A0}: exportez-le en CSV UTF-8"))
        } else if starts([0x1F, 0x8B]) {
            (what, expected) = (bilingual("the file is gzip-compressed", "le fichier est compressé en gzip"), bilingual("CSV text: decompress it first", "du texte CSV\u{00A0}: décompressez-le d'abord"))
        } else if starts([0x50, 0x4B, 0x03, 0x04]) {
            (what, expected) = (bilingual("the file is a ZIP archive, as an .xlsx workbook is", "le fichier est une archive ZIP, comme un classeur .xlsx"), bilingual("CSV text: save the sheet as CSV UTF-8, or unzip the export", "du texte CSV\u{00A0}: enregistrez la feuille en CSV UTF-8, ou décompressez l'export"))
        } else if starts([0xD0, 0xCF, 0x11, 0xE0]) {
            (what, expected) = (bilingual("the file is an .xls workbook", "le fichier est un classeur .xls"), bilingual("CSV text: save the sheet as CSV UTF-8", "du texte CSV\u{00A0}: enregistrez la feuille en CSV UTF-8"))
        } else {
            return nil
        }
        return CSVSyntaxError(line: 1, column: 1, message: what, expected: expected)
    }

    /// The byte at an offset.
    @inline(__always) public func byte(at offset: Int) -> UInt8 { base![offset] }

    /// The raw bytes of a field (quotes removed; `""` pairs still doubled).
    public func rawBytes(_ field: CSVField) -> UnsafeRawBufferPointer {
        guard let base else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base + field.start, count: field.count)
    }

    /// The field's text bytes with `""` collapsed to `"`, written into `scratch` when needed.
    public func unescapedBytes(_ field: CSVField, scratch: inout [UInt8]) -> [UInt8] {
        let raw = rawBytes(field)
        guard field.hasEscapedQuotes else { return Array(raw) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            scratch.append(b)
            i += (b == UInt8(ascii: "\"") && i + 1 < raw.count && raw[i + 1] == UInt8(ascii: "\"")) ? 2 : 1
        }
        return scratch
    }

    /// The text of a quoted field's content `raw` (`rawBytes`, or the range `CSVRowScanner.text`
    /// gives), each doubled quote read as one, as `unescapedBytes` reads it: one `String` made from
    /// the bytes, for both read paths' text fields.
    public static func unescapedText(_ raw: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: raw.count) { out in
            var n = 0, i = 0
            while i < raw.count {
                let b = raw[i]
                out[n] = b
                n += 1
                i += (b == UInt8(ascii: "\"") && i + 1 < raw.count && raw[i + 1] == UInt8(ascii: "\"")) ? 2 : 1
            }
            return n
        }
    }

    /// Moves past a one-line record that was decoded elsewhere (`SnapshotRowDecoder`) to `offset`,
    /// the byte after its line end.
    public mutating func skipLine(to offset: Int) {
        position = offset
        line += 1
    }

    /// Moves past `count` one-line records decoded elsewhere, to `offset`.
    public mutating func skipLines(to offset: Int, count: Int) {
        position = offset
        line += count
    }

    /// Reads the next non-blank record into `fields`. Returns false at the end of the input.
    public mutating func nextRecord(into fields: inout [CSVField]) throws(CSVSyntaxError) -> Bool {
        guard let base else { return false }
        while true {
            fields.removeAll(keepingCapacity: true)
            guard position < count else { return false }
            if try readRecord(base, into: &fields) {
                // A blank line is one empty unquoted field: skip it.
                if fields.count == 1 && fields[0].isEmpty && !fields[0].quoted { continue }
                return true
            }
            return false
        }
    }

    /// Reads fields until the end of the record. Returns false only when nothing was left to read.
    private mutating func readRecord(_ base: UnsafePointer<UInt8>, into fields: inout [CSVField]) throws(CSVSyntaxError) -> Bool {
        var p = position
        let n = count
        let table = classes
        try table.withUnsafeBufferPointer { (cls) throws(CSVSyntaxError) in
            while true {
                let fieldLine = line
                let column = fields.count + 1
                if p < n && base[p] == UInt8(ascii: "\"") {
                    // Quoted field.
                    let start = p + 1
                    var q = start
                    var escaped = false
                    while true {
                        guard q < n else {
                            throw CSVSyntaxError(line: fieldLine, column: column, message: bilingual("quoted field is never closed", "champ entre guillemets jamais refermé"), expected: bilingual("a closing quote \" before the end of the file", "un guillemet fermant \" avant la fin du fichier"))
                        }
                        let b = base[q]
                        if b == UInt8(ascii: "\"") {
                            if q + 1 < n && base[q + 1] == UInt8(ascii: "\"") { escaped = true; q += 2; continue }
                            break
                        }
                        if b == 0 { throw CSVSyntaxError(line: line, column: column, message: bilingual("NUL byte in field", "octet NUL dans un champ"), expected: bilingual("text without NUL bytes", "du texte sans octet NUL")) }
                        if b == UInt8(ascii: "\n") { line += 1 }
                        q += 1
                    }
                    fields.append(CSVField(start: start, end: q, line: fieldLine, quoted: true, hasEscapedQuotes: escaped))
                    p = q + 1
                    // After the closing quote: delimiter, line end or end of input.
                    if p >= n { break }
                    let c = cls[Int(base[p])]
                    if c == CSVReader.separator { p += 1; continue }
                    if c == CSVReader.newline { p += 1; line += 1; break }
                    if c == CSVReader.carriage && p + 1 < n && base[p + 1] == UInt8(ascii: "\n") { p += 2; line += 1; break }
                    if c == CSVReader.carriage && p + 1 == n { p += 1; break }
                    // A quoted field that ran over lines ended at a quote meant to open another
                    // field: the quote left open is where the field began, said as the likely cause.
                    let opened = line > fieldLine ? bilingual(" (this quoted field began on line \(fieldLine): a quote left open there?)", " (ce champ entre guillemets commence ligne \(fieldLine)\u{00A0}: un guillemet resté ouvert là-bas\u{00A0}?)") : ""
                    throw CSVSyntaxError(line: line, column: column, message: bilingual("unexpected character after a closing quote", "caractère inattendu après un guillemet fermant") + opened, expected: bilingual("a delimiter or a line end after the quoted field", "un séparateur ou une fin de ligne après le champ entre guillemets"))
                }
                // Unquoted field.
                let start = p
                var endOfRecord = false
                while p < n {
                    let c = cls[Int(base[p])]
                    if c == CSVReader.plain || c == CSVReader.quote || c == CSVReader.carriage {
                        // `\r\n`, or a `\r` as the input's last byte (a CRLF file cut after its `\r`), ends the record.
                        if c == CSVReader.carriage && (p + 1 == n || base[p + 1] == UInt8(ascii: "\n")) { break }
                        p += 1
                        continue
                    }
                    if c == CSVReader.nul { throw CSVSyntaxError(line: line, column: column, message: bilingual("NUL byte in field", "octet NUL dans un champ"), expected: bilingual("text without NUL bytes", "du texte sans octet NUL")) }
                    break
                }
                var end = p
                if p >= n {
                    endOfRecord = true
                } else {
                    let c = cls[Int(base[p])]
                    if c == CSVReader.separator {
                        p += 1
                    } else if c == CSVReader.newline {
                        p += 1; line += 1; endOfRecord = true
                    } else { // \r\n, or a final \r
                        p += p + 1 < n ? 2 : 1; line += 1; endOfRecord = true
                    }
                }
                if end < start { end = start }
                fields.append(CSVField(start: start, end: end, line: fieldLine, quoted: false, hasEscapedQuotes: false))
                if endOfRecord { break }
                if p >= n {
                    // A delimiter as the very last byte: one more empty field.
                    fields.append(CSVField(start: p, end: p, line: line, quoted: false, hasEscapedQuotes: false))
                    break
                }
            }
        }
        position = p
        return true
    }
}
