import Foundation
import Yams

/// libyaml's errors as `FILE:LINE:COLUMN` input errors, with a hint for the usual mistakes.
extension ConfigLoader {
    /// Line and column (from 1, counted in Unicode scalars like libyaml's marks) of a reader error: at
    /// Yams's character offset, or when it has none, at the first character YAML does not allow.
    static func readerLocation(_ text: String, characterOffset: Int?) -> (line: Int, column: Int) {
        let end = characterOffset.flatMap { text.index(text.startIndex, offsetBy: $0, limitedBy: text.endIndex) }
            ?? text.unicodeScalars.firstIndex { !isYAMLPrintable($0) } ?? text.endIndex
        var line = 1, column = 1
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars[..<end] {
            switch s {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": line += 1; column = 1
            default: column += 1
            }
            previous = s
        }
        return (line, column)
    }

    /// YAML 1.1's printable characters, the only ones libyaml's reader accepts.
    static func isYAMLPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The character at `line` and `column` (from 1, in Unicode scalars, as libyaml's marks), or nil.
    static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, column >= 1 else { return nil }
        var currentLine = 1, currentColumn = 1
        for s in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return s }
            if s == "\n" { currentLine += 1; currentColumn = 1; if currentLine > line { return nil } } else { currentColumn += 1 }
        }
        return nil
    }

    /// A Yams error as an input error at its line and column (`text`, the file's, finds a tab or a
    /// refused character); `:0:0` only for the kinds that carry no place.
    static func yamlError(_ error: YamlError, file: String, text: String = "") -> InputError {
        switch error {
        case let .scanner(_, problem, mark, _) where problem.contains("tab character")
                || (problem.contains("cannot start any token") && character(in: text, line: mark.line, column: mark.column) == "\t"):
            // libyaml's words for a tab, which YAML never allows as indentation.
            return InputError(file: file, line: mark.line, column: mark.column, message: bilingual("a tab character where YAML allows only spaces", "une tabulation là où YAML n'accepte que des espaces"),
                              expected: bilingual("spaces to indent: replace the tab with spaces", "des espaces pour indenter\u{00A0}: remplacez la tabulation par des espaces"))
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            // libyaml's context says what was open when it failed: an unclosed quote is found at the
            // end of the file, so its start is the useful place to look.
            // libyaml's words (problem, context), in French where messages are, and what to check
            // for the usual mistakes (`YAMLProblemText`).
            let opened = context.map {
                bilingual(", \($0.text) at line \($0.mark.line), column \($0.mark.column)",
                          ", \(YAMLProblemText.context($0.text)) à la ligne \($0.mark.line), colonne \($0.mark.column)")
            } ?? ""
            let hint = YAMLProblemText.hint(problem: problem, context: context?.text, line: context?.mark.line, column: context?.mark.column)
            return InputError(file: file, line: mark.line, column: mark.column,
                              message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + YAMLProblemText.problem(problem) + opened,
                              expected: bilingual("valid YAML", "du YAML valide") + (hint.map { bilingual(": ", "\u{00A0}: ") + $0 } ?? ""))
        case let .reader(problem, offset, _, yaml):
            // A character libyaml refuses (a control character, U+FFFE…): Yams gives an offset, not a mark.
            let (line, column) = readerLocation(yaml, characterOffset: offset)
            return InputError(file: file, line: line, column: column, message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + YAMLProblemText.problem(problem),
                              expected: bilingual("valid YAML (text without control characters)", "du YAML valide (un texte sans caractères de contrôle)"))
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(file: file, line: context.mark.line, column: context.mark.column,
                              message: bilingual("duplicate key(s) \(duplicates.joined(separator: ", "))", "clé(s) en double\u{00A0}: \(duplicates.joined(separator: ", "))"),
                              expected: bilingual("each key once", "chaque clé une seule fois"))
        default:
            return InputError(file: file, line: 0, column: 0, message: bilingual("YAML error: ", "erreur YAML\u{00A0}: ") + "\(error)", expected: bilingual("valid YAML", "du YAML valide"))
        }
    }
}
