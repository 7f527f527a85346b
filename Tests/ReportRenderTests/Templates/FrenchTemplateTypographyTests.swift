import Foundation
import Testing

/// The French templates put a no-break space before `:`, `;`, `?` and `!` (U+00A0, or U+202F), never a
/// plain one, which a browser may break the line at, leaving the sign alone at the start of a line.
/// (A note added in French with « trimestre : cette note » had a plain one.)
@Suite struct FrenchTemplateTypographyTests {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates/fr")

    @Test func noPlainSpaceBeforeHighPunctuation() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(names.count >= 7)
        var found: [String] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // Mustache tags aside: `{{^last()}} {{/last()}}` is a plain space on purpose.
                let prose = line.replacing(/\{\{[^}]*\}\}/, with: "x")
                if prose.contains(/\ [:;?!]/) { found.append("\(name):\(number + 1): \(line.prefix(80))") }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
