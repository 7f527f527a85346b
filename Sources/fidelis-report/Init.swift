import ArgumentParser
import Foundation
import ReportModel
import ReportRender
import Synchronization

/// `fidelis-report init`: writes an editable config and copies of the templates.
struct Init: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init",
        abstract: bilingual("Write an editable fidelis.yml and copies of the templates into a folder.",
                            "Écrit un fidelis.yml modifiable et des copies des modèles dans un dossier."),
        discussion: bilingual("""
            Refuses to overwrite existing files. Then: fidelis-report build --config DIR/fidelis.yml --templates DIR/templates

            The copies are recorded (templates/.fidelis-templates), so that once a new version of \
            fidelis-report changes its templates, builds warn about the copies that fall behind and \
            `init --update DIR` brings them up to date: it replaces the copies nobody edited, writes \
            the new text beside each edited one as NAME.new to compare and merge (done once the copy \
            has changed and NAME.new is deleted), adds the files the new version has, keeps the ones \
            the team deleted deleted, and leaves fidelis.yml as it is.
            """, """
            N'écrase aucun fichier existant. Ensuite\u{00A0}: fidelis-report build --config DIR/fidelis.yml --templates DIR/templates

            Les copies sont enregistrées (templates/.fidelis-templates)\u{00A0}: quand une nouvelle version \
            de fidelis-report change ses modèles, les générations signalent les copies en retard, et \
            `init --update DIR` les met à jour\u{00A0}: il remplace les copies que personne n'a modifiées, \
            écrit le nouveau texte à côté de chaque copie modifiée sous le nom NAME.new, à comparer et \
            fusionner (c'est fait quand la copie a changé et que NAME.new est supprimé), ajoute les \
            fichiers que la nouvelle version a en plus, ne rétablit pas ceux que l'équipe a supprimés, et \
            laisse fidelis.yml tel quel.
            """)) }

    @Argument(help: ArgumentHelp(bilingual("Folder to write into (with --update: that folder, or its templates/ folder).",
                                         "Dossier où écrire (avec --update\u{00A0}: ce dossier, ou son dossier templates/)."), valueName: HelpValueName.folder))
    var directory = "."

    @Flag(name: .long, help: ArgumentHelp(bilingual("Bring the templates an earlier init copied up to date with this version's (see above); writes no fidelis.yml.",
                                                    "Mettre les modèles copiés par un init précédent à jour avec ceux de cette version (voir plus haut)\u{202F}; n'écrit pas de fidelis.yml.")))
    var update = false

    @Option(name: [.long, .customLong("lang")], help: ArgumentHelp(bilingual("Language of fidelis.yml: its comments and the report's locale (default: the console's, so fr in a French terminal).",
                                                                          "Langue de fidelis.yml\u{00A0}: ses commentaires et la locale du rapport (par défaut\u{00A0}: celle de la console, donc fr dans un terminal en français)."), valueName: "en|fr"))
    var locale: ReportLocale?

    func validate() throws {
        if update && locale != nil {
            throw ValidationError(bilingual("--locale is for a new fidelis.yml; --update writes none (expected one of them)", "--locale vaut pour un nouveau fidelis.yml\u{202F}; --update n'en écrit pas (attendu\u{00A0}: l'un ou l'autre)"))
        }
        try rejectBlank(directory, bilingual("the folder", "le dossier"), expected: bilingual("a folder such as . or my-report", "un dossier tel que . ou my-report"))
    }

    func run() throws {
        if update { return try updateTemplates() }
        let fm = FileManager.default
        let config = (directory as NSString).appendingPathComponent("fidelis.yml")
        let templates = (directory as NSString).appendingPathComponent("templates")
        // Checked before anything is written; a failure while writing takes back what was written.
        if let failure = ReportBuilder.missingBuiltInTemplates { throw Exit.failure(failure) }
        for path in [config, templates] where fm.fileExists(atPath: path) {
            Exit.printError(bilingual("\(path) already exists; not overwriting it", "\(path) existe déjà\u{202F}; il n'est pas écrasé") + (fm.fileExists(atPath: templates) ? bilingual(" (after an upgrade, `fidelis-report init --update \(directory)` brings the templates up to date)", " (après une mise à jour de l'outil, `fidelis-report init --update \(directory)` met les modèles à jour)") : ""))
            throw ExitCode(73)
        }
        // What this run made, taken back if a later step fails (a full disk while the templates are
        // copied left a fidelis.yml, and the next run was refused because it "already exists").
        // Interrupted, as failed: the same, then the run ends by its signal.
        let made = MissingFolders.of(directory) + [config, templates]
        let takeBack: @Sendable () -> Void = { for path in made.reversed() { try? FileManager.default.removeItem(atPath: path) } }
        InterruptCleanup.shared.install()
        let undo = InterruptCleanup.shared.register {
            takeBack()
            return bilingual("removed what it had written", "ce qu'il avait écrit est retiré")
        }
        do {
            // Whole (a few milliseconds): an interruption waits for the copy, then takes it all back
            // (cut short, the copy went on writing while the cleanup removed it: 1 run in 10 left
            // part of templates/, and the next init was refused).
            try InterruptCleanup.shared.uncut {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try DefaultConfig.yaml(for: locale ?? MessageLanguage.current).write(toFile: config, atomically: true, encoding: .utf8)
                try fm.copyItem(atPath: TemplateSet.builtInDirectory, toPath: templates)
                try TemplateCopyRecord(hashes: TemplateCopyRecord.files(of: templates)).write(into: templates)
                InterruptCleanup.shared.unregister(undo)
                _ = InterruptCleanup.shared.register { bilingual("\(config) and \(templates)/ are written whole", "\(config) et \(templates)/ sont écrits en entier") }
            }
        } catch {
            InterruptCleanup.shared.waitIfInterrupted()
            InterruptCleanup.shared.unregister(undo)
            takeBack()
            // A failed copy names the file it copied from: the one that could not be written is its copy.
            Exit.printError(Exit.describe(error, fallback: directory).replacingOccurrences(of: TemplateSet.builtInDirectory + "/", with: templates + "/"))
            throw ExitCode(73)
        }
        print(bilingual("Wrote \(config) and \(templates)/", "Écrit \(config) et \(templates)/"))
        print(bilingual("Next: fidelis-report build --config \(config) --templates \(templates)", "Ensuite\u{00A0}: fidelis-report build --config \(config) --templates \(templates)"))
    }

    /// `--update`: the template folder is `directory` itself when it holds templates or their
    /// record, else its `templates/` (where `init` wrote them).
    private func updateTemplates() throws {
        if let failure = ReportBuilder.missingBuiltInTemplates { throw Exit.failure(failure) }
        let fm = FileManager.default
        var given = directory
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        let nested = (given as NSString).appendingPathComponent("templates")
        func isTemplateFolder(_ path: String) -> Bool {
            fm.fileExists(atPath: (path as NSString).appendingPathComponent(TemplateCopyRecord.fileName)) || TemplateSet.holdsTemplates(path)
        }
        // Not any folder: a site's `assets/` or an empty folder would have been given a record, then
        // every template the next time.
        guard let folder = [given, nested].first(where: isTemplateFolder) else {
            Exit.printError(bilingual("\(given): no template folder here, nor in \(nested) (expected the folder `fidelis-report init` wrote, or its templates/ folder)", "\(given): aucun dossier de modèles ici, ni dans \(nested) (attendu\u{00A0}: le dossier qu'a écrit `fidelis-report init`, ou son dossier templates/)"))
            throw ExitCode(66)
        }
        let plan: TemplateFolderUpdate
        do { plan = try TemplateFolderUpdate(folder: folder, builtIn: TemplateSet.builtInDirectory) } catch {
            // A merge conflict's markers, say: guessing from it would take edited copies for unedited ones.
            StandardError.write(error.problems.joined(separator: "\n") + "\n")
            throw ExitCode(65)
        }
        InterruptCleanup.shared.install()
        // Interrupted, the update still runs whole (a few milliseconds), then the run ends by its signal.
        let finished = Mutex(false)
        let note = InterruptCleanup.shared.register {
            finished.withLock { $0 }
                ? bilingual("\(folder)/ was updated whole (run init --update again to see where it stands)", "\(folder)/ a été mis à jour en entier (relancez init --update pour voir où il en est)")
                : bilingual("\(folder)/ was not changed", "\(folder)/ n'a pas changé")
        }
        do {
            try InterruptCleanup.shared.uncut {
                try plan.apply()
                finished.withLock { $0 = true }
            }
        } catch {
            InterruptCleanup.shared.waitIfInterrupted()
            Exit.printError(Exit.describe(error, fallback: folder) + bilingual(" (the files written before it are whole: run init --update again once it can write)", " (les fichiers écrits avant sont entiers\u{00A0}: relancez init --update une fois l'écriture possible)"))
            throw ExitCode(73)
        }
        // Kept to the end: a signal while the summary is printed still says the update is whole.
        _ = note
        let list = { (paths: [String]) in paths.joined(separator: ", ") }
        let new = TemplateCopyState.besideSuffix
        let toMerge = plan.pendingBeside + plan.besideKept
        if plan.changesFiles {
            print(bilingual("Updated \(folder)/ to the templates of fidelis-report \(ToolVersion.current):", "\(folder)/ mis à jour avec les modèles de fidelis-report \(ToolVersion.current)\u{00A0}:"))
        } else if toMerge.isEmpty {
            print(bilingual("\(folder)/ is up to date with the templates of fidelis-report \(ToolVersion.current).", "\(folder)/ est à jour avec les modèles de fidelis-report \(ToolVersion.current)."))
        } else {
            print(bilingual("\(folder)/ has this version's templates, but for edited copies whose NAME\(new) is still to merge:", "\(folder)/ a les modèles de cette version, sauf des copies modifiées dont le NAME\(new) reste à fusionner\u{00A0}:"))
        }
        if !plan.replaced.isEmpty { print(bilingual("  replaced (not edited since init copied them): \(list(plan.replaced))", "  remplacés (non modifiés depuis leur copie par init)\u{00A0}: \(list(plan.replaced))")) }
        if !plan.added.isEmpty { print(bilingual("  added (new in this version): \(list(plan.added))", "  ajoutés (nouveaux dans cette version)\u{00A0}: \(list(plan.added))")) }
        if !plan.beside.isEmpty {
            let why = plan.hadRecord ? bilingual("edited", "modifiés") : bilingual("different from this version's, and the folder has no record of what init copied", "différents de ceux de cette version, et le dossier ne garde pas trace de ce qu'init a copié")
            print(bilingual("  kept as they are (\(why)); this version's text is beside each as NAME\(new), to compare, merge, then delete: \(list(plan.beside))", "  gardés tels quels (\(why))\u{202F}; le texte de cette version est à côté de chacun sous le nom NAME\(new), à comparer, fusionner, puis supprimer\u{00A0}: \(list(plan.beside))"))
            if !plan.besideReplaced.isEmpty { print(bilingual("    (the NAME\(new) already there, untouched, replaced for: \(list(plan.besideReplaced)))", "    (le NAME\(new) déjà présent, non modifié, remplacé pour\u{00A0}: \(list(plan.besideReplaced)))")) }
        }
        if !plan.besideAgain.isEmpty { print(bilingual("  NAME\(new) written again (it was gone and the copy unchanged, so not merged): \(list(plan.besideAgain))", "  NAME\(new) écrit de nouveau (il avait disparu et la copie n'avait pas changé, donc rien n'était fusionné)\u{00A0}: \(list(plan.besideAgain))")) }
        if !plan.besideKept.isEmpty { print(bilingual("  NAME\(new) left as it is (you have edited it; merge it and delete it, then run init --update again for this version's text): \(list(plan.besideKept))", "  NAME\(new) laissé tel quel (vous l'avez modifié\u{202F}; fusionnez-le et supprimez-le, puis relancez init --update pour le texte de cette version)\u{00A0}: \(list(plan.besideKept))")) }
        if !plan.pendingBeside.isEmpty { print(bilingual("  still to merge, then delete NAME\(new): \(list(plan.pendingBeside))", "  encore à fusionner, puis supprimer NAME\(new)\u{00A0}: \(list(plan.pendingBeside))")) }
        if !plan.merged.isEmpty { print(bilingual("  merged (NAME\(new) deleted after the copy changed): \(list(plan.merged))", "  fusionnés (NAME\(new) supprimé après la modification de la copie)\u{00A0}: \(list(plan.merged))")) }
        if !plan.edited.isEmpty { print(bilingual("  edited, and already on this version's text (nothing to do): \(list(plan.edited))", "  modifiés, et déjà sur le texte de cette version (rien à faire)\u{00A0}: \(list(plan.edited))")) }
        if !plan.keptDeleted.isEmpty { print(bilingual("  kept deleted (the built-in ones are used): \(list(plan.keptDeleted))", "  laissés supprimés (les modèles intégrés sont utilisés)\u{00A0}: \(list(plan.keptDeleted))")) }
        if !plan.noLongerShipped.isEmpty { print(bilingual("  no longer in this version (left as they are; delete them if unused): \(list(plan.noLongerShipped))", "  absents de cette version (laissés tels quels\u{202F}; supprimez-les s'ils ne servent pas)\u{00A0}: \(list(plan.noLongerShipped))")) }
        print(bilingual("  \(plan.current.count) file(s) already this version's text.", "  \(plan.current.count) fichier(s) déjà sur le texte de cette version."))
    }
}
