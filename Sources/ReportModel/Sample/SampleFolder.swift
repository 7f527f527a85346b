import Foundation

/// The folder `sample` writes into must hold no CSV file: a sample never overwrites data (a user's
/// real exports named like its months) nor mixes its files with others (an earlier sample's months
/// beside its own, a ledger beside snapshots). No marker file is kept to recognise an earlier
/// sample's folder: scripts list snapshot folders, and a stray file there would be read as input.
public enum SampleFolder {
    /// Throws a `SampleError` naming the CSV files `path` holds (it need not exist).
    public static func check(_ path: String) throws(SampleError) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let csv = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard let first = csv.first else { return }
        let what = csv.count == 1 ? first : bilingual("\(first) and \(csv.count - 1) more CSV file(s)", "\(first) et \(csv.count - 1) autre(s) fichier(s) CSV")
        throw SampleError(bilingual("\(path) already holds \(what): sample never overwrites files nor mixes its own with others (expected a new or empty folder)",
                                    "\(path) contient déjà \(what)\u{00A0}: sample n'écrase jamais de fichiers et ne mélange pas les siens avec d'autres (attendu\u{00A0}: un dossier nouveau ou vide)"))
    }
}

extension SampleFolder {
    /// What a `sample` run writes into its folder, taken back when the run fails (a full disk) or
    /// is interrupted: the files of its names (`YYYY-MM.csv`, `transactions.csv`, and their
    /// `.NAME.partial` while being written) that were not there when it started, then the folders
    /// it made, if they are empty. Anything else put there meanwhile is left alone.
    /// An interrupted run had left its months so far and a file cut in the middle of a row under
    /// a month's name, and the next run into that folder was refused (it holds CSV files).
    public struct Output: Sendable {
        /// The folder written.
        public let path: String
        private let before: Set<String>
        /// The folders made to hold the files, outermost first.
        private let made: [String]

        /// Notes what `path` holds before the run (it need not exist).
        public init(_ path: String) {
            self.path = path
            before = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            made = MissingFolders.of(path)
        }

        /// Removes what the run added; says how many files and folders it removed.
        @discardableResult
        public func takeBack() -> (files: Int, folders: Int) {
            var files = 0, folders = 0
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !before.contains(name) && Output.isSampleFile(name) {
                if unlink((path as NSString).appendingPathComponent(name)) == 0 { files += 1 }
            }
            for folder in made.reversed() where rmdir(folder) == 0 { folders += 1 }
            return (files, folders)
        }

        /// Whether `name` is one `sample` writes: `YYYY-MM.csv`, `transactions.csv`, or either as
        /// `.NAME.partial`.
        static func isSampleFile(_ name: String) -> Bool {
            var file = Substring(name)
            if file.hasPrefix("."), file.hasSuffix(".partial") { file = file.dropFirst().dropLast(".partial".count) }
            if file == "transactions.csv" { return true }
            let bytes = Array(file.utf8)
            let digit = { (b: UInt8) in b >= 48 && b <= 57 }
            return bytes.count == 11 && bytes[0..<4].allSatisfy(digit) && bytes[4] == UInt8(ascii: "-")
                && bytes[5..<7].allSatisfy(digit) && file.hasSuffix(".csv")
        }
    }
}
