// libFuzzer target: the number, money, date and boolean parsers on arbitrary bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFieldParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if let v = FieldParser.nonNegativeInteger(bytes) { precondition(v >= 0) }
    _ = FieldParser.integer(bytes)
    for comma in [false, true] {
        if let units = Money.parse(bytes, decimalComma: comma, allowNegative: true) {
            // A parsed amount printed back and parsed again is the same amount.
            let negative = units < 0
            let m = units.magnitude
            let text = (negative ? "-" : "") + String(m / 10_000) + "." + String(String(m % 10_000 + 10_000).dropFirst())
            let again = text.utf8CString.withUnsafeBufferPointer { buf in
                Money.parse(UnsafeRawBufferPointer(start: buf.baseAddress, count: buf.count - 1), decimalComma: false, allowNegative: true)
            }
            precondition(again == units, "round trip \(units) → \(text) → \(String(describing: again))")
        }
    }
    for format in DateFormat.allCases {
        if let day = FieldParser.date(bytes, format: format) {
            let c = day.civil
            precondition(Day(year: c.year, month: c.month, day: c.day) == day)
        }
    }
    _ = FieldParser.boolean(bytes)
    _ = SnapshotPeriod(fileName: String(decoding: bytes, as: UTF8.self))
    return 0
}
