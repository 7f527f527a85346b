/// Word classes and folded forms of the scalars U+0000…U+024F (ASCII, Latin-1, Latin Extended A
/// and B, where French and the other Western European accents live), computed once from
/// `FeedbackRouter.isWordScalar` and `FeedbackRouter.fold` for `ScalarWords.split`.
struct LatinWordTables: Sendable {
    /// Whether scalar value v is a word scalar (a letter or a digit).
    let isWord: [Bool]
    /// The folded form of v is `foldValues[foldStart[v] ..< foldStart[v + 1]]`.
    let foldStart: [Int32]
    let foldValues: [UInt32]
    /// Whether each of `foldValues` is a word scalar.
    let foldIsWord: [Bool]

    static let shared = LatinWordTables()

    private init() {
        var isWord: [Bool] = [], foldStart: [Int32] = [], foldValues: [UInt32] = [], foldIsWord: [Bool] = []
        for v in UInt32(0) ..< 0x250 {
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
