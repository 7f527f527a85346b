import Foundation

/// What reading a transaction ledger asks of memory, from the file's size alone, before it is read.
///
/// A ledger's lines are all held while its month ends are derived (24 bytes a line as read, about
/// 41 at the read's peak), so its memory grows with the file, where a snapshot build's grows with
/// its customers: the same 200 k customers as 1 M and as 4 M lines peaked at 84 and 208 MB, and
/// the 180 MB, 5 M-line sample ledger at 255 MB, 1.41 times its size (`validate --parse-only`,
/// thirty-eighth session). The estimate takes one and a half times the file.
public struct LedgerMemoryEstimate: Sendable, Equatable {
    /// The ledger file's size in bytes.
    public let fileBytes: UInt64

    public init(fileBytes: UInt64) { self.fileBytes = fileBytes }

    /// The expected peak of reading the ledger and deriving its month ends, in bytes.
    public var peakBytes: UInt64 { fileBytes + fileBytes / 2 }

    /// True when the expected peak passes three quarters of `memory`, the bytes this process may use
    /// (the rest being the system's, the other programs' and the build's own figures and pages).
    public func exceeds(memory: UInt64) -> Bool { peakBytes > memory / 4 * 3 }

    /// A warning for the ledger shown as `file` where `memory` bytes can be used, said before
    /// it is read (a run stopped for lack of memory says nothing of its own), or nil when it fits.
    /// `cappedByControlGroup`: that memory is a control group's limit (a container's, a CI job's),
    /// not the machine's.
    public func warning(file: String, memory: UInt64, cappedByControlGroup: Bool = false) -> String? {
        guard exceeds(memory: memory) else { return nil }
        // In GiB, as memory limits are set (`docker --memory 1g`, Kubernetes' `1Gi`): in decimal GB
        // a 1 GiB limit read "1.1 GB".
        // Two decimals under 10 GiB, so that the estimate and the limit compared are told apart.
        func gib(_ bytes: UInt64) -> String {
            let value = Double(bytes) / 1_073_741_824
            return String(format: value < 9.995 ? "%.2f GiB" : "%.1f GiB", value)
        }
        guard MessageLanguage.current == .fr else {
            let room = cappedByControlGroup ? "the \(gib(memory)) this process may use (its control group's memory limit)"
                : "the \(gib(memory)) this machine has"
            return "\(file) is \(gib(fileBytes)): a ledger's lines are all held in memory while its month ends are derived, "
                + "about \(gib(peakBytes)) for this one, more than three quarters of \(room). If the run is stopped for lack "
                + "of memory (killed by the kernel: exit status 137; a site in place is left as it was), turn the ledger into monthly "
                + "snapshots where it lives (sql/snapshots.sql in fidelis-report's repository, see the README's "
                + "\"Beyond one machine\") and build from those with --snapshots"
        }
        // In French, GiB is Gio, with a decimal comma.
        let fr = { (bytes: UInt64) in gib(bytes).replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: " GiB", with: "\u{00A0}Gio") }
        let room = cappedByControlGroup ? "des \(fr(memory)) que ce processus peut utiliser (la limite de mémoire de son groupe de contrôle)"
            : "des \(fr(memory)) de cette machine"
        return "\(file) fait \(fr(fileBytes))\u{00A0}: les lignes d'un journal de transactions sont toutes gardées en mémoire pendant le calcul de ses fins de mois, "
            + "environ \(fr(peakBytes)) pour celui-ci, plus des trois quarts \(room). Si l'exécution est arrêtée faute "
            + "de mémoire (tuée par le noyau\u{00A0}: code de sortie 137\u{202F}; un site en place est laissé tel quel), transformez le journal en relevés "
            + "mensuels là où il se trouve (sql/snapshots.sql dans le dépôt de fidelis-report, voir la section "
            + "\"Beyond one machine\" du README) et générez à partir de ceux-ci avec --snapshots"
    }
}
