/// A label written for the start of a table cell (« Récompenser ») as it reads inside a French
/// sentence after a colon (« action prioritaire : récompenser »): French lowercases there.
/// A first word with a capital past its first letter (« VIP », « McKinsey ») is kept as written.
func inlineAfterColon(_ label: String) -> String {
    guard let first = label.first, first.isUppercase else { return label }
    let word = label.prefix { $0.isLetter }
    guard word.dropFirst().allSatisfy(\.isLowercase) else { return label }
    return first.lowercased() + label.dropFirst()
}
