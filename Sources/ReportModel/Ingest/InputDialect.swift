/// How input CSV files are written: delimiter, date format and header aliases (from the config).
public struct InputDialect: Sendable, Equatable {
    /// A forced delimiter; nil detects `;` or `,` from the header row.
    public var delimiter: UInt8?
    public var dateFormat: DateFormat
    /// Other header names mapped onto the contract's names, keys lower-cased and trimmed.
    public var columnAliases: [String: String]

    public init(delimiter: UInt8? = nil, dateFormat: DateFormat = .iso, columnAliases: [String: String] = [:]) {
        self.delimiter = delimiter
        self.dateFormat = dateFormat
        // Keys that collide once normalised keep the first mapping (ConfigLoader reports them as errors).
        self.columnAliases = Dictionary(columnAliases.map { (InputDialect.normalizedHeader($0.key), InputDialect.normalizedHeader($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    /// What `columns:` maps a header name to when the column is to be left out without the
    /// unknown-column warning (`columns: {email: ignore}`): an export's extra columns would
    /// otherwise fail every `--strict` run.
    public static let ignoredColumn = "ignore"

    /// Header names are matched case-insensitively after trimming spaces.
    /// (Line breaks are trimmed too: a quoted `"first_order_date\r"` was dropped as unknown.)
    public static func normalizedHeader(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The delimiter for a file: the forced one, or `;` when the header row has more `;` than `,`.
    /// The count stops at a NUL byte, which no text has: the reader then says the file is not text.
    /// (A binary file without a line end was read to its end first: 1.9 s for 2 GB of zeros before
    /// the error at 1:1.)
    public func delimiter(forHeaderOf bytes: UnsafeRawBufferPointer) -> UInt8 {
        if let delimiter { return delimiter }
        var commas = 0, semicolons = 0, inQuotes = false, seenContent = false
        for b in bytes {
            if b == 0 { break }
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if b == UInt8(ascii: "\n") {
                // Blank lines before the header are skipped, as the CSV reader does.
                if seenContent { break } else { continue }
            }
            if b != UInt8(ascii: "\r") && b != 0xEF && b != 0xBB && b != 0xBF { seenContent = true }
            if b == UInt8(ascii: ",") { commas += 1 } else if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}

extension StringProtocol {
    /// Drops the given characters from both ends.
    public func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(String(self))
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
