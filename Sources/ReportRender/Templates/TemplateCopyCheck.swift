import Foundation
import ReportModel

/// The warnings a build gives about a template folder whose copies have fallen behind the tool's own
/// templates (see `TemplateCopyRecord`): without them, a team that ran `init` once keeps last year's
/// text in every file it never edited, and never hears of it.
enum TemplateCopyCheck {
    /// Warnings for the files of `folder` named by `relativePaths` (those a build reads), against
    /// the built-in folder `builtIn`. A folder without a record gives none: whether a copy that
    /// differs was edited cannot be told. A damaged record gives its problems instead.
    static func warnings(in folder: String, builtIn: String, relativePaths: [String]) -> [String] {
        guard let record = TemplateCopyRecord.read(from: folder) else { return [] }
        if !record.problems.isEmpty { return record.problems.map { $0 + bilingual("; the copies are not checked against the built-in templates until then", "\u{202F}; les copies ne sont pas comparées aux modèles intégrés d'ici là") } }
        let update = "`fidelis-report init --update \(ShellWord.quoted(folder))`"
        var warnings: [String] = []
        for relative in relativePaths {
            let path = (folder as NSString).appendingPathComponent(relative)
            guard let copy = TemplateCopyRecord.hash(ofFileAt: path) else { continue }
            let beside = (relative as NSString).lastPathComponent + TemplateCopyState.besideSuffix
            let builtInHash = TemplateCopyRecord.hash(ofFileAt: (builtIn as NSString).appendingPathComponent(relative))
            switch TemplateCopyState.of(copy: copy, copied: record.hashes[relative], pending: record.pending[relative], builtIn: builtInHash,
                                        besideExists: FileManager.default.fileExists(atPath: path + TemplateCopyState.besideSuffix)) {
            case .behind:
                warnings.append(bilingual("\(path): not edited since init copied it, and fidelis-report's own template has changed since, so this report does not have the change (expected the current text: \(update) replaces the copies nobody edited, or delete this one to use the built-in template)", "\(path): pas modifié depuis sa copie par init, alors que le modèle de fidelis-report a changé depuis\u{00A0}: ce rapport n'a donc pas ce changement (attendu\u{00A0}: le texte actuel, \(update) remplace les copies que personne n'a modifiées, ou supprimez celle-ci pour utiliser le modèle intégré)"))
            case .editedBehind:
                warnings.append(bilingual("\(path): edited since init copied it, and fidelis-report's own template has changed since (expected the change carried into your copy: \(update) writes the new text beside it as \(beside) to compare)", "\(path): modifié depuis sa copie par init, et le modèle de fidelis-report a changé depuis (attendu\u{00A0}: le changement reporté dans votre copie, \(update) écrit le nouveau texte à côté, sous le nom \(beside), pour comparer)"))
            case .mergeLost:
                warnings.append(bilingual("\(path): the new built-in text that init --update wrote beside it as \(beside) is gone, and this copy has not changed since, so the change is in neither (expected it merged: \(update) writes \(beside) again; to keep your copy as it is, change it, say with a Mustache comment {{! kept our text }})", "\(path): le nouveau texte intégré qu'init --update a écrit à côté, sous le nom \(beside), a disparu, et cette copie n'a pas changé depuis\u{00A0}: le changement n'est donc dans aucun des deux (attendu\u{00A0}: le changement fusionné, \(update) écrit de nouveau \(beside)\u{202F}; pour garder votre copie telle quelle, modifiez-la, par exemple avec un commentaire Mustache {{! texte conservé }})"))
            case .current, .edited, .unrecorded, .mergePending, .merged:
                break
            }
        }
        return warnings
    }
}
