import Foundation

/// A tiny RFC 4180 reader for the sample-generator tests (quotes, `""`, line breaks in fields, BOM, CRLF).
enum SampleTestCSV {
    /// Rows of fields of a CSV file.
    static func rows(of url: URL, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        let bytes = [UInt8](try Data(contentsOf: url))
        return parse(bytes, delimiter: delimiter)
    }

    static func parse(_ input: [UInt8], delimiter: UInt8) -> [[String]] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let quote = UInt8(ascii: "\"")
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = bytes.startIndex
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.endIndex {
            let b = bytes[index]
            if inQuotes {
                if b == quote {
                    let next = bytes.index(after: index)
                    if next < bytes.endIndex && bytes[next] == quote {
                        field.append(quote)
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(b)
                }
            } else if b == quote {
                inQuotes = true
            } else if b == delimiter {
                endField()
            } else if b == 13 || b == 10 {
                let next = bytes.index(after: index)
                if b == 13 && next < bytes.endIndex && bytes[next] == 10 { index = next }
                endField()
                rows.append(row)
                row = []
            } else {
                field.append(b)
            }
            index = bytes.index(after: index)
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// A decimal with up to two decimals (`.` or `,` mark, optional `-`) in cents.
    static func cents(_ text: String) -> Int? {
        var s = Substring(text)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: s.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let f = Int(parts[1]) else { return nil }
            fraction = f
        }
        let value = whole * 100 + fraction
        return negative ? -value : value
    }
}
