import Testing
@testable import ReportRender

/// `TextExcerpt`: quotes up to the limit are whole; longer ones end on a word, then "…", never inside
/// a character.
@Suite struct TextExcerptTests {
    @Test func shortTextIsWhole() {
        #expect(TextExcerpt.of("Livraison rapide.") == "Livraison rapide.")
        let exactly = String(repeating: "a", count: TextExcerpt.limit)
        #expect(TextExcerpt.of(exactly) == exactly)
    }

    @Test func longTextEndsOnAWord() {
        #expect(TextExcerpt.of("un deux trois quatre cinq", limit: 16) == "un deux trois…")
        #expect(TextExcerpt.of("un deux, trois quatre", limit: 9) == "un deux…")
        // No space in the last fifth: cut at the limit.
        #expect(TextExcerpt.of("abcdefghijklmnopqrstuvwxyz", limit: 10) == "abcdefghij…")
        #expect(TextExcerpt.of("a bcdefghijklmnopqrstuvwxyz", limit: 10) == "a bcdefghi…")
    }

    @Test func charactersAreNeverSplit() {
        let family = "👨‍👩‍👧‍👦"
        #expect(TextExcerpt.of(String(repeating: family, count: 12), limit: 10) == String(repeating: family, count: 10) + "…")
        #expect(TextExcerpt.of(String(repeating: "e\u{301}", count: 12), limit: 10) == String(repeating: "é", count: 10) + "…")
    }

    /// Generated texts: the excerpt is the text, or a prefix of it of at most `limit` characters
    /// followed by "…".
    @Test func generatedTextsGivePrefixes() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "é", " ", "  ", ",", "—", "mot", "👍🏽", "\n"]
        for _ in 0..<2_000 {
            let text = (0..<next(120)).map { _ in pieces[next(pieces.count)] }.joined()
            let limit = 10 + next(60)
            let excerpt = TextExcerpt.of(text, limit: limit)
            if text.count <= limit {
                #expect(excerpt == text)
            } else {
                #expect(excerpt.hasSuffix("…"))
                let kept = excerpt.dropLast()
                #expect(text.hasPrefix(kept) && kept.count <= limit, "\(text.debugDescription) → \(excerpt.debugDescription)")
                #expect(kept.count >= 1 || text.prefix(limit).allSatisfy { $0.isWhitespace || ",;:-–—".contains($0) })
            }
        }
    }
}
