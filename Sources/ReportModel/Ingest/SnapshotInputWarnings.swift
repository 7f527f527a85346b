/// The warnings about the snapshots of an input as they are read, each said once a build, not once a
/// snapshot: unknown columns, columns that come and go from one snapshot to the next, a file cut
/// short, repeat buyers without `first_order_date`. Kept across the snapshots of one read.
public struct SnapshotInputWarnings {
    /// Unknown columns named so far.
    private var unknownColumns = Set<String>()
    /// Whether the repeat buyers without `first_order_date` have had their warning.
    private var missingFirstOrderDatesSaid = false
    /// The name and columns of the snapshot before (nil before the first).
    private var previousColumns: (name: String, columns: Set<SnapshotColumn>)?

    public init() {}

    /// The columns of what happened during a snapshot's period (input.md), which one snapshot may
    /// have and the next lack without anything wrong.
    static let periodColumns: Set<SnapshotColumn> = [.nps, .csat, .ces, .feedback, .publicComplaint, .refundRequested]

    /// Columns of what a customer is (not of what happened during the period: surveys, feedback,
    /// complaints and refunds, which a snapshot may lack in a month without any, input.md) that
    /// `name` lacks and the snapshot before it had: this snapshot's figures that need them are worked
    /// out without them (a loyalty programme, VIPs); and a `status` column that comes or goes, which
    /// changes what "active" means between two snapshots (metrics.md).
    private static func columnChangeWarnings(_ name: String, columns: Set<SnapshotColumn>, previousName: String, previousColumns: Set<SnapshotColumn>) -> [String] {
        var warnings: [String] = []
        let lost = previousColumns.subtracting(columns).subtracting(periodColumns).map(\.rawValue).sorted()
        if !lost.isEmpty {
            let one = lost.count == 1
            warnings.append(bilingual("\(name) lacks the \(lost.joined(separator: ", ")) column\(lost.count == 1 ? "" : "s") that \(previousName) had: "
                            + "its figures that need \(lost.count == 1 ? "it" : "them") are worked out without \(lost.count == 1 ? "it" : "them") (left out of the export?)",
                            "\(name) n'a plus \(one ? "la colonne" : "les colonnes") \(lost.joined(separator: ", ")) que \(previousName) avait\u{00A0}: "
                            + "ses chiffres qui en ont besoin sont calculés sans \(one ? "elle (oubliée" : "elles (oubliées") dans l'export\u{00A0}?)")
                            + (lost.contains("status") ? bilingual("; activity is read from the activity window again, not from status, so its retention and churn compare two definitions of active",
                                                                   "\u{202F}; l'activité est de nouveau lue d'après la fenêtre d'activité, et non d'après status, donc sa rétention et son churn comparent deux définitions de l'activité") : ""))
        }
        if columns.contains(.status) && !previousColumns.contains(.status) {
            warnings.append(bilingual("\(name) has a status column that \(previousName) lacks: activity is read from it from here on, not from the activity window, so this snapshot's retention and churn compare two definitions of active",
                                      "\(name) a une colonne status que \(previousName) n'a pas\u{00A0}: l'activité est lue d'après elle à partir d'ici, et non d'après la fenêtre d'activité, donc la rétention et le churn de ce relevé comparent deux définitions de l'activité"))
        }
        return warnings
    }

    /// The warnings about a snapshot as read: its unknown columns not warned about yet (each column
    /// once), columns the snapshot before had and this one lacks (and a `status` column that comes
    /// or goes), a file without a single data row (a truncated export: every customer active before
    /// would count as lost), and the first file whose repeat buyers lack `first_order_date`.
    /// A ledger's month ends get the first only: their columns are always the same, and they are
    /// never empty nor without first order dates.
    public mutating func warnings(for outcome: SnapshotOutcome, table: borrowing SnapshotTable) -> [String] {
        var warnings = unknownColumnsWarning(outcome, columns: table.columns).map { [$0] } ?? []
        guard !table.derivedFromLedger else { return warnings }
        if let (previousName, previousColumns) = previousColumns {
            warnings += Self.columnChangeWarnings(outcome.name, columns: table.columns, previousName: previousName, previousColumns: previousColumns)
        }
        previousColumns = (outcome.name, table.columns)
        if table.count == 0 {
            warnings.append(bilingual("\(outcome.name): the file has a header row but no customer row (an export cut short?): every customer active before it counts as lost",
                                      "\(outcome.name): le fichier a une ligne d'en-tête mais aucune ligne de client (un export tronqué\u{00A0}?)\u{00A0}: tout client actif avant lui compte comme perdu"))
        }
        if !missingFirstOrderDatesSaid {
            let undated = Self.repeatBuyersWithoutFirstOrder(table)
            if undated > 0 {
                missingFirstOrderDatesSaid = true
                warnings.append(bilingual("\(outcome.name): \(undated) repeat buyer(s) have no first_order_date: predicted CLV then takes a buyer's first purchase as the earliest order date the snapshots show (at first their last order), as if all their orders fell on one day: the model then reads them as gone (P(alive) near 0) and often cannot be fitted at all. Export first_order_date for predicted CLV",
                                          "\(outcome.name): \(undated) acheteur(s) récurrent(s) sans first_order_date\u{00A0}: la CLV prédite prend alors pour premier achat d'un acheteur la date de commande la plus ancienne que montrent les relevés (au début, sa dernière commande), comme si toutes ses commandes tombaient le même jour\u{00A0}: le modèle le voit alors comme parti (P(alive) proche de 0) et ne peut souvent pas être ajusté du tout. Exportez first_order_date pour la CLV prédite"))
            }
        }
        return warnings
    }

    /// The rows of `table` with two orders or more and no first order date (a pass over two
    /// columns, through buffers: about a millisecond at 1 M rows).
    private static func repeatBuyersWithoutFirstOrder(_ table: borrowing SnapshotTable) -> Int {
        table.orders.withUnsafeBufferPointer { orders in
            table.firstOrder.withUnsafeBufferPointer { first in
                // Branch-free, so that the loop is vectorised.
                var count = 0
                let missing = SnapshotTable.missingDay
                for row in 0..<min(orders.count, first.count) {
                    count &+= (orders[row] >= 2).bit & (first[row] == missing).bit
                }
                return count
            }
        }
    }

    /// The warning for the unknown columns of `outcome` not warned about yet (each column once), with
    /// a `columns:` entry for those that may be optional columns the snapshot lacks (its `columns`).
    private mutating func unknownColumnsWarning(_ outcome: SnapshotOutcome, columns: Set<SnapshotColumn>) -> String? {
        let unknown = outcome.unknownColumns.filter { !unknownColumns.contains($0) }
        guard !unknown.isEmpty else { return nil }
        unknownColumns.formUnion(unknown)
        // A name with a replacement character: the header is not UTF-8, and an alias written in it
        // (`Référence`) cannot match.
        let encoding = unknown.contains { $0.contains("\u{FFFD}") }
            ? bilingual(" (not UTF-8 text: ", " (pas du texte UTF-8\u{00A0}: ") + TextValidation.saveAsUTF8 + ")" : ""
        // Those that may be optional columns the file lacks (a survey score, a first-order date
        // under another name): the `columns:` entry that reads them.
        let lacking = Set(SnapshotColumn.allCases.filter { !columns.contains($0) }.map(\.rawValue))
        let candidates = HeaderSynonyms.optionalCandidates(among: unknown, lacking: lacking)
        var mapping = ""
        if !candidates.isEmpty {
            let entry = HeaderSynonyms.columnsEntry(candidates)
            mapping = candidates.count == 1
                ? bilingual("; \"\(candidates[0].name)\" may be \(candidates[0].column): map it in fidelis.yml with \(entry)",
                            "\u{202F}; \"\(candidates[0].name)\" est peut-être \(candidates[0].column)\u{00A0}: associez-le dans fidelis.yml avec \(entry)")
                : bilingual("; some may be columns the report reads: map them in fidelis.yml with \(entry)",
                            "\u{202F}; certaines sont peut-être des colonnes que lit le rapport\u{00A0}: associez-les dans fidelis.yml avec \(entry)")
        }
        return bilingual("\(outcome.name): ignoring unknown column(s) \(unknown.joined(separator: ", "))",
                         "\(outcome.name): colonne(s) inconnue(s) ignorée(s)\u{00A0}: \(unknown.joined(separator: ", "))") + encoding + mapping
    }
}
