extension DateFormat {
    /// Why `raw`, which is not a date in this format, was refused, and what to write instead, for
    /// the error message. Two mistakes get a precise hint: a timestamp where a date is expected
    /// (`2026-01-05 14:33:00`, as databases export them), and a date in another format than the
    /// configured one (`05/01/2026` without `date_format: dd/mm/yyyy`).
    public func diagnosis(of raw: UnsafeRawBufferPointer) -> (problem: String, expected: String) {
        let b = FieldParser.trimmed(raw)
        if b.count > 10, b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"),
           FieldParser.date(UnsafeRawBufferPointer(rebasing: b[0..<10]), format: self) != nil {
            return (bilingual("is a date and a time", "est une date avec une heure"), example + bilingual(" without the time of day", " sans l'heure"))
        }
        // A timestamp whose date is itself mistyped for this format (`12/1/2010 8:26`): the time
        // named first, then what the date lacks.
        if let cut = b.firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "T") }), cut >= 6,
           b[(cut + 1)...].contains(UInt8(ascii: ":")) {
            let date = diagnosis(of: UnsafeRawBufferPointer(rebasing: b[..<cut]))
            if date.expected != example || FieldParser.date(UnsafeRawBufferPointer(rebasing: b[..<cut]), format: self) != nil {
                return (bilingual("is a date and a time", "est une date avec une heure"), example + bilingual(" without the time of day", " sans l'heure") + date.expected.dropFirst(example.count))
            }
        }
        // A month or a day written with one digit (`2026-1-5`, `5/1/2026`), as spreadsheets show dates.
        if let padded = DateFormat.zeroPadded(b), padded.count == 10 {
            let matching = DateFormat.allCases.filter { f in Array(padded.utf8).withUnsafeBytes { FieldParser.date($0, format: f) != nil } }
            if !matching.isEmpty {
                let setting = matching.contains(self) ? ""
                    : bilingual(", and set ", ", et indiquez ") + matching.map { "date_format: \($0.rawValue)" }.joined(separator: bilingual(" or ", " ou ")) + bilingual(" in fidelis.yml", " dans fidelis.yml")
                return (bilingual("is not a valid date", "n'est pas une date valide"), example + bilingual("; write the month and the day with two digits each, as \(padded)", "\u{202F}; écrivez le mois et le jour avec deux chiffres chacun, comme \(padded)") + setting)
            }
        }
        let others = DateFormat.allCases.filter { $0 != self && FieldParser.date(raw, format: $0) != nil }
        guard !others.isEmpty else { return (bilingual("is not a valid date", "n'est pas une date valide"), example) }
        let settings = others.map { "date_format: \($0.rawValue)" }.joined(separator: bilingual(" or ", " ou "))
        return (bilingual("is not a valid date", "n'est pas une date valide"), example + bilingual("; for dates written like this one, set \(settings) in fidelis.yml", "\u{202F}; pour des dates écrites comme celle-ci, indiquez \(settings) dans fidelis.yml"))
    }

    /// `raw` with each of its one-digit parts given a leading zero (`2026-1-5` → `2026-01-05`), when
    /// it is three runs of digits joined by one separator (`-` or `/`), one of them with four digits,
    /// and some part has a single digit; nil otherwise.
    static func zeroPadded(_ raw: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: raw, as: UTF8.self)
        guard let separator = text.first(where: { $0 == "-" || $0 == "/" }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
              parts.filter({ $0.count == 4 }).count == 1, parts.contains(where: { $0.count == 1 }),
              parts.allSatisfy({ $0.count != 3 }) else { return nil }
        return parts.map { $0.count == 1 ? "0" + $0 : String($0) }.joined(separator: String(separator))
    }
}
