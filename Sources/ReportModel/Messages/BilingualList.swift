/// Items in a sentence of a message: `a`, `a and b`, `a, b and c` (`et` in French, where messages
/// are: `MessageLanguage`).
public func bilingualList(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + bilingual(" and ", " et ") + items[items.count - 1]
}
