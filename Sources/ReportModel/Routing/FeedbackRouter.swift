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
        var caseSensitive: Bool
    }

    private let areas: [SpecialistArea]
    private let keywords: [Keyword]

    public init(table: RoutingTable) {
        areas = table.keywords.map(\.area)
        var list: [Keyword] = []
        for (i, entry) in table.keywords.enumerated() {
            for word in entry.words {
                let capitals = FeedbackRouter.isCapitals(word)
                let text = capitals ? word : FeedbackRouter.fold(word)
                let words = FeedbackRouter.words(text)
                if !words.isEmpty { list.append(Keyword(area: i, words: words, caseSensitive: capitals)) }
            }
        }
        keywords = list
    }

    /// A keyword is "in capitals" when it has letters and all of them are upper case.
    static func isCapitals(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        return !letters.isEmpty && word == word.uppercased() && word != word.lowercased()
    }

    /// Lower case without accents.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Splits text into words: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
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
    public func hits(_ text: String) -> [Int] {
        let original = FeedbackRouter.words(text)
        let folded = FeedbackRouter.words(FeedbackRouter.fold(text))
        var counts = Array(repeating: 0, count: areas.count)
        for keyword in keywords {
            let haystack = keyword.caseSensitive ? original : folded
            let n = keyword.words.count
            guard haystack.count >= n else { continue }
            var i = 0
            while i + n <= haystack.count {
                if haystack[i] == keyword.words[0] && (n == 1 || Array(haystack[i..<(i + n)]) == keyword.words) {
                    counts[keyword.area] += 1
                    i += n
                } else {
                    i += 1
                }
            }
        }
        return counts
    }

    /// The area a verbatim goes to; nil when no keyword matches.
    public func route(_ text: String) -> SpecialistArea? {
        let counts = hits(text)
        var best = -1, bestHits = 0
        for (i, n) in counts.enumerated() where n > bestHits { best = i; bestHits = n }
        return best >= 0 ? areas[best] : nil
    }
}
