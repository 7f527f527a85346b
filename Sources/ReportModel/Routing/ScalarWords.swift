/// The words of a verbatim as Unicode scalar values: runs of letters and digits (as
/// `FeedbackRouter.words`), of the text as written or folded (as `FeedbackRouter.fold`), kept in one
/// buffer with a range and a hash per word, so that splitting a verbatim allocates nothing once the
/// buffers have grown, and a keyword is looked for by comparing hashes before scalars.
struct ScalarWords {
    /// Storage, only ever grown: the words' scalars, `2 * count` bounds and `count` hashes are this
    /// text's (written through pointers by `split`, with no per-scalar append).
    private var scalars: [UInt32] = []
    private var bounds: [Int] = []   // start, end of word 0, start, end of word 1, …
    /// `ScalarWords.hash` of each word (the first `count` entries).
    private(set) var hashes: [UInt64] = []

    /// Number of words.
    private(set) var count = 0

    init() {}

    /// Whether word `index` is exactly `word`.
    @inline(__always) func word(_ index: Int, equals word: [UInt32]) -> Bool {
        let start = bounds[2 &* index], end = bounds[2 &* index &+ 1]
        guard end &- start == word.count else { return false }
        for k in 0..<word.count where scalars[start &+ k] != word[k] { return false }
        return true
    }

    /// Makes room for `scalarCapacity` scalar values (and as many words).
    private mutating func reserve(_ scalarCapacity: Int) {
        guard self.scalars.count < scalarCapacity else { return }
        self.scalars = Array(repeating: 0, count: scalarCapacity)
        bounds = Array(repeating: 0, count: 2 * scalarCapacity)
        hashes = Array(repeating: 0, count: scalarCapacity)
    }

    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    static let hashPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The FNV-1a hash of a word's scalar values, as `take` computes it.
    static func hash(of word: [UInt32]) -> UInt64 {
        word.reduce(hashSeed) { ($0 ^ UInt64($1)) &* hashPrime }
    }

    /// Splits `text` into its words as written and its folded words, from its UTF-8 bytes. The
    /// scalars of `LatinWordTables` (Latin letters with their accents, General Punctuation) are
    /// classified and folded from tables; other scalars through their Unicode properties. (With it
    /// and the hash lookup in `FeedbackRouter.hits`, routing the 1 M × 12 sample snapshots' 384 k
    /// verbatims took 0.36 s of CPU instead of 0.66 s; perf.)
    static func split(_ text: String, original: inout ScalarWords, folded: inout ScalarWords) {
        var text = text
        text.withUTF8 { bytes in
            // Each byte gives at most one scalar value as written, and folding a two-byte Latin
            // letter at most two (œ → oe): twice the bytes suffice but for a rare longer fold of
            // another script, after which the text is split again with more room.
            var room = 2 * bytes.count + 8
            while true {
                original.reserve(room)
                folded.reserve(room)
                if original.fill(from: bytes, folding: false) && folded.fill(from: bytes, folding: true) { return }
                room *= 2
            }
        }
    }

    /// Makes these the words of UTF-8 `bytes`, as written or `folding`: false (nothing changed)
    /// when they need more room than `reserve` made.
    ///
    /// Two simple loops: the scalar values (folded or not) are staged in `scalars`, a separator
    /// marked by bit 31 (above any scalar value), then the words are packed in place with their
    /// bounds and hashes. (One loop feeding a word writer, or two writers at once, kept the
    /// writers' state in memory: about 60 instructions per byte against 15.)
    @inline(__always)
    private mutating func fill(from bytes: UnsafeBufferPointer<UInt8>, folding: Bool) -> Bool {
        let separator: UInt32 = 1 << 31
        let tables = LatinWordTables.shared
        let staged: Int? = scalars.withUnsafeMutableBufferPointer { out in
        tables.isWord.withUnsafeBufferPointer { isWord in
        tables.foldStart.withUnsafeBufferPointer { foldStart in
        tables.foldValues.withUnsafeBufferPointer { foldValues in
        tables.foldIsWord.withUnsafeBufferPointer { foldIsWord in
            let capacity = out.count
            var k = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    guard k < capacity else { return nil }
                    let v = folding && b0 &- 65 < 26 ? b0 &+ 32 : b0
                    out[k] = isWord[Int(b0)] ? v : v | separator
                    k &+= 1
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
                if let t = LatinWordTables.index(of: v) {
                    if !folding {
                        guard k < capacity else { return nil }
                        out[k] = isWord[t] ? v : v | separator
                        k &+= 1
                    } else {
                        for f in Int(foldStart[t]) ..< Int(foldStart[t &+ 1]) {
                            guard k < capacity else { return nil }
                            out[k] = foldIsWord[f] ? foldValues[f] : foldValues[f] | separator
                            k &+= 1
                        }
                    }
                } else {
                    let scalar = Unicode.Scalar(v).unsafelyUnwrapped
                    let parts = folding ? FeedbackRouter.foldNonASCII(scalar) : [scalar]
                    for part in parts {
                        guard k < capacity else { return nil }
                        out[k] = FeedbackRouter.isWordScalar(part) ? part.value : part.value | separator
                        k &+= 1
                    }
                }
            }
            return k
        }}}}}
        guard let staged else { return false }
        var packed = 0, words = 0
        scalars.withUnsafeMutableBufferPointer { s in
        bounds.withUnsafeMutableBufferPointer { b in
        hashes.withUnsafeMutableBufferPointer { h in
            var inWord = false
            var hash = ScalarWords.hashSeed
            for j in 0..<staged {
                let v = s[j]
                if v & separator == 0 {
                    if !inWord { b[2 &* words] = packed; inWord = true }
                    s[packed] = v
                    packed &+= 1
                    hash = (hash ^ UInt64(v)) &* ScalarWords.hashPrime
                } else if inWord {
                    b[2 &* words &+ 1] = packed
                    h[words] = hash
                    words &+= 1
                    hash = ScalarWords.hashSeed
                    inWord = false
                }
            }
            if inWord {
                b[2 &* words &+ 1] = packed
                h[words] = hash
                words &+= 1
            }
        }}}
        count = words
        return true
    }
}
