/// The words of a verbatim as Unicode scalar values: runs of letters and digits (as
/// `FeedbackRouter.words`), of the text as written or folded (as `FeedbackRouter.fold`), kept in one
/// buffer with a range and a hash per word, so that splitting a verbatim allocates nothing once the
/// buffers have grown, and a keyword is looked for by comparing hashes before scalars.
struct ScalarWords {
    private var scalars: [UInt32] = []
    private var bounds: [Int] = []   // start, end of word 0, start, end of word 1, …
    /// `ScalarWords.hash` of each word.
    private(set) var hashes: [UInt64] = []
    private var inWord = false
    private var hash = ScalarWords.hashSeed

    /// Number of words.
    var count: Int { hashes.count }

    init() {}

    /// Empties the words, keeping the buffers' storage.
    mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        inWord = false
        hash = ScalarWords.hashSeed
    }

    /// Adds one scalar value, a word's or a separator's.
    @inline(__always) mutating func take(_ value: UInt32, isWord: Bool) {
        if isWord {
            if !inWord { bounds.append(scalars.count); inWord = true }
            scalars.append(value)
            hash = (hash ^ UInt64(value)) &* ScalarWords.hashPrime
        } else if inWord {
            endWord()
        }
    }

    /// Closes the word in progress, if any.
    mutating func finish() { if inWord { endWord() } }

    private mutating func endWord() {
        bounds.append(scalars.count)
        hashes.append(hash)
        hash = ScalarWords.hashSeed
        inWord = false
    }

    /// Whether word `index` is exactly `word`.
    @inline(__always) func word(_ index: Int, equals word: [UInt32]) -> Bool {
        let start = bounds[2 &* index], end = bounds[2 &* index &+ 1]
        guard end &- start == word.count else { return false }
        for k in 0..<word.count where scalars[start &+ k] != word[k] { return false }
        return true
    }

    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let hashPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The FNV-1a hash of a word's scalar values, as `take` computes it.
    static func hash(of word: [UInt32]) -> UInt64 {
        word.reduce(hashSeed) { ($0 ^ UInt64($1)) &* hashPrime }
    }

    /// Splits `text` into its words as written and its folded words in one pass over its UTF-8
    /// bytes. Letters of U+0000…U+024F (ASCII, Latin-1, Latin Extended A/B: French and the other
    /// Western European accents) are classified and folded from tables; other scalars through
    /// their Unicode properties. (With it and the hash lookup in `FeedbackRouter.hits`, routing
    /// the 1 M × 12 sample snapshots' 384 k verbatims took 0.36 s of CPU instead of 0.66 s; perf.)
    static func split(_ text: String, original: inout ScalarWords, folded: inout ScalarWords) {
        original.removeAll()
        folded.removeAll()
        var text = text
        text.withUTF8 { bytes in
            let tables = LatinWordTables.shared
            tables.isWord.withUnsafeBufferPointer { isWord in
            tables.foldStart.withUnsafeBufferPointer { foldStart in
            tables.foldValues.withUnsafeBufferPointer { foldValues in
            tables.foldIsWord.withUnsafeBufferPointer { foldIsWord in
                var i = 0
                let n = bytes.count
                while i < n {
                    let b0 = UInt32(bytes[i])
                    if b0 < 0x80 {
                        let word = isWord[Int(b0)]
                        original.take(b0, isWord: word)
                        folded.take(b0 &- 65 < 26 ? b0 &+ 32 : b0, isWord: word)
                        i &+= 1
                        continue
                    }
                    // Strings hold valid UTF-8.
                    let v: UInt32
                    if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
                        i &+= 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
                        i &+= 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
                            | UInt32(bytes[i &+ 3] & 0x3F)
                        i &+= 4
                    }
                    if Int(v) < isWord.count {
                        original.take(v, isWord: isWord[Int(v)])
                        for k in Int(foldStart[Int(v)]) ..< Int(foldStart[Int(v) &+ 1]) {
                            folded.take(foldValues[k], isWord: foldIsWord[k])
                        }
                    } else {
                        let scalar = Unicode.Scalar(v).unsafelyUnwrapped
                        original.take(v, isWord: FeedbackRouter.isWordScalar(scalar))
                        for part in FeedbackRouter.foldNonASCII(scalar) {
                            folded.take(part.value, isWord: FeedbackRouter.isWordScalar(part))
                        }
                    }
                }
            }}}}
        }
        original.finish()
        folded.finish()
    }
}
