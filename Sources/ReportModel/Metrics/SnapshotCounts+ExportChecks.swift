/// How a snapshot's customers follow on from the previous snapshot's, from its counts: what tells an
/// export accident (a file cut short, customer ids written another way, an import of another base)
/// from a change among the customers, which the figures alone cannot (all three read as churn, or as
/// growth).
/// Customers who leave the export while inactive (a purge of dormant accounts) change no figure and
/// are not counted against it: the tests are on the customers active at the previous snapshot, who
/// count as lost when they are missing, and on those active now who were missing from it.
extension SnapshotCounts {
    /// Fewest customers a warning is about: small sets come and go by a few.
    public static let fewestCustomers = 20

    /// Whether at least half of the customers active at the previous snapshot (and at least
    /// `fewestCustomers`) are missing: more than leave a CRM export in a period; an export cut
    /// short or ids written another way are likelier. (A file without a customer row gets the note
    /// on its pages, but not this warning: it has one of its own.)
    public var missesManyCustomers: Bool {
        missingActive >= Self.fewestCustomers && 2 * missingActive >= previouslyActive
    }

    /// Whether at least a fifth of this snapshot's customers (and at least `fewestCustomers`) are
    /// buyers new to the data with orders from before the previous snapshot: an import (a merger, a
    /// new shop) or ids written another way.
    public var importsManyCustomers: Bool {
        arrivedWithHistory >= Self.fewestCustomers && 5 * arrivedWithHistory >= customers
    }

    /// Whether at least half of this snapshot's active customers (and at least `fewestCustomers`)
    /// were missing from the previous snapshot but in an earlier one: that export was likely cut short.
    public var bringsManyBack: Bool {
        returnedActive >= Self.fewestCustomers && 2 * returnedActive >= active
    }

    /// Whether both: the customers of the previous snapshot are missing and others with the same
    /// past take their place, as when an export writes the customer ids another way.
    public var looksLikeNewIDs: Bool { missesManyCustomers && importsManyCustomers }

    /// The warnings for snapshot `file` (whose counts these are), whose previous snapshot is `previousFile`, as of `previousAsOf`.
    public func exportWarnings(file: String, previousFile: String, previousAsOf: Day) -> [String] {
        // In whole percents, but never 100% for a part of the whole.
        func percent(_ part: Int, of whole: Int) -> String {
            let p = 100 * Double(part) / Double(max(whole, 1))
            let english = part < whole && p >= 99.5 ? String(format: "%.1f%%", min(p, 99.9)) : "\(Int(p.rounded()))%"
            // In French: a decimal comma, and a narrow no-break space before %.
            return bilingual(english, english.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "%", with: "\u{202F}%"))
        }
        let missing = bilingual("\(missingActive) of the \(previouslyActive) customers active at \(previousFile) (\(percent(missingActive, of: previouslyActive))) are not in it",
                                "\(missingActive) des \(previouslyActive) clients actifs dans \(previousFile) (\(percent(missingActive, of: previouslyActive))) n'y sont pas")
        if looksLikeNewIDs {
            return [bilingual("\(file): \(missing), and \(arrivedWithHistory) customers (\(percent(arrivedWithHistory, of: customers)) of its rows) appear for the first time with orders dated on or before \(previousAsOf): "
                    + "customer ids written another way? The former count as lapsed, the latter as new customers whose revenue so far is revenue of the period",
                    "\(file): \(missing), et \(arrivedWithHistory) clients (\(percent(arrivedWithHistory, of: customers)) de ses lignes) apparaissent pour la première fois avec des commandes datées au plus tard du \(previousAsOf)\u{00A0}: "
                    + "des identifiants clients écrits autrement\u{00A0}? Les premiers comptent comme perdus, les seconds comme de nouveaux clients dont le CA à ce jour compte comme CA de la période")]
        }
        var warnings: [String] = []
        if missesManyCustomers && customers > 0 {
            warnings.append(bilingual("\(file): \(missing): an export cut short, or customer ids written another way? They count as lapsed, so its retention and churn reflect the export rather than the customers",
                                      "\(file): \(missing)\u{00A0}: un export tronqué, ou des identifiants clients écrits autrement\u{00A0}? Ils comptent comme perdus, donc sa rétention et son churn reflètent l'export plutôt que les clients"))
        }
        if importsManyCustomers {
            warnings.append(bilingual("\(file): \(arrivedWithHistory) customers (\(percent(arrivedWithHistory, of: customers)) of its rows) appear for the first time with orders dated on or before \(previousAsOf), "
                            + "the date of \(previousFile): an import (a merger, a new shop), or customer ids written another way? Their revenue so far counts as revenue of the period, and they join past cohorts as customers who were not active then",
                            "\(file): \(arrivedWithHistory) clients (\(percent(arrivedWithHistory, of: customers)) de ses lignes) apparaissent pour la première fois avec des commandes datées au plus tard du \(previousAsOf), "
                            + "la date de \(previousFile)\u{00A0}: une importation (une fusion, une nouvelle boutique), ou des identifiants clients écrits autrement\u{00A0}? Leur CA à ce jour compte comme CA de la période, et ils rejoignent les cohortes passées comme des clients qui n'étaient pas actifs alors"))
        }
        if bringsManyBack {
            warnings.append(bilingual("\(file): \(returnedActive) of its \(active) active customers (\(percent(returnedActive, of: active))) were not in \(previousFile) but in an earlier snapshot: was that export cut short? "
                            + "They count as newly active, with all their revenue so far as revenue of the period",
                            "\(file): \(returnedActive) de ses \(active) clients actifs (\(percent(returnedActive, of: active))) n'étaient pas dans \(previousFile) mais dans un relevé antérieur\u{00A0}: cet export était-il tronqué\u{00A0}? "
                            + "Ils comptent comme nouvellement actifs, avec tout leur CA à ce jour compté comme CA de la période"))
        }
        return warnings
    }
}
