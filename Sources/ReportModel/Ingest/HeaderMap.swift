/// Where each known column sits in a file's header row.
public struct HeaderMap<Column: RawRepresentable & CaseIterable & Hashable>: Sendable where Column.RawValue == String, Column: Sendable {
    /// Field index of each known column.
    public var position: [Column: Int] = [:]
    /// Header names as written, by field index (for messages).
    public var names: [String] = []
    /// Header names that matched no column (reported once as a warning).
    public var unknown: [String] = []

    /// Reads the header record. Problems (duplicates, missing required columns) go to `errors`.
    public init(fields: [CSVField], reader: CSVReader, file: String, dialect: InputDialect, required: [Column], errors: inout InputErrors) {
        var scratch: [UInt8] = []
        for (index, field) in fields.enumerated() {
            let text = String(decoding: reader.unescapedBytes(field, scratch: &scratch), as: UTF8.self)
            names.append(text)
            var key = InputDialect.normalizedHeader(text)
            if let alias = dialect.columnAliases[key] { key = alias }
            guard let column = Column(rawValue: key) else {
                if !key.isEmpty && !unknown.contains(text) { unknown.append(text) }
                continue
            }
            if let first = position[column] {
                errors.append(InputError(file: file, line: field.line, column: index + 1,
                                         message: "column \(column.rawValue) appears twice (first as column \(first + 1))",
                                         expected: "each column once"))
                continue
            }
            position[column] = index
        }
        for column in required where position[column] == nil {
            errors.append(InputError(file: file, line: fields.first?.line ?? 1, column: 0,
                                     message: "required column \(column.rawValue) is missing",
                                     expected: "a header row with " + required.map(\.rawValue).joined(separator: ", ")))
        }
    }

    /// The display name of a field index.
    public func name(_ index: Int) -> String { index < names.count ? names[index] : "column \(index + 1)" }
}
