import Foundation
import ReportModel

extension ReportFormatter {
    /// Money with 2 decimals, or 3–4 when the amount needs them (a point worth €0.005).
    func preciseMoney(_ amount: Double) -> String {
        var scale = 100.0
        for decimals in 2...3 {
            if abs((amount * scale).rounded() - amount * scale) < 1e-6 { return money(amount, decimals: decimals) }
            scale *= 10
        }
        return money(amount, decimals: 4)
    }
}

extension ReportFormatter {
    /// The text in the report's language; French gets its no-break spaces before `: ; ? !` and inside « ».
    func text(_ text: LocalizedText) -> String { self.text(text.en, text.fr) }

    /// Items in a sentence: `a`, `a and b`, `a, b and c` (`et` in French).
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + text(" and ", " et ") + items.last!
    }

    /// `en` or `fr` by the report's language, French with its no-break spaces.
    func text(_ en: String, _ fr: String) -> String {
        locale == .fr ? ReportFormatter.frenchTypography(fr) : en
    }

    /// Replaces the plain space before `:` `;` `?` `!` and inside guillemets with a no-break space.
    static func frenchTypography(_ s: String) -> String {
        guard s.contains(where: { ":;?!«»".contains($0) }) else { return s }
        return s.replacingOccurrences(of: " :", with: "\u{00A0}:")
            .replacingOccurrences(of: " ;", with: "\u{202F};")
            .replacingOccurrences(of: " ?", with: "\u{202F}?")
            .replacingOccurrences(of: " !", with: "\u{202F}!")
            .replacingOccurrences(of: "« ", with: "«\u{00A0}")
            .replacingOccurrences(of: " »", with: "\u{00A0}»")
    }
}
