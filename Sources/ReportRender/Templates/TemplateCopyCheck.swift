import Foundation

/// The warnings a build gives about a template folder whose copies have fallen behind the tool's own
/// templates (see `TemplateCopyRecord`): without them, a team that ran `init` once keeps last year's
/// text in every file it never edited, and never hears of it.
enum TemplateCopyCheck {
    /// Warnings for the files of `folder` named by `relativePaths` (those a build reads), against
    /// the built-in folder `builtIn`. A folder without a record gives none: whether a copy that
    /// differs was edited cannot be told.
    static func warnings(in folder: String, builtIn: String, relativePaths: [String]) -> [String] {
        guard let record = TemplateCopyRecord.read(from: folder) else { return [] }
        var warnings: [String] = []
        for relative in relativePaths {
            let path = (folder as NSString).appendingPathComponent(relative)
            guard let copy = TemplateCopyRecord.hash(ofFileAt: path) else { continue }
            let builtInHash = TemplateCopyRecord.hash(ofFileAt: (builtIn as NSString).appendingPathComponent(relative))
            switch TemplateCopyState.of(copy: copy, copied: record.hashes[relative], builtIn: builtInHash) {
            case .behind:
                warnings.append("\(path): not edited since init copied it, and fidelis-report's own template has changed since, so this report does not have the change (expected the current text: `fidelis-report init --update \(folder)` replaces the copies nobody edited, or delete this one to use the built-in template)")
            case .editedBehind:
                warnings.append("\(path): edited since init copied it, and fidelis-report's own template has changed since (expected the change carried into your copy: `fidelis-report init --update \(folder)` writes the new text beside it as \((relative as NSString).lastPathComponent)\(TemplateCopyState.besideSuffix) to compare)")
            case .current, .edited, .unrecorded:
                break
            }
        }
        return warnings
    }
}
