import Foundation
import Testing
@testable import ReportModel

/// Every problem and context libyaml can report has its French: read from the libyaml sources that
/// Yams vendors (the checkout SwiftPM made for this build), so that a Yams upgrade bringing new words
/// fails here rather than leaving an English phrase in a French message.
@Suite struct YAMLProblemTextTests {
    static var libyamlSources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/checkouts/Yams/Sources/CYaml/src")
    }

    @Test func everyLibyamlPhraseHasItsFrench() throws {
        var phrases: Set<String> = []
        for name in ["scanner.c", "parser.c", "reader.c"] {
            let text = try String(contentsOf: Self.libyamlSources.appendingPathComponent(name), encoding: .utf8)
            // The problems and contexts passed to libyaml's error setters: string literals that
            // start with their usual words ("found …", "did not find …", "while scanning …").
            for match in text.matches(of: #/"((?:found|did not|could not|while (?:parsing|scanning) |mapping|block sequence|control|invalid|incomplete|input|expected|unexpected)[^"]*)"/#) {
                phrases.insert(String(match.1))
            }
        }
        // "while parsing" alone goes with libyaml's nesting limit, whose problem is a sentence of its own.
        phrases.remove("while parsing")
        #expect(phrases.count > 60, "\(phrases.count) phrases found: the pattern no longer matches libyaml's sources")
        #expect(phrases.filter { YAMLProblemText.french[$0] == nil }.sorted() == [])
        // Yams's own words for a second document.
        #expect(YAMLProblemText.french["but found another document"] != nil && YAMLProblemText.french["expected a single document in the stream"] != nil)
    }

    @Test func theFrenchKeepsTheTypography() {
        for (english, french) in YAMLProblemText.french {
            #expect(!french.isEmpty && french != english, "\(english)")
            #expect(!french.contains(" :") && !french.contains(" ;") && !french.contains("« ") && !french.contains(" »"), "\(french): a plain space where French takes a no-break one")
        }
    }
}
