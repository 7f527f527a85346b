import Foundation

/// Routes feedback verbatims to a specialist area by keyword hits (metrics.md "Routing of feedback").
///
/// A keyword counts where it stands as a whole word or phrase. Keywords written in capitals (NPS,
/// CSAT, CES, VIP) match only in capitals; the others ignore case and accents. Every occurrence is a
/// hit; the area with most hits wins, ties go to the earlier area, no hit is `nil` (unrouted).
public struct FeedbackRouter: Sendable {
    private struct Keyword: Sendable {
        var area: Int
        /// Folded (or, for capitals, original) words of the phrase.
        var words: [String]
        /// The same words as Unicode scalar values (what `hits` compares).
        var scalars: [[UInt32]]
        /// `ScalarWords.hash` of each word (compared first).
        var hashes: [UInt64]
        var caseSensitive: Bool
    }

    let areas: [SpecialistArea]
    private let keywords: [Keyword]
    /// Indices of the keywords in capitals, looked for among the words as written, and of the
    /// others, looked for among the folded words.
    private let capitalKeywords: [Int], foldedKeywords: [Int]
    /// The hash of each keyword's first word.
    private let firstHashes: [UInt64]
    /// The keywords of `capitalKeywords` and of `foldedKeywords` by the low bits of their first
    /// word's hash, so that a word is compared with the few keywords that may start there.
    private let capitalBuckets: KeywordBuckets, foldedBuckets: KeywordBuckets
    /// The areas of the texts routed by the latest `routing(of:customers:)`, shared by the copies.
    let memo = RoutedTextMemo()

    public init(table: RoutingTable) {
        areas = table.keywords.map(\.area)
        var list: [Keyword] = []
        for (i, entry) in table.keywords.enumerated() {
            for word in entry.words {
                let capitals = FeedbackRouter.isCapitals(word)
                let text = capitals ? word : FeedbackRouter.fold(word)
                let words = FeedbackRouter.words(text)
                if !words.isEmpty {
                    let scalars = words.map { $0.unicodeScalars.map(\.value) }
                    list.append(Keyword(area: i, words: words, scalars: scalars, hashes: scalars.map(ScalarWords.hash(of:)), caseSensitive: capitals))
                }
            }
        }
        keywords = list
        capitalKeywords = list.indices.filter { list[$0].caseSensitive }
        foldedKeywords = list.indices.filter { !list[$0].caseSensitive }
        firstHashes = list.map { $0.hashes[0] }
        capitalBuckets = KeywordBuckets(capitalKeywords, firstHashes: firstHashes)
        foldedBuckets = KeywordBuckets(foldedKeywords, firstHashes: firstHashes)
    }

    /// Keyword indices grouped by `hash & mask` of their first word (in ascending order within a
    /// group): group g is `keywords[start[g]..<start[g + 1]]`. Looking a word up among the 17 folded
    /// seed keywords one by one was a third of the routing's time.
    struct KeywordBuckets: Sendable {
        let mask: Int
        let start: [Int]
        let keywords: [Int]

        init(_ candidates: [Int], firstHashes: [UInt64]) {
            var size = 1
            while size < 2 * candidates.count { size <<= 1 }
            mask = size - 1
            var start = [Int](repeating: 0, count: size + 1)
            for k in candidates { start[Int(truncatingIfNeeded: firstHashes[k]) & (size - 1) + 1] += 1 }
            for g in 0..<size { start[g + 1] += start[g] }
            var placed = start
            var keywords = [Int](repeating: 0, count: candidates.count)
            for k in candidates {
                let g = Int(truncatingIfNeeded: firstHashes[k]) & (size - 1)
                keywords[placed[g]] = k
                placed[g] += 1
            }
            self.start = start
            self.keywords = keywords
        }
    }

    /// A keyword is "in capitals" when it has letters and all of them are upper case.
    static func isCapitals(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.isAlphabetic } && word == word.uppercased() && word != word.lowercased()
    }

    /// Lower case without accents: canonical decomposition with combining marks dropped.
    /// (Hand-rolled on Unicode scalar properties: Foundation's `folding` was 15 % of a 100 k-customer build.)
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                out.append(v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar)
                continue
            }
            out.append(contentsOf: foldNonASCII(scalar))
        }
        return String(out)
    }

    /// The folded form of one non-ASCII scalar (decomposed, marks dropped, lower-cased).
    static func foldNonASCII(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            out.append(contentsOf: part.properties.lowercaseMapping.unicodeScalars)
        }
        return out
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Splits text into words: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// Hits per area for a verbatim, in table order.
    ///
    /// Works on scalar values, each word a range of one buffer with a hash, rather than on a
    /// `String` per word (routing was 11 % of a 100 k-customer × 12 build's instructions with
    /// strings), and looks up each word among the keywords by hash instead of scanning the words
    /// once per keyword. `referenceHits` is the plain version it must agree with (tested on
    /// generated text).
    public func hits(_ text: String) -> [Int] {
        var scratch = Scratch()
        var counts: [Int] = []
        hits(text, scratch: &scratch, into: &counts)
        return counts
    }

    /// Storage reused by `hits` from one verbatim to the next.
    struct Scratch {
        var original = ScalarWords(), folded = ScalarWords()
        /// Per keyword, the first word where it may count again (occurrences do not overlap).
        var nextFree: [Int] = []
    }

    /// `hits` in reused storage: `counts` is replaced by the hits per area.
    func hits(_ text: String, scratch: inout Scratch, into counts: inout [Int]) {
        ScalarWords.split(text, original: &scratch.original, folded: &scratch.folded)
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: areas.count))
        scratch.nextFree.removeAll(keepingCapacity: true)
        scratch.nextFree.append(contentsOf: repeatElement(0, count: keywords.count))
        count(capitalBuckets, in: scratch.original, nextFree: &scratch.nextFree, into: &counts)
        count(foldedBuckets, in: scratch.folded, nextFree: &scratch.nextFree, into: &counts)
    }

    /// Adds the occurrences of the keywords of `buckets` among `words` to `counts`: each word
    /// position is looked up among the keywords starting with its hash; a match counts unless it
    /// overlaps an earlier counted match of the same keyword (as `occurrences` scans, left to right).
    /// Each keyword's count depends on its own matches only, so the order in which the keywords
    /// of a position are tried does not matter.
    @inline(__always)
    private func count(_ buckets: KeywordBuckets, in words: ScalarWords, nextFree: inout [Int], into counts: inout [Int]) {
        let total = words.count
        for i in 0 ..< total {
            let h = words.hashes[i]
            let g = Int(truncatingIfNeeded: h) & buckets.mask
            for slot in buckets.start[g] ..< buckets.start[g + 1] {
                let k = buckets.keywords[slot]
                guard firstHashes[k] == h && i >= nextFree[k] else { continue }
                let keyword = keywords[k]
                let n = keyword.scalars.count
                guard i + n <= total else { continue }
                var matches = true
                for j in 0 ..< n where words.hashes[i + j] != keyword.hashes[j] || !words.word(i + j, equals: keyword.scalars[j]) {
                    matches = false
                    break
                }
                if matches {
                    counts[keyword.area] += 1
                    nextFree[k] = i + n
                }
            }
        }
    }

    /// `hits` written plainly with a `String` per word (the definition the fast path is tested against).
    func referenceHits(_ text: String) -> [Int] {
        let original = FeedbackRouter.words(text)
        let folded = FeedbackRouter.words(FeedbackRouter.fold(text))
        var counts = Array(repeating: 0, count: areas.count)
        for keyword in keywords {
            let haystack = keyword.caseSensitive ? original : folded
            let n = keyword.words.count
            counts[keyword.area] += FeedbackRouter.occurrences(of: n, in: haystack.count) { i in
                Array(haystack[i..<(i + n)]) == keyword.words
            }
        }
        return counts
    }

    /// Non-overlapping occurrences of an n-word phrase among `count` words, scanning left to right:
    /// `matchesAt(i)` tells whether the phrase stands at word i; after a match the scan resumes past it.
    @inline(__always)
    static func occurrences(of n: Int, in count: Int, matchesAt: (Int) -> Bool) -> Int {
        var found = 0
        var i = 0
        while i + n <= count {
            if matchesAt(i) {
                found += 1
                i += n
            } else {
                i += 1
            }
        }
        return found
    }

    /// The area a verbatim goes to; nil when no keyword matches.
    public func route(_ text: String) -> SpecialistArea? {
        var scratch = Scratch()
        var counts: [Int] = []
        return route(text, scratch: &scratch, counts: &counts)
    }

    /// `route` in reused storage.
    func route(_ text: String, scratch: inout Scratch, counts: inout [Int]) -> SpecialistArea? {
        hits(text, scratch: &scratch, into: &counts)
        var best = -1, bestHits = 0
        for (i, n) in counts.enumerated() where n > bestHits { best = i; bestHits = n }
        return best >= 0 ? areas[best] : nil
    }
}
