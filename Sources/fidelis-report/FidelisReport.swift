import ArgumentParser
import Foundation
import ReportModel
import ReportRender

/// The `fidelis-report` command: monthly retention reports from customer data.
@main
struct FidelisReport: ParsableCommand {
    /// Computed, as the other commands' are, so that its texts are in the messages' language
    /// (`MessageLanguage`, set first thing in `main`).
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "fidelis-report",
        abstract: bilingual("Turns customer snapshots or a transaction ledger into a retention report site.",
                            "Fait de relevés clients ou d'un journal de transactions un site de rapport de fidélisation."),
        discussion: bilingual("""
        Start with `fidelis-report build`: with no input it reports on the example data shipped \
        with the project and writes site/index.html.

        Exit status: 0 done; 3 site written but an escalation named by --fail-on is raised; \
        64 usage error; 65 bad input data, config or template; 66 input missing (snapshot \
        folder, ledger, config file or templates folder not found); \
        73 output folder refused (not a site, a link, a mount point, holding the input, config or \
        templates) or not writable (a full disk), or another build is writing it; \
        70 internal error.
        """, """
        Commencez par `fidelis-report build`\u{00A0}: sans données en entrée, il fait le rapport des \
        données d'exemple livrées avec le projet et écrit site/index.html.

        Code de sortie\u{00A0}: 0 terminé\u{202F}; 3 site écrit, mais une escalade nommée par --fail-on est \
        levée\u{202F}; 64 erreur d'usage\u{202F}; 65 données, config ou modèle invalides\u{202F}; 66 entrée \
        absente (dossier de relevés, journal, fichier de config ou dossier de modèles introuvable)\u{202F}; \
        73 dossier de sortie refusé (pas un site, un lien, un point de montage, ou contenant les \
        données, la config ou les modèles) ou impossible à écrire (disque plein), ou une autre \
        génération est en train de l'écrire\u{202F}; 70 erreur interne.
        """),
        version: ToolVersion.current,
        subcommands: [Build.self, Validate.self, Sample.self, Init.self],
        defaultSubcommand: nil
    ) }

    /// Parses, runs, and maps failures to output.md's exit statuses: usage errors 64 (from the
    /// parser), the statuses commands choose, and 70 for anything unexpected.
    static func main() {
        // Before anything is said or any thread starts (`MessageLanguage.current` is read unlocked).
        MessageLanguage.current = MessageLanguage.of(environment: ProcessInfo.processInfo.environment)
        MemoryPolicy.apply()
        // A closed pipe (`validate | head`, `… 2>&1 | true`) drops what is written to it instead of
        // ending the process by SIGPIPE (exit 141, which hid the status under `set -o pipefail`).
        // Ignored, not caught as `InterruptCleanup`'s signals are: on Linux libdispatch's handler
        // sends a SIGPIPE raised by a write on to its own thread, again and again, and the source
        // never fires. The write fails (EPIPE), its text is dropped, the run ends as it would have.
        signal(SIGPIPE, SIG_IGN)
        // `help NAME` for a NAME that is no command: the parser printed the general help, exit 0.
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if arguments.count >= 2, arguments[0] == "help", !arguments[1].hasPrefix("-"), !commands.contains(arguments[1]) {
            Exit.printError(bilingual("no command named \"\(arguments[1])\" (expected one of \(commands.joined(separator: ", ")))", "aucune commande nommée \"\(arguments[1])\" (attendu\u{00A0}: l'une de \(commands.joined(separator: ", ")))"))
            Foundation.exit(64)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitInMessageLanguage(error)
        }
        do {
            try command.run()
        } catch {
            // An interrupted run ends by its signal once its cleanup is done, not by a failure
            // the cleanup caused.
            InterruptCleanup.shared.waitIfInterrupted()
            exit(after: error)
        }
    }

    /// Ends the process as the parser does for `error` (its text, its status), a usage error's text
    /// (`ParserErrorText`) and the help (`HelpText`) in the messages' language; versions and
    /// statuses as they are.
    private static func exitInMessageLanguage(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        guard MessageLanguage.current == .fr else { exit(withError: error) }
        if code == .validationFailure {
            StandardError.write(ParserErrorText.inMessageLanguage(fullMessage(for: error)) + "\n")
            Foundation.exit(code.rawValue)
        }
        // A help request (the parser's own error type, not `CleanExit`): printed on standard
        // output, status 0, as the parser does. A version or a help dump is left as it is.
        let text = fullMessage(for: error)
        guard code == .success, HelpText.isHelp(text) else { exit(withError: error) }
        print(HelpText.inMessageLanguage(text))
        Foundation.exit(code.rawValue)
    }

    /// Ends the process after `command.run()` threw `error`: the statuses commands choose, the
    /// parser's own errors (help and version requests reach us as those), else 70.
    private static func exit(after error: any Error) -> Never {
        if error is ExitCode || error is ValidationError || error is CleanExit
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            exitInMessageLanguage(error)
        }
        Exit.printError(bilingual("internal error: \(error)", "erreur interne\u{00A0}: \(error)"))
        Foundation.exit(70)
    }
}
