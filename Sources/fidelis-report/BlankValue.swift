import Foundation
import ArgumentParser
import ReportModel

/// A usage error for an option or argument given as empty or blank text (`--out ""`, an unset CI
/// variable): taken as a path, it would name the current folder, and write into it.
func rejectBlank(_ value: String?, _ name: String, expected: String) throws {
    if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError(bilingual("\(name) is empty (expected \(expected))", "\(name) est vide (attendu\u{00A0}: \(expected))"))
    }
}
