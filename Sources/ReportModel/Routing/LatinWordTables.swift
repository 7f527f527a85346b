/// Word classes and folded forms of the scalars U+0000…U+024F (ASCII, Latin-1, Latin Extended A
/// and B, where French and the other Western European accents live) and U+2000…U+206F (General
/// Punctuation: the typographic apostrophe and quotes, dashes, the ellipsis, narrow spaces),
/// computed once from `FeedbackRouter.isWordScalar` and `FeedbackRouter.fold` for
/// `ScalarWords.split`, at `index(of:)`. (A scalar outside them is folded through its Unicode
/// properties: about 7,000 instructions for a typographic apostrophe, common in French text.)
struct LatinWordTables: Sendable {
    /// The table entry of scalar value `v`, nil outside the two ranges.
    @inline(__always) static func index(of v: UInt32) -> Int? {
        if v < 0x250 { return Int(v) }
        if v &- 0x2000 < 0x70 { return Int(v &- 0x2000) &+ 0x250 }
        return nil
    }

    /// The scalar values of the entries, in entry order.
    static let scalarValues: [UInt32] = Array(0 ..< 0x250) + Array(0x2000 ..< 0x2070)

    /// Whether entry t's scalar is a word scalar (a letter or a digit).
    let isWord: [Bool]
    /// The folded form of entry t is `foldValues[foldStart[t] ..< foldStart[t + 1]]`.
    let foldStart: [Int32]
    let foldValues: [UInt32]
    /// Whether each of `foldValues` is a word scalar.
    let foldIsWord: [Bool]

    static let shared = LatinWordTables()

    private init() {
        var isWord: [Bool] = [], foldStart: [Int32] = [], foldValues: [UInt32] = [], foldIsWord: [Bool] = []
        for v in LatinWordTables.scalarValues {
            let scalar = Unicode.Scalar(v)!
            isWord.append(FeedbackRouter.isWordScalar(scalar))
            foldStart.append(Int32(foldValues.count))
            for part in FeedbackRouter.fold(String(scalar)).unicodeScalars {
                foldValues.append(part.value)
                foldIsWord.append(FeedbackRouter.isWordScalar(part))
            }
        }
        foldStart.append(Int32(foldValues.count))
        self.isWord = isWord
        self.foldStart = foldStart
        self.foldValues = foldValues
        self.foldIsWord = foldIsWord
    }
}
