import ArgumentParser
import Foundation
import ReportModel

/// `fidelis-report sample`: writes realistic, deterministic demo data.
struct Sample: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "sample", abstract: bilingual("Write deterministic demo snapshots (or a ledger) to a folder.",
                                                                        "Écrit des relevés de démonstration reproductibles (ou un journal) dans un dossier."))
    }

    @Option(name: .long, help: ArgumentHelp(bilingual("Folder to write (created if needed; one that already holds CSV files is refused).",
                                                   "Dossier où écrire (créé au besoin\u{202F}; un dossier qui contient déjà des CSV est refusé)."), valueName: HelpValueName.folder))
    var out: String

    @Option(name: .long, help: ArgumentHelp(bilingual("Number of customers.", "Nombre de clients."), valueName: "n"))
    var customers = 2000

    @Option(name: .long, help: ArgumentHelp(bilingual("Number of monthly snapshots (with --ledger: months of the report; the ledger also holds the 12 months of purchases before them).",
                                                      "Nombre de relevés mensuels (avec --ledger\u{00A0}: mois du rapport\u{202F}; le journal contient aussi les 12 mois d'achats qui les précèdent)."), valueName: "n"))
    var months = 12

    @Option(name: .long, help: ArgumentHelp(bilingual("Random seed (same seed, same bytes).", "Graine aléatoire (même graine, mêmes octets)."), valueName: "n"))
    var seed: UInt64 = 42

    @Flag(name: .long, help: ArgumentHelp(bilingual("Write a transaction ledger (transactions.csv) instead of snapshots.",
                                                    "Écrire un journal de transactions (transactions.csv) au lieu de relevés.")))
    var ledger = false

    @Flag(name: .long, help: ArgumentHelp(bilingual("Write French-Excel CSV: ';' delimiter, decimal commas, CRLF, BOM.",
                                                    "Écrire des CSV d'Excel français\u{00A0}: séparateur ';', virgules décimales, CRLF, BOM.")))
    var semicolon = false

    @Flag(name: .long, help: ArgumentHelp(bilingual("Print nothing.", "Ne rien afficher.")))
    var quiet = false

    func validate() throws {
        // An empty --out would write into the current folder.
        try rejectBlank(out, "--out", expected: bilingual("a folder such as demo-data", "un dossier tel que demo-data"))
        do { try settings.validate() } catch {
            // A setting out of range, worded as its option ("--months must be between 1 and 600.").
            guard let setting = error.setting, let requirement = error.requirement else { throw ValidationError(error.description) }
            throw ValidationError(bilingual("--\(setting) must be \(requirement).", "--\(setting) doit être \(requirement)."))
        }
    }

    /// The generator's settings from the options.
    private var settings: SampleSettings {
        SampleSettings(customers: customers, months: months, seed: seed, semicolonDelimited: semicolon)
    }

    func run() throws {
        do { try SampleFolder.check(out) } catch {
            Exit.printError(error.description)
            throw ExitCode(73)
        }
        // What this run writes is taken back if it fails or is interrupted, so that the next run
        // into the folder is not refused for holding this one's first months.
        let output = SampleFolder.Output(out)
        InterruptCleanup.shared.install()
        let undo = InterruptCleanup.shared.register {
            let removed = output.takeBack()
            let folders = removed.folders > 0 ? bilingual(" and the folder(s) it had made", " et le(s) dossier(s) qu'il avait créé(s)") : ""
            return bilingual("removed the \(removed.files) file(s) it had written into \(output.path)\(folders)",
                             "le(s) \(removed.files) fichier(s) qu'il avait écrit(s) dans \(output.path)\(folders) sont retirés")
        }
        let settings = self.settings
        let quiet = self.quiet
        let progress: (Int, Int) -> Void = { done, total in
            if !quiet { StandardError.write(bilingual("[\(done)/\(total)] \(ledger ? "month of purchases" : "snapshot") written", "[\(done)/\(total)] \(ledger ? "mois d'achats écrit" : "relevé écrit")") + "\n") }
        }
        do {
            if ledger {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try SampleGenerator.writeLedger(to: URL(fileURLWithPath: out).appendingPathComponent("transactions.csv"), settings: settings, progress: progress)
            } else {
                try SampleGenerator.writeSnapshots(to: URL(fileURLWithPath: out), settings: settings, progress: progress)
            }
        } catch {
            // A failure an interruption caused is not reported: the interruption ends the run.
            InterruptCleanup.shared.waitIfInterrupted()
            InterruptCleanup.shared.unregister(undo)
            output.takeBack()
            if let error = error as? SampleError { throw ValidationError(error.description) }
            Exit.printError(Exit.describe(error, fallback: out))
            throw ExitCode(73)
        }
        // Done: an interruption from now on leaves the files (or, if it came first, takes them
        // back before this returns, and the run ends by it).
        InterruptCleanup.shared.uncut {
            InterruptCleanup.shared.unregister(undo)
            _ = InterruptCleanup.shared.register { bilingual("\(output.path) holds the whole sample", "\(output.path) contient tout l'échantillon") }
        }
        if !quiet {
            print(ledger ? bilingual("Wrote a ledger for \(customers) customers to \((out as NSString).appendingPathComponent("transactions.csv")) (give it with --transactions)", "Écrit un journal de transactions de \(customers) clients dans \((out as NSString).appendingPathComponent("transactions.csv")) (à donner avec --transactions)")
                         : bilingual("Wrote \(months) snapshot(s) for \(customers) customers to \(out)", "Écrit \(months) relevé(s) de \(customers) clients dans \(out)"))
        }
    }
}
