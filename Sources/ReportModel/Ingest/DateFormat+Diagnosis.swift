extension DateFormat {
    /// Why `raw`, which is not a date in this format, was refused, and what to write instead, for
    /// the error message. Two mistakes get a precise hint: a timestamp where a date is expected
    /// (`2026-01-05 14:33:00`, as databases export them), and a date in another format than the
    /// configured one (`05/01/2026` without `date_format: dd/mm/yyyy`).
    public func diagnosis(of raw: UnsafeRawBufferPointer) -> (problem: String, expected: String) {
        let b = FieldParser.trimmed(raw)
        if b.count > 10, b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"),
           FieldParser.date(UnsafeRawBufferPointer(rebasing: b[0..<10]), format: self) != nil {
            return ("is a date and a time", example + " without the time of day")
        }
        let others = DateFormat.allCases.filter { $0 != self && FieldParser.date(raw, format: $0) != nil }
        guard !others.isEmpty else { return ("is not a valid date", example) }
        let settings = others.map { "date_format: \($0.rawValue)" }.joined(separator: " or ")
        return ("is not a valid date", example + "; for dates written like this one, set \(settings) in fidelis.yml")
    }
}
