/// What an amount the readers refused was probably meant to be, for the end of its error message.
///
/// Spreadsheets export a cell as they show it: with a currency sign or code (`€12.50`, `12,50 €`,
/// `EUR 12.50`), thousands separators (`1,234.50`; `1 234,50` or `1.234,50` in `;` files), a
/// negative amount in parentheses or with its minus sign after it (`(12.50)`, `12.50-`, as
/// accounting and SAP exports write refunds), or in scientific notation (`1.2E+03`). The hint says
/// which, and how the value reads once written plainly. Only for a value that is then a valid
/// amount of its column: otherwise "" (the error's own words are enough).
enum MoneyHint {
    /// The hint for `raw` ("" when none fits); `allowNegative` as the column allows.
    static func hint(for raw: UnsafeRawBufferPointer, decimalComma: Bool, allowNegative: Bool) -> String {
        let spaces: Set<Character> = [" ", "\t", "\u{00A0}", "\u{202F}"]
        var text = String(decoding: FieldParser.trimmed(raw), as: UTF8.self)
        if text.contains(where: { $0 == "E" || $0 == "e" }), isScientific(text) {
            return bilingual("; written in scientific notation, as a spreadsheet shows large numbers: format the column as a number with its decimals before exporting",
                             "\u{202F}; écrit en notation scientifique, comme un tableur affiche les grands nombres\u{00A0}: formatez la colonne en nombre avec ses décimales avant l'export")
        }
        var fixes: [String] = []
        // A currency sign anywhere, or a code of three capitals before or after the number.
        let signs: Set<Character> = ["€", "$", "£", "¥", "₹", "₽", "₺", "₩", "₪", "₫"]
        var currency = text.contains(where: { signs.contains($0) })
        var chars = Array(text.filter { !signs.contains($0) })
        func dropSpaces() {
            while let f = chars.first, spaces.contains(f) { chars.removeFirst() }
            while let l = chars.last, spaces.contains(l) { chars.removeLast() }
        }
        dropSpaces()
        if chars.count > 3, chars.prefix(3).allSatisfy({ $0.isASCII && $0.isUppercase }) { chars.removeFirst(3); currency = true }
        if chars.count > 3, chars.suffix(3).allSatisfy({ $0.isASCII && $0.isUppercase }) { chars.removeLast(3); currency = true }
        dropSpaces()
        let core = String(chars)
        if currency { fixes.append(bilingual("without its currency sign (the currency is set once, in fidelis.yml)", "sans son symbole monétaire (la devise est indiquée une fois, dans fidelis.yml)")) }
        else if core != text { fixes.append(bilingual("without the spaces around it", "sans les espaces autour")) }
        text = core
        // A negative amount in parentheses, or with its minus sign last.
        var negative = false
        if text.count > 2, text.first == "(", text.last == ")" {
            text = String(text.dropFirst().dropLast())
            negative = true
        } else if text.count > 1, text.last == "-", text.first != "-" {
            text = String(text.dropLast())
            negative = true
        }
        if negative {
            guard allowNegative else { return "" }
            fixes.append(bilingual("with its minus sign first", "avec son signe moins en tête"))
        }
        // A decimal comma in a file delimited by commas: `12,50`, or `1,234` (a thousands separator
        // or a decimal comma: both are said).
        if !decimalComma, fixes.isEmpty, !negative, text.filter({ $0 == "," }).count == 1, !text.contains(".") {
            let pointed = text.replacingOccurrences(of: ",", with: ".")
            guard isAmount(pointed, decimalComma: false, allowNegative: allowNegative) else { return "" }
            let comma = bilingual("; a decimal comma: in a file delimited by commas write a point (\(pointed)), or delimit the file with ; where amounts take decimal commas",
                                  "\u{202F}; une virgule décimale\u{00A0}: dans un fichier séparé par des virgules, écrivez un point (\(pointed)), ou séparez le fichier par des ; là où les montants prennent une virgule décimale")
            let after = text.split(separator: ",")
            if after.count == 2, after[1].count == 3, (1...3).contains(after[0].filter(\.isWholeNumber).count) {
                return comma + bilingual("; if it separates thousands, write \(text.replacingOccurrences(of: ",", with: ""))", "\u{202F}; si elle sépare les milliers, écrivez \(text.replacingOccurrences(of: ",", with: ""))")
            }
            return comma
        }
        // Thousands separators: groups of three digits after the first, one separator throughout.
        let mark: Character = decimalComma ? "," : "."
        let separators: Set<Character> = decimalComma ? [".", " ", "\u{00A0}", "\u{202F}", "'"] : [",", " ", "\u{00A0}", "\u{202F}", "'"]
        let integerPart = text.split(separator: mark, maxSplits: 1, omittingEmptySubsequences: false)
        if let whole = integerPart.first, whole.contains(where: { separators.contains($0) }) {
            let used = Set(whole.filter { separators.contains($0) })
            let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
            guard used.count == 1, let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }) else { return "" }
            text = groups.joined() + (integerPart.count > 1 ? String(mark) + integerPart[1] : "")
            fixes.append(bilingual("without thousands separators", "sans séparateurs de milliers"))
        }
        guard !fixes.isEmpty else { return "" }
        let plain = (negative ? "-" : "") + text
        guard isAmount(plain, decimalComma: decimalComma, allowNegative: allowNegative) else { return "" }
        let list = bilingualList(fixes)
        return bilingual("; written as it is shown on screen: write it \(list), as \(plain)", "\u{202F}; écrit tel qu'il s'affiche à l'écran\u{00A0}: écrivez-le \(list), soit \(plain)")
    }

    /// True when `Money.parse` reads `text`.
    private static func isAmount(_ text: String, decimalComma: Bool, allowNegative: Bool) -> Bool {
        Array(text.utf8).withUnsafeBytes { Money.parse($0, decimalComma: decimalComma, allowNegative: allowNegative) != nil }
    }

    /// `1.2E+03`, `-4e-2`, `3E5`: digits, an optional point and digits, then an exponent.
    private static func isScientific(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        guard let e = rest.firstIndex(where: { $0 == "E" || $0 == "e" }) else { return false }
        let mantissa = rest[..<e], exponent = rest[rest.index(after: e)...].drop(while: { $0 == "+" || $0 == "-" })
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let lead = parts.first, !lead.isEmpty, lead.allSatisfy(\.isWholeNumber) && lead.allSatisfy(\.isASCII),
              parts.count == 1 || parts[1].allSatisfy({ $0.isASCII && $0.isWholeNumber }) else { return false }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isWholeNumber }
    }
}
