import Foundation

/// The snapshot files of a folder, in as-of order (input.md, kind 1).
public struct SnapshotFolder: Sendable {
    public struct Entry: Sendable, Equatable {
        public var period: SnapshotPeriod
        public var path: String
        /// The name shown in messages (`2026-10.csv`).
        public var displayName: String
    }

    public let entries: [Entry]
    /// Files that are not read but are named like a snapshot (`2026-08.csv.gz`, `2026-08.xlsx`):
    /// input.md ignores every non-CSV file, so a month exported in another form would be missed
    /// silently. Each gets a warning saying what to do.
    public let unreadSnapshots: [String]

    /// Lists `directory`. Non-CSV files are ignored; a CSV whose name is not a date, or two files
    /// with the same as-of date, are errors naming the file.
    public init(directory: String) throws(InputErrors) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputErrors([InputError(file: directory, line: 0, column: 0, message: bilingual("snapshot folder not found", "dossier de relevés introuvable"), expected: bilingual("a folder of YYYY-MM.csv files", "un dossier de fichiers YYYY-MM.csv"))])
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
            throw InputErrors([InputError(file: directory, line: 0, column: 0, message: bilingual("cannot list the folder: ", "impossible de lister le dossier\u{00A0}: ") + SystemReason.unreadable(directory, folder: true), expected: bilingual("a readable folder", "un dossier lisible"))])
        }
        var errors = InputErrors()
        var found: [Entry] = []
        // Named like a snapshot and not read, unless the folder has that snapshot as .csv
        // (`2026-08.csv.bak` beside `2026-08.csv` is a copy, not a missed month).
        let csvNames = Set(names.map { $0.lowercased() })
        unreadSnapshots = names.filter { name in
            guard !name.hasPrefix("."), !name.lowercased().hasSuffix(".csv"), let dot = name.firstIndex(of: ".") else { return false }
            let csvName = String(name[..<dot]) + ".csv"
            return SnapshotPeriod(fileName: csvName) != nil && !csvNames.contains(csvName.lowercased())
        }
        for name in names where name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") {
            guard let period = SnapshotPeriod(fileName: name) else {
                errors.append(InputError(file: name, line: 0, column: 0, message: bilingual("the file name is not a snapshot date", "le nom du fichier n'est pas une date de relevé"),
                                         expected: bilingual("YYYY-MM.csv or YYYY-MM-DD.csv", "YYYY-MM.csv ou YYYY-MM-DD.csv") + SnapshotFolder.nameHint(name, folderNames: csvNames)))
                continue
            }
            if let other = found.first(where: { $0.period.asOf == period.asOf }) {
                errors.append(InputError(file: name, line: 0, column: 0, message: bilingual("same as-of date \(period.asOf) as \(other.displayName)", "même date de relevé, \(period.asOf), que \(other.displayName)"), expected: bilingual("one snapshot per date", "un relevé par date")))
                continue
            }
            found.append(Entry(period: period, path: (directory as NSString).appendingPathComponent(name), displayName: name))
        }
        if found.isEmpty && errors.isEmpty {
            let unread = unreadSnapshots.first.map { bilingual("; ", "\u{202F}; ") + SnapshotFolder.unreadWarning($0) } ?? ""
            errors.append(InputError(file: directory, line: 0, column: 0, message: bilingual("the folder holds no snapshot file", "le dossier ne contient aucun fichier de relevé"), expected: bilingual("files named YYYY-MM.csv or YYYY-MM-DD.csv", "des fichiers nommés YYYY-MM.csv ou YYYY-MM-DD.csv") + unread))
        }
        guard errors.isEmpty else { throw errors }
        entries = found.sorted { $0.period < $1.period }
    }

    /// Warnings for months without a snapshot between two snapshots (entries in as-of order), where
    /// the gap is longer than the config's `cadence`, or when it says none, than the folder's usual
    /// one (its most common gap between months, the shorter on a tie: 1 for monthly exports, 3 for
    /// quarterly ones, which then get no warning): retention and churn then compare snapshots
    /// further apart than the others, and a missing export looks like a drop in retention.
    public static func missingMonthWarnings(_ entries: [Entry], cadence: SnapshotCadence? = nil) -> [String] {
        let usual = cadence?.months ?? MonthGap.usual(entries.map(\.period.asOf.month.index))
        return zip(entries, entries.dropFirst()).compactMap { before, after in
            let from = before.period.asOf.month.index, to = after.period.asOf.month.index
            // (Not for files a month apart across a month: 2026-01-31 and 2026-03-01.)
            guard after.period.asOf.days(since: before.period.asOf) > (cadence ?? .monthly).longPeriodDays,
                  let missing = MonthGap.missing(from: from, to: to, usual: usual) else { return nil }
            return bilingual("no snapshot for \(MonthGap.names(missing)): \(after.displayName)'s retention and churn compare it with \(before.displayName), \(to - from) months earlier",
                             "aucun relevé pour \(MonthGap.names(missing))\u{00A0}: la rétention et le churn de \(after.displayName) le comparent à \(before.displayName), \(to - from) mois plus tôt")
        }
    }

    /// What to do with a CSV whose name is not a snapshot date (after "; "), or "": Excel's lock
    /// file of an open snapshot (`~$2026-11.csv`), a second copy of a snapshot (`2026-10 (1).csv`
    /// beside `2026-10.csv`, where "rename it" would overwrite it), a name holding the date another
    /// way (rename it), a ledger (read with --transactions). `folderNames` are the folder's names,
    /// lowercased.
    static func nameHint(_ name: String, folderNames: Set<String>) -> String {
        if name.hasPrefix("~$") {
            return bilingual("; it is the lock file Excel keeps while \(name.dropFirst(2)) is open: close that file in Excel, or delete the lock file",
                             "\u{202F}; c'est le fichier de verrou qu'Excel garde tant que \(name.dropFirst(2)) est ouvert\u{00A0}: fermez ce fichier dans Excel, ou supprimez le fichier de verrou")
        }
        if let renamed = dateName(in: name) {
            if folderNames.contains(renamed.lowercased()) {
                return bilingual("; it looks like a second copy of \(renamed) (a repeated download?): remove it, or name it after its own month",
                                 "\u{202F}; il ressemble à une seconde copie de \(renamed) (un téléchargement répété\u{00A0}?)\u{00A0}: supprimez-le, ou nommez-le d'après son propre mois")
            }
            return bilingual("; rename it \(renamed)", "\u{202F}; renommez-le \(renamed)")
        }
        let lower = name.lowercased()
        if ["transaction", "ledger", "orders", "purchases", "sales"].contains(where: lower.contains) {
            return bilingual("; if it is a transaction ledger (one row per purchase), give the file itself with --transactions",
                             "\u{202F}; si c'est un journal de transactions (une ligne par achat), donnez le fichier lui-même avec --transactions")
        }
        return ""
    }

    /// The warning for a file of `unreadSnapshots`.
    public static func unreadWarning(_ name: String) -> String {
        let lower = name.lowercased()
        let advice: String
        if [".gz", ".zip", ".bz2", ".xz", ".zst", ".7z"].contains(where: lower.hasSuffix) {
            advice = bilingual("decompress it into the folder to read it", "décompressez-le dans le dossier pour qu'il soit lu")
        } else if [".xlsx", ".xls", ".xlsm", ".ods", ".numbers"].contains(where: lower.hasSuffix) {
            advice = bilingual("save it as CSV UTF-8 to read it", "enregistrez-le en CSV UTF-8 pour qu'il soit lu")
        } else {
            advice = bilingual("rename it \(name[..<(name.firstIndex(of: ".") ?? name.endIndex)]).csv if it is a CSV export",
                               "renommez-le \(name[..<(name.firstIndex(of: ".") ?? name.endIndex)]).csv si c'est un export CSV")
        }
        return bilingual("\(name) is not read, as only .csv files are: \(advice)", "\(name) n'est pas lu, car seuls les fichiers .csv le sont\u{00A0}: \(advice)")
    }

    /// The snapshot name a date inside `name` gives (`customers_2026-10.csv` → `2026-10.csv`), to
    /// suggest a rename: the first `YYYY-MM-DD`, else the first `YYYY-MM`, that is a valid period.
    static func dateName(in name: String) -> String? {
        if let found = isoDateName(in: name) { return found }
        // The date with other separators (`2026_01`, `2026.01`, `2026 01`).
        let stem = String(name.dropLast(4).map { $0 == "_" || $0 == "." || $0 == " " ? "-" : $0 })
        if let found = isoDateName(in: stem + ".csv") { return found }
        // Runs of digits: `202601`, `20260115`, or a month before its year (`01-2026`).
        let runs = stem.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init)
        for run in runs where (run.count == 8 || run.count == 6) && ["19", "20", "21"].contains(run.prefix(2)) {
            let year = run.prefix(4), month = run.dropFirst(4).prefix(2), day = run.dropFirst(6)
            let candidate = "\(year)-\(month)" + (day.isEmpty ? "" : "-\(day)") + ".csv"
            if SnapshotPeriod(fileName: candidate) != nil { return candidate }
        }
        for (k, run) in runs.enumerated() where run.count == 2 && k + 1 < runs.count && runs[k + 1].count == 4 {
            let candidate = "\(runs[k + 1])-\(run).csv"
            if stem.contains("\(run)-\(runs[k + 1])"), SnapshotPeriod(fileName: candidate) != nil { return candidate }
        }
        return nil
    }

    /// A `YYYY-MM-DD` or `YYYY-MM` inside `name` (a `.csv` name), as a snapshot file name.
    private static func isoDateName(in name: String) -> String? {
        let characters = Array(name.dropLast(4))
        for length in [10, 7] where characters.count >= length {
            for start in 0...(characters.count - length) {
                // Not part of a longer run of digits on either side.
                if start > 0 && characters[start - 1].isNumber { continue }
                let end = start + length
                if end < characters.count && characters[end].isNumber { continue }
                // Nor the year and month of a `YYYY-MM-DD` that is not a date (2026-02-30).
                if length == 7 && end + 1 < characters.count && characters[end] == "-" && characters[end + 1].isNumber { continue }
                let candidate = String(characters[start..<end]) + ".csv"
                if SnapshotPeriod(fileName: candidate) != nil { return candidate }
            }
        }
        return nil
    }
}
