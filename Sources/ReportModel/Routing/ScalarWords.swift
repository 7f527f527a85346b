/// The words of a verbatim as Unicode scalar values: runs of letters and digits (as
/// `FeedbackRouter.words`), optionally of the folded text (as `FeedbackRouter.fold`), kept in one
/// buffer with a range per word, so that splitting a verbatim allocates two arrays, not a string per word.
struct ScalarWords {
    private var scalars: [UInt32] = []
    private var bounds: [Int] = []   // start, end of word 0, start, end of word 1, …
    private var inWord = false

    /// Number of words.
    var count: Int { bounds.count / 2 }

    init(_ text: String, folded: Bool) {
        scalars.reserveCapacity(text.utf8.count)
        bounds.reserveCapacity(32)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                take(folded && v >= 65 && v <= 90 ? v + 32 : v)
            } else if !folded {
                take(v)
            } else if v <= 0x24F {
                for part in FeedbackRouter.latinFolds[Int(v) - 0x80] { take(part) }
            } else {
                for part in FeedbackRouter.foldNonASCII(scalar) { take(part.value) }
            }
        }
        if inWord { bounds.append(scalars.count) }
    }

    @inline(__always) private mutating func take(_ value: UInt32) {
        let isWord: Bool
        if value < 0x80 {
            isWord = (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        } else {
            isWord = Unicode.Scalar(value).map(FeedbackRouter.isWordScalar) ?? false
        }
        if isWord {
            if !inWord { bounds.append(scalars.count); inWord = true }
            scalars.append(value)
        } else if inWord {
            bounds.append(scalars.count)
            inWord = false
        }
    }

    /// Whether word `index` is exactly `word`.
    @inline(__always) func word(_ index: Int, equals word: [UInt32]) -> Bool {
        let start = bounds[2 * index], end = bounds[2 * index + 1]
        guard end - start == word.count else { return false }
        for k in 0..<word.count where scalars[start + k] != word[k] { return false }
        return true
    }
}
