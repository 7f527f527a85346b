/// The `String` of a column with few distinct values (a loyalty tier), made once per distinct byte
/// sequence instead of once per row. Holds at most `capacity` values; others are made each time.
struct RepeatedTextCache {
    static let capacity = 16
    private var bytes: [[UInt8]] = []
    private var texts: [String] = []

    /// The text cached for `raw`, if any.
    func text(_ raw: UnsafeRawBufferPointer) -> String? {
        for (k, candidate) in bytes.enumerated() where candidate.count == raw.count {
            if candidate.withUnsafeBytes({ $0.elementsEqual(raw) }) { return texts[k] }
        }
        return nil
    }

    /// Remembers `text` as the text of `raw` while there is room.
    mutating func insert(_ raw: UnsafeRawBufferPointer, _ text: String) {
        guard bytes.count < RepeatedTextCache.capacity else { return }
        bytes.append(Array(raw))
        texts.append(text)
    }
}
