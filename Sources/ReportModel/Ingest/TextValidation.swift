/// UTF-8 checks for text fields.
public enum TextValidation {
    /// True when `bytes` are valid UTF-8 (ASCII fast path).
    @inline(__always)
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii { return true }
        return String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) != nil
    }
}
